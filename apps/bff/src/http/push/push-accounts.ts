import { accountIdsOf, type Principal } from '@colibri/jmap-server';
import type { MailStore } from '@colibri/mail-store';

/**
 * The accounts a push connection reports on (RFC 8620 §7): the principal's own at once, and those
 * shared with them that they subscribe to (RFC 9670 §1.4) as soon as they are read. `refresh`
 * re-reads them in place; connections call it at each credential re-check, so a share made or
 * withdrawn reaches open connections within that interval.
 */
export function pushAccounts(
  store: Pick<MailStore, 'listSharesWith' | 'listCollectionSharesWith'>,
  principal: Principal,
): { ids: Set<string>; refresh: () => void } {
  const ids = new Set<string>([principal.accountId]);
  const refresh = () => {
    accountIdsOf(store, principal).then(
      (current) => {
        ids.clear();
        for (const id of current) ids.add(id);
      },
      // Keep the accounts known so far: the next re-check tries again.
      () => undefined,
    );
  };
  refresh();
  return { ids, refresh };
}
