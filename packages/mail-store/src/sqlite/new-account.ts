import type { Account } from '../model.js';
import type { CreateAccountInput } from '../mail-store.js';
import * as calendars from './calendars/calendars.js';
import * as directory from './directory.js';
import * as identities from './identities.js';
import type { Db } from './open-database.js';

/**
 * An account as every account starts, in the caller's transaction: the account, its default
 * identity (RFC 8621 §6) and calendar, and its card's arrival in the organisation directory of
 * the domain's other accounts. People and bookable resources both start here.
 */
export function insertAccount(db: Db, input: CreateAccountInput): Account {
  const account = directory.createAccount(db, input);
  identities.insertDefaultIdentity(db, account.id, account.displayName, account.email);
  calendars.insertDefaultCalendar(db, account.id);
  directory.recordDirectoryChange(db, account, 'created');
  return account;
}
