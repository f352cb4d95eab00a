import type { Migration } from '../migrations.js';

/**
 * Migration 38: address books and contact cards. A card is its JSON (the store does not read it)
 * plus the columns its queries need; it may be in several books (`contact_card_books`). Email
 * addresses and phones are rows of their own for exact and prefix look-ups; the words of a card
 * are an FTS5 document keyed by the card's rowid, for autocomplete.
 */
export const contactsMigration: Migration = {
  version: 38,
  name: 'address books and contact cards',
  sql: `
    CREATE TABLE address_books (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      name TEXT NOT NULL,
      description TEXT,
      sort_order INTEGER NOT NULL DEFAULT 0,
      is_default INTEGER NOT NULL DEFAULT 0,
      is_subscribed INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX address_books_account ON address_books(account_id);
    CREATE UNIQUE INDEX address_books_default ON address_books(account_id) WHERE is_default = 1;

    CREATE TABLE contact_cards (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      uid TEXT NOT NULL,
      kind TEXT NOT NULL,
      sort_name TEXT NOT NULL,
      card_json TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      last_used_at INTEGER
    ) STRICT;
    CREATE INDEX contact_cards_account ON contact_cards(account_id, sort_name);
    CREATE INDEX contact_cards_uid ON contact_cards(account_id, uid);

    CREATE TABLE contact_card_books (
      card_id TEXT NOT NULL REFERENCES contact_cards(id) ON DELETE CASCADE,
      address_book_id TEXT NOT NULL REFERENCES address_books(id),
      PRIMARY KEY (card_id, address_book_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_card_books_book ON contact_card_books(address_book_id, card_id);

    -- kind is 'email' or 'phone'; value is lower-cased for emails.
    CREATE TABLE contact_card_addresses (
      card_id TEXT NOT NULL REFERENCES contact_cards(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (card_id, kind, value)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_card_addresses_value ON contact_card_addresses(kind, value);

    CREATE VIRTUAL TABLE contact_cards_fts USING fts5(
      text, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    );
  `,
};
