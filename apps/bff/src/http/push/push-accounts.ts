import { subscribedSharedAccounts, type Principal } from '@colibri/jmap-server';
import { sharedPushTypes } from './state-feed.js';
import type { MailStore } from '@colibri/mail-store';

/**
 * The accounts a push connection reports on (RFC 8620 §7): the principal's own at once, and those
 * shared with them that they subscribe to (RFC 9670 §1.4) as soon as they are read. `refresh`
 * re-reads them in place; connections call it at each credential re-check, so a share made or
 * withdrawn reaches open connections within that interval. `sharedTypes` says what each shared
 * account may push, by what is shared there.
 */
export function pushAccounts(
  store: Pick<MailStore, 'listSharesWith' | 'listCollectionSharesWith'>,
  principal: Principal,
): { ids: Set<string>; sharedTypes: Map<string, ReadonlySet<string>>; refresh: () => void } {
  const ids = new Set<string>([principal.accountId]);
  const sharedTypes = new Map<string, ReadonlySet<string>>();
  const refresh = () => {
    subscribedSharedAccounts(store, principal).then(
      (shared) => {
        ids.clear();
        sharedTypes.clear();
        ids.add(principal.accountId);
        for (const account of shared) {
          ids.add(account.accountId);
          sharedTypes.set(account.accountId, sharedPushTypes(account));
        }
      },
      // Keep the accounts known so far: the next re-check tries again.
      () => undefined,
    );
  };
  refresh();
  return { ids, sharedTypes, refresh };
}
