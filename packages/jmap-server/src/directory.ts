import type { Account, MailStore } from '@colibri/mail-store';
import type { Principal } from './principal.js';

/**
 * The principals a user may see and share with (RFC 9670 §2): the accounts of their own
 * organisation, i.e. of their domain. Accounts of other domains hosted by the same store belong
 * to other organisations and stay invisible.
 */
export async function directoryOf(store: MailStore, principal: Principal): Promise<Account[]> {
  const me = await store.getAccount(principal.accountId);
  if (me === null) return [];
  return (await store.listAccountsInDomain(me.domainId)).sort((a, b) => a.email.localeCompare(b.email));
}
