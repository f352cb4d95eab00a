import type { Migration } from './migrations.js';

/**
 * Migration 33: `emails.envelope_json`, the addresses and threading ids of index_json without its
 * MIME structure. A page of the message list reads 50 summaries, and taking the structure out of
 * index_json in SQL (json_remove) parsed the whole JSON of each row: with the structure four
 * fifths of its bytes, that parse was the largest single cost of the list screen (15 % of the
 * server's CPU at 8 clients on 100k messages). The envelope is kept twice (also in index_json,
 * which every other reader uses) so that nothing else changes; it is about a fifth of index_json.
 * Part of a released migration once merged: never change it, add one.
 */
export const envelopeColumnMigration: Migration = {
  version: 33,
  name: 'envelope column',
  sql: `
      ALTER TABLE emails ADD COLUMN envelope_json TEXT NOT NULL DEFAULT '{}';
      UPDATE emails SET envelope_json =
        json_remove(index_json, '$.bodyStructure', '$.textBody', '$.htmlBody', '$.attachments');
    `,
};
