import type { AccountId } from '../../model.js';
import type {
  AddressBookId,
  AddressBookInput,
  AddressBookPatch,
  AddressBookRecord,
  AddressBookRole,
  ContactCardId,
} from '../../contacts-model.js';
import { ForbiddenError, InvalidInputError, NotFoundError, StoreError } from '../../errors.js';
import { newId } from '../../ids.js';
import { sqliteChangeLog as changeLog, type ChangeKind } from '../change-log.js';
import type { Db } from '../open-database.js';
import { contactLimits } from './limits.js';

/** The name a lazily made default book gets; the user may rename it. */
export const defaultAddressBookName = 'Contacts';

/** A book cannot be destroyed while it holds cards, unless they go with it. */
export class AddressBookNotEmptyError extends StoreError {
  constructor() {
    super('invalid', 'The address book still has cards');
  }
}

interface Row {
  id: string;
  account_id: string;
  name: string;
  description: string | null;
  sort_order: number;
  is_default: number;
  is_subscribed: number;
  role: string | null;
}

const toRecord = (r: Row): AddressBookRecord => ({
  id: r.id as AddressBookId,
  accountId: r.account_id as AccountId,
  name: r.name,
  description: r.description,
  sortOrder: r.sort_order,
  isDefault: r.is_default === 1,
  isSubscribed: r.is_subscribed === 1,
  role: r.role === 'recent' ? 'recent' : null,
});

function checkName(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (name.trim().length === 0 || /[\u0000-\u001f\u007f]/.test(name))
    throw new InvalidInputError('An address book name must be non-empty and without control characters');
  if (name.length > contactLimits.maxNameChars)
    throw new InvalidInputError(
      `An address book name is limited to ${contactLimits.maxNameChars} characters`,
    );
  return name;
}

function checkDescription(description: string | null): string | null {
  if (description !== null && description.length > contactLimits.maxDescriptionChars)
    throw new InvalidInputError(
      `An address book description is limited to ${contactLimits.maxDescriptionChars} characters`,
    );
  return description;
}

function checkSortOrder(sortOrder: number): number {
  if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 2 ** 31 - 1)
    throw new InvalidInputError('sortOrder must be an integer from 0 to 2^31-1');
  return sortOrder;
}

export function insert(
  db: Db,
  accountId: AccountId,
  input: AddressBookInput,
  isDefault: boolean,
  role: AddressBookRole | null = null,
): Row {
  const row: Row = {
    id: newId('AddressBook'),
    account_id: accountId,
    name: checkName(input.name),
    description: checkDescription(input.description ?? null),
    sort_order: checkSortOrder(input.sortOrder ?? 0),
    is_default: isDefault ? 1 : 0,
    is_subscribed: input.isSubscribed === false ? 0 : 1,
    role,
  };
  db.prepare(
    `INSERT INTO address_books (id, account_id, name, description, sort_order, is_default, is_subscribed, role)
     VALUES (@id, @account_id, @name, @description, @sort_order, @is_default, @is_subscribed, @role)`,
  ).run(row);
  changeLog.record(db, accountId, 'AddressBook', [[row.id, 'created']]);
  return row;
}

/**
 * The account's default book, made (and logged) on first need, inside the caller's transaction:
 * every account has one without a migration step per account.
 */
export function ensureDefaultAddressBook(db: Db, accountId: AccountId): AddressBookId {
  const id = db
    .prepare('SELECT id FROM address_books WHERE account_id = ? AND is_default = 1')
    .pluck()
    .get(accountId) as string | undefined;
  if (id !== undefined) return id as AddressBookId;
  if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
    throw new NotFoundError(`Account ${accountId}`);
  return insert(db, accountId, { name: defaultAddressBookName }, true).id as AddressBookId;
}

/** The account's books (its default one made if needed), by sortOrder then name. */
export function listAddressBooks(db: Db, accountId: AccountId): AddressBookRecord[] {
  return db
    .transaction(() => {
      ensureDefaultAddressBook(db, accountId);
      return (
        db
          .prepare('SELECT * FROM address_books WHERE account_id = ? ORDER BY sort_order, name, id')
          .all(accountId) as Row[]
      ).map(toRecord);
    })
    .immediate();
}

export function createAddressBook(db: Db, accountId: AccountId, input: AddressBookInput): AddressBookRecord {
  return db
    .transaction(() => {
      ensureDefaultAddressBook(db, accountId);
      const n = db
        .prepare('SELECT count(*) FROM address_books WHERE account_id = ?')
        .pluck()
        .get(accountId) as number;
      if (n >= contactLimits.maxAddressBooksPerAccount)
        throw new StoreError(
          'overQuota',
          `An account has at most ${contactLimits.maxAddressBooksPerAccount} address books`,
        );
      return toRecord(insert(db, accountId, input, false));
    })
    .immediate();
}

function loadRow(db: Db, accountId: AccountId, id: AddressBookId): Row {
  const row = db.prepare('SELECT * FROM address_books WHERE id = ? AND account_id = ?').get(id, accountId) as
    Row | undefined;
  if (!row) throw new NotFoundError(`Address book ${id}`);
  return row;
}

export function updateAddressBook(
  db: Db,
  accountId: AccountId,
  id: AddressBookId,
  patch: AddressBookPatch,
): AddressBookRecord {
  return db
    .transaction(() => {
      const row = { ...loadRow(db, accountId, id) };
      if (patch.name !== undefined) row.name = checkName(patch.name);
      if (patch.description !== undefined) row.description = checkDescription(patch.description);
      if (patch.sortOrder !== undefined) row.sort_order = checkSortOrder(patch.sortOrder);
      if (patch.isSubscribed !== undefined) row.is_subscribed = patch.isSubscribed ? 1 : 0;
      db.prepare(
        `UPDATE address_books SET name = @name, description = @description, sort_order = @sort_order,
           is_subscribed = @is_subscribed WHERE id = @id`,
      ).run(row);
      changeLog.record(db, accountId, 'AddressBook', [[id, 'updated']]);
      return toRecord(row);
    })
    .immediate();
}

/** Makes `id` the default book; returns the books whose isDefault changed. */
export function setDefaultAddressBook(db: Db, accountId: AccountId, id: AddressBookId): AddressBookId[] {
  return db
    .transaction(() => {
      loadRow(db, accountId, id);
      const current = ensureDefaultAddressBook(db, accountId);
      if (current === id) return [];
      db.prepare('UPDATE address_books SET is_default = 0 WHERE id = ?').run(current);
      db.prepare('UPDATE address_books SET is_default = 1 WHERE id = ?').run(id);
      changeLog.record(db, accountId, 'AddressBook', [
        [current, 'updated'],
        [id, 'updated'],
      ]);
      return [current, id];
    })
    .immediate();
}

/**
 * Destroys a book. With cards in it, only with `removeContents` (else AddressBookNotEmptyError):
 * cards also in other books then leave it (updated), cards only in it are destroyed. The default book cannot be
 * destroyed (ForbiddenError): make another one the default first.
 */
export function destroyAddressBook(
  db: Db,
  accountId: AccountId,
  id: AddressBookId,
  removeContents: boolean,
): void {
  db.transaction(() => {
    const row = loadRow(db, accountId, id);
    if (row.is_default === 1) throw new ForbiddenError('The default address book cannot be destroyed');
    if (row.role === 'recent')
      throw new ForbiddenError(
        'The recent addresses book cannot be destroyed: turn its collection off instead',
      );
    const members = db
      .prepare(
        `SELECT b.card_id AS id, (SELECT count(*) FROM contact_card_books o WHERE o.card_id = b.card_id) AS books
           FROM contact_card_books b WHERE b.address_book_id = ?`,
      )
      .all(id) as { id: ContactCardId; books: number }[];
    const only = members.filter((m) => m.books === 1).map((m) => m.id);
    // RFC 9610 §2.3: a book with any card in it goes only with its contents.
    if (members.length > 0 && !removeContents) throw new AddressBookNotEmptyError();
    db.prepare('DELETE FROM contact_card_books WHERE address_book_id = ?').run(id);
    for (const cardId of only) deleteCardRow(db, cardId);
    db.prepare('DELETE FROM address_books WHERE id = ?').run(id);
    const cardChanges = members.map((m): [string, ChangeKind] => [
      m.id,
      m.books === 1 ? 'destroyed' : 'updated',
    ]);
    changeLog.record(db, accountId, 'ContactCard', cardChanges);
    changeLog.record(db, accountId, 'AddressBook', [[id, 'destroyed']]);
  }).immediate();
}

/** Removes a card's row, its search document, memberships and addresses (not logged here). */
export function deleteCardRow(db: Db, cardId: string): void {
  const rowid = db.prepare('SELECT rowid FROM contact_cards WHERE id = ?').pluck().get(cardId) as
    number | undefined;
  if (rowid === undefined) return;
  db.prepare('DELETE FROM contact_cards_fts WHERE rowid = ?').run(rowid);
  db.prepare('DELETE FROM contact_card_text WHERE rowid = ?').run(rowid);
  db.prepare('DELETE FROM contact_card_members WHERE card_id = ?').run(cardId);
  db.prepare('DELETE FROM contact_card_books WHERE card_id = ?').run(cardId);
  db.prepare('DELETE FROM contact_card_addresses WHERE card_id = ?').run(cardId);
  db.prepare('DELETE FROM contact_cards WHERE id = ?').run(cardId);
}

/** Everything of the account's contacts, inside deleteAccount's transaction. */
export function deleteAccountContacts(db: Db, accountId: AccountId): void {
  const ids = db
    .prepare('SELECT id FROM contact_cards WHERE account_id = ?')
    .pluck()
    .all(accountId) as string[];
  for (const id of ids) deleteCardRow(db, id);
  db.prepare('DELETE FROM address_books WHERE account_id = ?').run(accountId);
  db.prepare('DELETE FROM contact_settings WHERE account_id = ?').run(accountId);
}
