import type { AccountId } from '../../model.js';
import type {
  AddressBookId,
  ContactCardId,
  ContactCardIndex,
  ContactCardInput,
  ContactCardRecord,
  ContactSearch,
} from '../../contacts-model.js';
import { contactTextFields } from '../../contacts-model.js';
import { InvalidInputError, NotFoundError, StoreError, TooLargeError } from '../../errors.js';
import { newId } from '../../ids.js';
import { sqliteChangeLog as changeLog } from '../change-log.js';
import type { Db } from '../open-database.js';
import { deleteCardRow, ensureDefaultAddressBook } from './address-books.js';
import { contactLimits } from './limits.js';
import { textColumns } from './text-columns.js';

interface Row {
  rowid: number;
  id: string;
  account_id: string;
  uid: string;
  kind: string;
  card_json: string;
  created_at: number;
  updated_at: number;
  last_used_at: number | null;
  books: string;
}

const selectCards = `SELECT c.rowid, c.*, (SELECT group_concat(b.address_book_id, ' ') FROM contact_card_books b
                       WHERE b.card_id = c.id) AS books FROM contact_cards c`;

const toRecord = (r: Row): ContactCardRecord => ({
  id: r.id as ContactCardId,
  accountId: r.account_id as AccountId,
  addressBookIds: (r.books ?? '').split(' ').filter(Boolean).sort() as AddressBookId[],
  uid: r.uid,
  kind: r.kind,
  json: r.card_json,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
});

/** The books must be the account's own, between 1 and maxAddressBooksPerCard of them. */
function checkBooks(db: Db, accountId: AccountId, ids: readonly AddressBookId[]): AddressBookId[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new InvalidInputError('A card must be in at least one address book');
  if (unique.length > contactLimits.maxAddressBooksPerCard)
    throw new InvalidInputError(`A card is in at most ${contactLimits.maxAddressBooksPerCard} address books`);
  const owned = db.prepare('SELECT 1 FROM address_books WHERE id = ? AND account_id = ?');
  for (const id of unique) if (!owned.get(id, accountId)) throw new NotFoundError(`Address book ${id}`);
  return unique;
}

function checkCard(input: ContactCardInput): void {
  if (Buffer.byteLength(input.json, 'utf8') > contactLimits.maxCardJsonBytes)
    throw new TooLargeError(`A card is limited to ${contactLimits.maxCardJsonBytes} octets of JSON`);
  const { emails, phones } = input.index;
  if (emails.length + phones.length > contactLimits.maxAddressesPerCard)
    throw new InvalidInputError(
      `A card has at most ${contactLimits.maxAddressesPerCard} email addresses and phones`,
    );
}

/** The version of what writeIndex derives; rows with an older one are re-derived by the caller. */
export const contactIndexVersion = 2;

/** Separates (and starts) the values of a field in `contact_card_text`; never part of a value. */
export const valueSeparator = '\u001f';

/** A field's values as one `contact_card_text` column: lower-cased, each after the separator. */
function fieldText(values: readonly string[] | undefined): string {
  return (values ?? []).map((v) => valueSeparator + v.toLowerCase().replaceAll(valueSeparator, ' ')).join('');
}

/** Writes what the store's queries read of a card (not logged: the caller logs the change). */
export function writeIndex(db: Db, cardId: string, rowid: number, index: ContactCardIndex): void {
  db.prepare('DELETE FROM contact_card_addresses WHERE card_id = ?').run(cardId);
  const add = db.prepare(
    'INSERT OR IGNORE INTO contact_card_addresses (card_id, kind, value) VALUES (?, ?, ?)',
  );
  for (const email of index.emails) add.run(cardId, 'email', email.toLowerCase());
  for (const phone of index.phones) add.run(cardId, 'phone', phone);
  db.prepare('DELETE FROM contact_cards_fts WHERE rowid = ?').run(rowid);
  // The addresses are words too, split at their punctuation by the tokenizer.
  db.prepare('INSERT INTO contact_cards_fts (rowid, text) VALUES (?, ?)').run(
    rowid,
    [index.text, ...index.emails, ...index.phones].join(' '),
  );
  db.prepare('DELETE FROM contact_card_text WHERE rowid = ?').run(rowid);
  const fields = index.fields ?? {};
  db.prepare(
    `INSERT INTO contact_card_text (rowid, ${textColumns.join(', ')}) VALUES (?${', ?'.repeat(textColumns.length)})`,
  ).run(rowid, ...contactTextFields.map((field) => fieldText(fields[field])));
  db.prepare('DELETE FROM contact_card_members WHERE card_id = ?').run(cardId);
  const member = db.prepare('INSERT OR IGNORE INTO contact_card_members (card_id, member) VALUES (?, ?)');
  for (const uid of index.members ?? []) member.run(cardId, uid);
  db.prepare(
    'UPDATE contact_cards SET card_created = ?, card_updated = ?, index_version = ? WHERE rowid = ?',
  ).run(timeOf(index.created), timeOf(index.updated), contactIndexVersion, rowid);
}

const timeOf = (date: Date | null | undefined) =>
  date == null || Number.isNaN(+date) ? null : Math.trunc(+date);

function writeBooks(db: Db, cardId: string, books: readonly AddressBookId[]): void {
  db.prepare('DELETE FROM contact_card_books WHERE card_id = ?').run(cardId);
  const add = db.prepare('INSERT INTO contact_card_books (card_id, address_book_id) VALUES (?, ?)');
  for (const book of books) add.run(cardId, book);
}

function loadRow(db: Db, accountId: AccountId, id: ContactCardId): Row {
  const row = db.prepare(`${selectCards} WHERE c.id = ? AND c.account_id = ?`).get(id, accountId) as
    Row | undefined;
  if (!row) throw new NotFoundError(`Contact card ${id}`);
  return row;
}

/**
 * Stores a new card. An empty addressBookIds puts it in the account's default book. overQuota
 * beyond maxCardsPerAccount, TooLargeError for too big a card, NotFoundError for a book that is not
 * the account's.
 */
export function createContactCard(
  db: Db,
  accountId: AccountId,
  input: ContactCardInput,
  now = new Date(),
): ContactCardRecord {
  return db
    .transaction(() => {
      checkCard(input);
      const n = db
        .prepare('SELECT count(*) FROM contact_cards WHERE account_id = ?')
        .pluck()
        .get(accountId) as number;
      if (n >= contactLimits.maxCardsPerAccount)
        throw new StoreError('overQuota', `An account has at most ${contactLimits.maxCardsPerAccount} cards`);
      const books =
        input.addressBookIds.length === 0
          ? [ensureDefaultAddressBook(db, accountId)]
          : checkBooks(db, accountId, input.addressBookIds);
      const id = newId('ContactCard');
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO contact_cards (id, account_id, uid, kind, sort_name, card_json, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, accountId, input.index.uid, input.index.kind, input.index.sortName, input.json, +now, +now);
      writeBooks(db, id, books);
      writeIndex(db, id, Number(lastInsertRowid), input.index);
      changeLog.record(db, accountId, 'ContactCard', [[id, 'created']]);
      return toRecord(loadRow(db, accountId, id));
    })
    .immediate();
}

/** Replaces a card's JSON, index and books (the caller applied the patch); as create for errors. */
export function updateContactCard(
  db: Db,
  accountId: AccountId,
  id: ContactCardId,
  input: ContactCardInput,
  now = new Date(),
): ContactCardRecord {
  return db
    .transaction(() => {
      const row = loadRow(db, accountId, id);
      checkCard(input);
      const books = checkBooks(db, accountId, input.addressBookIds);
      db.prepare(
        `UPDATE contact_cards SET uid = ?, kind = ?, sort_name = ?, card_json = ?, updated_at = ? WHERE id = ?`,
      ).run(input.index.uid, input.index.kind, input.index.sortName, input.json, +now, id);
      writeBooks(db, id, books);
      writeIndex(db, id, row.rowid, input.index);
      changeLog.record(db, accountId, 'ContactCard', [[id, 'updated']]);
      return toRecord(loadRow(db, accountId, id));
    })
    .immediate();
}

export function destroyContactCard(db: Db, accountId: AccountId, id: ContactCardId): void {
  db.transaction(() => {
    loadRow(db, accountId, id);
    deleteCardRow(db, id);
    changeLog.record(db, accountId, 'ContactCard', [[id, 'destroyed']]);
  }).immediate();
}

/** The account's cards with these ids (unknown ones left out), or all of them, by sort name. */
export function getContactCards(
  db: Db,
  accountId: AccountId,
  ids?: readonly ContactCardId[],
): ContactCardRecord[] {
  if (ids === undefined)
    return (
      db.prepare(`${selectCards} WHERE c.account_id = ? ORDER BY c.sort_name, c.id`).all(accountId) as Row[]
    ).map(toRecord);
  const one = db.prepare(`${selectCards} WHERE c.id = ? AND c.account_id = ?`);
  return ids.flatMap((id) => {
    const row = one.get(id, accountId) as Row | undefined;
    return row ? [toRecord(row)] : [];
  });
}

/** Words of at least one letter, quoted for FTS5, each a prefix query. */
function prefixQuery(prefix: string): string | null {
  const words = prefix.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (words === null) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/**
 * Autocomplete: the ids of cards one of whose words or email addresses starts with `prefix` (every
 * word of a many-word prefix must match), most recently used first, then by sort name.
 */
export function searchContactCards(db: Db, accountId: AccountId, search: ContactSearch): ContactCardId[] {
  const limit = Math.min(Math.max(search.limit, 0), contactLimits.maxSearchResults);
  const match = prefixQuery(search.prefix);
  const email = search.prefix.trim().toLowerCase();
  if (match === null && email.length === 0) return [];
  const inBook =
    search.addressBookId === undefined
      ? ''
      : 'AND EXISTS (SELECT 1 FROM contact_card_books b WHERE b.card_id = c.id AND b.address_book_id = @book)';
  const escaped = email.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return db
    .prepare(
      `SELECT c.id FROM contact_cards c
        WHERE c.account_id = @account ${inBook}
          AND (${match === null ? '0' : 'c.rowid IN (SELECT rowid FROM contact_cards_fts WHERE contact_cards_fts MATCH @match)'}
               OR c.id IN (SELECT card_id FROM contact_card_addresses
                            WHERE kind = 'email' AND value LIKE @email ESCAPE '\\'))
        ORDER BY c.last_used_at IS NULL, c.last_used_at DESC, c.sort_name, c.id
        LIMIT @limit`,
    )
    .pluck()
    .all({
      account: accountId,
      match: match ?? '',
      email: `${escaped}%`,
      limit,
      ...(search.addressBookId === undefined ? {} : { book: search.addressBookId }),
    }) as ContactCardId[];
}

/**
 * Records that the user wrote to these addresses (ranking for autocomplete): cards of the account
 * with one of them get `lastUsedAt = at`. Not a change of the card: nothing is logged.
 */
export function markContactsUsed(db: Db, accountId: AccountId, emails: readonly string[], at: Date): number {
  if (emails.length === 0) return 0;
  const update = db.prepare(
    `UPDATE contact_cards SET last_used_at = ? WHERE account_id = ? AND id IN
       (SELECT card_id FROM contact_card_addresses WHERE kind = 'email' AND value = ?)`,
  );
  return db
    .transaction(() =>
      emails.reduce((n, email) => n + update.run(+at, accountId, email.toLowerCase()).changes, 0),
    )
    .immediate();
}

/** Up to `limit` of the account's cards whose index predates contactIndexVersion. */
export function contactCardsToReindex(db: Db, accountId: AccountId, limit: number): ContactCardRecord[] {
  return (
    db
      .prepare(`${selectCards} WHERE c.account_id = ? AND c.index_version < ? LIMIT ?`)
      .all(accountId, contactIndexVersion, limit) as Row[]
  ).map(toRecord);
}

/** Replaces the index of cards (the caller re-derived it from the same JSON): not a change, not logged. */
export function reindexContactCards(
  db: Db,
  accountId: AccountId,
  entries: readonly { id: ContactCardId; index: ContactCardIndex }[],
): void {
  db.transaction(() => {
    for (const { id, index } of entries) {
      const row = db
        .prepare('SELECT rowid FROM contact_cards WHERE id = ? AND account_id = ?')
        .get(id, accountId) as { rowid: number } | undefined;
      if (row !== undefined) writeIndex(db, id, row.rowid, index);
    }
  }).immediate();
}
