import type { Migration } from './migrations.js';

/**
 * Migration 31: `email_blobs` keyed by blob only. Every question asked of the table is per blob
 * (may this account read it, does anything still use it, which emails have it); the rows of one
 * email are known from the email itself (`emails.blob_id` and the leaves of its body structure,
 * `email-blob-ids.ts`). The old key (email_id, blob_id) was a second B-tree that each import wrote
 * ~2.4 rows into: about 1.3 of the ~35 WAL pages of a delivery. Without the foreign key there is no
 * cascade: whoever deletes an emails row deletes its rows here (destroy-emails.ts, delete-account.ts).
 * Part of a released migration once merged: never change it, add one.
 */
export const emailBlobsByBlobMigration: Migration = {
  version: 31,
  name: 'email blobs keyed by blob only',
  sql: `
      CREATE TABLE email_blobs_by_blob (
        blob_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        email_id TEXT NOT NULL,
        PRIMARY KEY (blob_id, account_id, email_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO email_blobs_by_blob (blob_id, account_id, email_id)
        SELECT blob_id, account_id, email_id FROM email_blobs ORDER BY blob_id, account_id, email_id;
      DROP TABLE email_blobs;
      ALTER TABLE email_blobs_by_blob RENAME TO email_blobs;
    `,
};
