import type { AccountId } from '../../model.js';
import type {
  AddressBookId,
  ContactCardId,
  ContactCardInput,
  ContactSettings,
} from '../../contacts-model.js';
import { StoreError } from '../../errors.js';
import { sqliteChangeLog as changeLog, type ChangeKind } from '../change-log.js';
import type { Db } from '../open-database.js';
import { deleteCardRow, insert } from './address-books.js';
import { createContactCard } from './contact-cards.js';
import { contactLimits } from './limits.js';

/** The name the `recent` book is made with; the user may rename it. */
export const recentAddressBookName = 'Recent';

export function getContactSettings(db: Db, accountId: AccountId): ContactSettings {
  const collect = db
    .prepare('SELECT collect_recent FROM contact_settings WHERE account_id = ?')
    .pluck()
    .get(accountId) as number | undefined;
  return { collectRecent: collect !== 0 };
}

/**
 * Changes the account's contacts settings. The `recent` book shows them (the caller's protocol
 * puts them there), so it is logged as updated when it exists.
 */
export function setContactSettings(db: Db, accountId: AccountId, settings: ContactSettings): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO contact_settings (account_id, collect_recent) VALUES (?, ?)
       ON CONFLICT (account_id) DO UPDATE SET collect_recent = excluded.collect_recent`,
    ).run(accountId, settings.collectRecent ? 1 : 0);
    const recent = recentBookOf(db, accountId);
    if (recent !== undefined) changeLog.record(db, accountId, 'AddressBook', [[recent, 'updated']]);
  }).immediate();
}

function recentBookOf(db: Db, accountId: AccountId): AddressBookId | undefined {
  return db
    .prepare(`SELECT id FROM address_books WHERE account_id = ? AND role = 'recent'`)
    .pluck()
    .get(accountId) as AddressBookId | undefined;
}

/** Keeps the `recent` book to maxRecentCards, the least recently used going first. */
function evict(db: Db, accountId: AccountId, book: AddressBookId): void {
  const extra = db
    .prepare(
      `SELECT b.card_id AS id, (SELECT count(*) FROM contact_card_books o WHERE o.card_id = b.card_id) AS books
         FROM contact_card_books b JOIN contact_cards c ON c.id = b.card_id
        WHERE b.address_book_id = ?
        ORDER BY coalesce(c.last_used_at, c.created_at) DESC, c.id DESC LIMIT -1 OFFSET ?`,
    )
    .all(book, contactLimits.maxRecentCards) as { id: ContactCardId; books: number }[];
  if (extra.length === 0) return;
  const leave = db.prepare('DELETE FROM contact_card_books WHERE card_id = ? AND address_book_id = ?');
  for (const { id, books } of extra) {
    if (books === 1) deleteCardRow(db, id);
    else leave.run(id, book);
  }
  changeLog.record(
    db,
    accountId,
    'ContactCard',
    extra.map(({ id, books }): [string, ChangeKind] => [id, books === 1 ? 'destroyed' : 'updated']),
  );
}

/**
 * Collects addresses the user wrote to that no card of the account has: each becomes the card
 * the caller made for it, in the `recent` book (made on first need), used at `at`. Nothing when
 * the account turned collection off. The book keeps the maxRecentCards most recently used cards.
 * Returns the new cards' ids.
 */
export function collectRecentContacts(
  db: Db,
  accountId: AccountId,
  entries: readonly { email: string; card: Omit<ContactCardInput, 'addressBookIds'> }[],
  at: Date,
): ContactCardId[] {
  return db
    .transaction(() => {
      if (!getContactSettings(db, accountId).collectRecent) return [];
      const known = db.prepare(
        `SELECT 1 FROM contact_card_addresses a JOIN contact_cards c ON c.id = a.card_id
          WHERE a.kind = 'email' AND a.value = ? AND c.account_id = ?`,
      );
      const created: ContactCardId[] = [];
      const seen = new Set<string>();
      let book = recentBookOf(db, accountId);
      for (const { email, card } of entries.slice(0, contactLimits.maxRecentCards)) {
        const address = email.toLowerCase();
        if (seen.has(address) || known.get(address, accountId)) continue;
        seen.add(address);
        book ??= insert(db, accountId, { name: recentAddressBookName, sortOrder: 1000 }, false, 'recent')
          .id as AddressBookId;
        try {
          const record = createContactCard(db, accountId, { ...card, addressBookIds: [book] }, at);
          db.prepare('UPDATE contact_cards SET last_used_at = ? WHERE id = ?').run(+at, record.id);
          created.push(record.id);
        } catch (error) {
          // A full account, or a card the store refuses, is no reason to fail the sending.
          if (!(error instanceof StoreError)) throw error;
        }
      }
      if (book !== undefined) evict(db, accountId, book);
      return created;
    })
    .immediate();
}
