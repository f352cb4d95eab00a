import type { AddressBook, AddressBookRights } from '@colibri/jmap-types';
import { directoryCardId } from '@colibri/mail-store';
import type {
  Account,
  AccountId,
  AddressBookId,
  BookableResource,
  ContactCardRecord,
} from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';

/**
 * The organisation directory (issue 7): every account of a domain, seen by every account of it as
 * a read-only address book whose cards are made from the accounts, not stored. Their ids are
 * derived from the domain's and the accounts' (same suffix, the book and card letters), so they
 * are stable and never collide with stored ones (ids are unique across kinds). The store records
 * a colleague's arrival or departure in every other account's ContactCard changes.
 */
export interface Directory {
  bookId: AddressBookId;
  cards: ContactCardRecord[];
  /** The accounts' addresses, lower-cased. */
  emails: Set<string>;
}

export const DIRECTORY_BOOK_NAME = 'Directory';

/** RFC 9610 §2: a reader's rights: the directory is written by administrators, not over JMAP. */
const READ_ONLY: AddressBookRights = { mayRead: true, mayWrite: false, mayShare: false, mayDelete: false };

const nameOf = (account: Account) =>
  account.displayName.trim() === '' ? account.email : account.displayName;

/** RFC 9553 §2.1.4 kind: a room is a `location`, equipment a `device`, a user an `individual`. */
const KINDS: Record<BookableResource['kind'], string> = { room: 'location', equipment: 'device' };

/** The card of one account: its name and address (RFC 9553). */
function cardOf(account: Account, kind: string): Record<string, unknown> {
  const full = nameOf(account);
  return {
    '@type': 'Card',
    version: '1.0',
    uid: `urn:colibri:principal:${account.id}`,
    kind,
    name: { full },
    emails: { work: { '@type': 'EmailAddress', address: account.email, contexts: { work: true } } },
  };
}

/** The directory that `accountId` sees (the accounts of its domain, by name), or null for none. */
export async function directoryOf(ctx: MethodContext, accountId: AccountId): Promise<Directory | null> {
  const me = await ctx.store.getAccount(accountId);
  if (me === null) return null;
  const bookId = `B${me.domainId.slice(1)}` as AddressBookId;
  const accounts = await ctx.store.listAccountsInDomain(me.domainId);
  const named = accounts
    .map((account) => ({ account, name: nameOf(account).toLowerCase() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.account.id < b.account.id ? -1 : 1));
  const resources = new Map((await ctx.store.listResources()).map((r) => [r.accountId as string, r.kind]));
  const cards = named.map(({ account }): ContactCardRecord => {
    const resource = resources.get(account.id);
    const kind = resource ? KINDS[resource] : 'individual';
    const card = cardOf(account, kind);
    return {
      id: directoryCardId(account.id),
      accountId,
      addressBookIds: [bookId],
      uid: card.uid as string,
      kind,
      json: JSON.stringify(card),
      createdAt: account.createdAt,
      updatedAt: account.createdAt,
      lastUsedAt: null,
    };
  });
  return { bookId, cards, emails: new Set(accounts.map((a) => a.email.toLowerCase())) };
}

/** The directory as an AddressBook (RFC 9610 §2): read-only, never the default. */
export function directoryBookToWire(directory: Directory): AddressBook {
  return {
    id: directory.bookId,
    name: DIRECTORY_BOOK_NAME,
    description: 'Everyone in your organisation',
    sortOrder: 2 ** 31 - 1,
    isDefault: false,
    isSubscribed: true,
    shareWith: null,
    myRights: { ...READ_ONLY },
  };
}

/** The id of the directory book `accountId` sees, or null (without reading the directory). */
export async function directoryBookIdOf(ctx: MethodContext, accountId: AccountId): Promise<string | null> {
  const me = await ctx.store.getAccount(accountId);
  return me === null ? null : `B${me.domainId.slice(1)}`;
}

/** Whether `id` is a card of the directory `accountId` sees (an account of the same domain). */
export async function isDirectoryCardId(
  ctx: MethodContext,
  accountId: AccountId,
  id: string,
): Promise<boolean> {
  if (!/^K[A-Za-z0-9_-]{16}$/.test(id)) return false;
  const [me, them] = await Promise.all([
    ctx.store.getAccount(accountId),
    ctx.store.getAccount(`A${id.slice(1)}` as AccountId),
  ]);
  return me !== null && them !== null && me.domainId === them.domainId;
}

/** RFC 9610 §2 myRights: nobody may write the directory over JMAP. */
export const DIRECTORY_FORBIDDEN = {
  type: 'forbidden',
  description: 'The organisation directory is read-only.',
} as const;
