import type { Migration } from '../migrations.js';

/**
 * Migration 39: what ContactCard filters need to run in SQL rather than over every card in
 * memory. `contact_card_text` holds a card's values per text field, lower-cased, each value
 * preceded by U+001F, in an FTS5 trigram index: a substring of three characters or more is a
 * phrase of trigrams, so a "contains" filter is an index look-up (shorter ones read the row of
 * each card). `contact_card_members` answers hasMember; card_created/card_updated hold the card's
 * own times. Cards written before this migration have index_version 1: the caller re-derives
 * their index (the store never reads a card). The `recent` book and the per-account settings are
 * for the collection of recently used addresses.
 */
export const contactQueryMigration: Migration = {
  version: 39,
  name: 'contact card filters in SQL, recent addresses',
  sql: `
    ALTER TABLE contact_cards ADD COLUMN card_created INTEGER;
    ALTER TABLE contact_cards ADD COLUMN card_updated INTEGER;
    ALTER TABLE contact_cards ADD COLUMN index_version INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX contact_cards_index_version ON contact_cards(account_id, index_version);
    CREATE INDEX contact_cards_last_used ON contact_cards(account_id, last_used_at);

    CREATE VIRTUAL TABLE contact_card_text USING fts5(
      name, given, surname, surname2, nickname, organization, title, email, phone, online_service,
      address, note, tokenize = 'trigram case_sensitive 0'
    );

    CREATE TABLE contact_card_members (
      card_id TEXT NOT NULL REFERENCES contact_cards(id) ON DELETE CASCADE,
      member TEXT NOT NULL,
      PRIMARY KEY (card_id, member)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX contact_card_members_member ON contact_card_members(member, card_id);

    ALTER TABLE address_books ADD COLUMN role TEXT;
    CREATE UNIQUE INDEX address_books_role ON address_books(account_id, role) WHERE role IS NOT NULL;

    CREATE TABLE contact_settings (
      account_id TEXT PRIMARY KEY REFERENCES accounts(id),
      collect_recent INTEGER NOT NULL
    ) STRICT;
  `,
};
