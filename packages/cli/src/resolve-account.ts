import type { Account, MailStore } from '@colibri/mail-store';
import { CliError } from './cli-error.js';

/** The account of an address, or a clear error naming it. */
export async function resolveAccount(store: MailStore, email: string): Promise<Account> {
  const account = await store.findAccountByEmail(email);
  if (!account) throw new CliError(`No user ${email} (see: colibri user list)`);
  return account;
}
