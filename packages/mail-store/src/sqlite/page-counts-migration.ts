import type { Migration } from './migrations.js';

/**
 * Migration 15: counted blocks for the two whole-mailbox orders that still walked O(position)
 * rows (query/mailbox-pages.ts): collapseThreads newest first, and a hasKeyword sort followed by
 * receivedAt. Part of a released migration once merged: never change it, add one.
 */

/** The block of `table` holding the key (at, id) of mailbox `mailbox`: its greatest start not after it. */
const blockOf = (table: string, mailbox: string, at: string, id: string) =>
  `(SELECT start_at, start_id FROM ${table}
     WHERE mailbox_id = ${mailbox} AND (start_at, start_id) <= (${at}, ${id})
     ORDER BY start_at DESC, start_id DESC LIMIT 1)`;

/** The block before the one starting at (at, id). */
const blockBefore = (table: string, mailbox: string, at: string, id: string) =>
  `(SELECT start_at, start_id FROM ${table}
     WHERE mailbox_id = ${mailbox} AND (start_at, start_id) < (${at}, ${id})
     ORDER BY start_at DESC, start_id DESC LIMIT 1)`;

/** Migration 11's date-block count step (its SQL, unchanged), for the triggers rebuilt here. */
const countInDateBlock = (row: 'NEW' | 'OLD', delta: '+ 1' | '- 1') =>
  `UPDATE mailbox_date_blocks SET emails = emails ${delta}
         WHERE mailbox_id = ${row}.mailbox_id AND (start_at, start_id) = ${blockOf('mailbox_date_blocks', `${row}.mailbox_id`, `${row}.received_at`, `${row}.email_id`)};`;

/** Thread blocks: the same count step over the representatives' (received_at, email_id) keys. */
const countInThreadBlock = (row: 'NEW' | 'OLD', delta: '+ 1' | '- 1') =>
  `UPDATE mailbox_thread_blocks SET threads = threads ${delta}
         WHERE mailbox_id = ${row}.mailbox_id AND (start_at, start_id) = ${blockOf('mailbox_thread_blocks', `${row}.mailbox_id`, `${row}.received_at`, `${row}.email_id`)};`;

/**
 * Adds `delta` to the keyword count of the date block holding each membership of `memberships`
 * (a FROM clause naming `em` with mailbox_id, received_at, email_id) for each keyword `k.keyword`.
 */
const countKeywords = (from: string, where: string, delta: 1 | -1) =>
  `INSERT INTO mailbox_date_block_keywords (mailbox_id, keyword, start_at, start_id, emails)
         SELECT em.mailbox_id, k.keyword, b.start_at, b.start_id, ${delta} FROM ${from}
           JOIN mailbox_date_blocks b ON b.mailbox_id = em.mailbox_id
            AND (b.start_at, b.start_id) = ${blockOf('mailbox_date_blocks', 'em.mailbox_id', 'em.received_at', 'em.email_id')}
          WHERE ${where}
         ON CONFLICT (mailbox_id, keyword, start_at, start_id) DO UPDATE SET emails = emails + excluded.emails;`;

/** The keyword counts and members of one membership `row` with its email's keywords. */
const membershipKeywords = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
  `${countKeywords(
    `(SELECT ${row}.mailbox_id AS mailbox_id, ${row}.received_at AS received_at, ${row}.email_id AS email_id) em JOIN email_keywords k ON k.email_id = em.email_id`,
    'true',
    delta,
  )}
        ${
          delta === 1
            ? `INSERT OR IGNORE INTO mailbox_keyword_members (mailbox_id, keyword, received_at, email_id)
         SELECT ${row}.mailbox_id, keyword, ${row}.received_at, ${row}.email_id FROM email_keywords WHERE email_id = ${row}.email_id;`
            : `DELETE FROM mailbox_keyword_members WHERE mailbox_id = ${row}.mailbox_id AND received_at = ${row}.received_at
            AND email_id = ${row}.email_id AND keyword IN (SELECT keyword FROM email_keywords WHERE email_id = ${row}.email_id);`
        }`;

export const pageCountsMigration: Migration = {
  version: 15,
  name: 'counted thread blocks and per-block keyword counts for deep collapsed and keyword pages',
  sql: `
      -- collapseThreads newest first at any depth: migration 11's counted blocks, over the thread
      -- representatives' (received_at, email_id) keys. Same rules: the first block starts at
      -- (-2^63, ''), a block over 1024 splits at its 512th key, one (not the first) under 128
      -- merges into the one before it. Kept by triggers on mailbox_thread_reps (its upsert's
      -- DO UPDATE fires the update trigger).
      CREATE TABLE mailbox_thread_blocks (
        mailbox_id TEXT NOT NULL,
        start_at INTEGER NOT NULL,
        start_id TEXT NOT NULL,
        threads INTEGER NOT NULL,
        PRIMARY KEY (mailbox_id, start_at, start_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO mailbox_thread_blocks (mailbox_id, start_at, start_id, threads)
        SELECT mailbox_id, CASE WHEN rn = 0 THEN -9223372036854775808 ELSE received_at END,
               CASE WHEN rn = 0 THEN '' ELSE email_id END, min(512, n - rn)
          FROM (SELECT mailbox_id, received_at, email_id, count(*) OVER (PARTITION BY mailbox_id) AS n,
                       row_number() OVER (PARTITION BY mailbox_id ORDER BY received_at, email_id) - 1 AS rn
                  FROM mailbox_thread_reps)
         WHERE rn % 512 = 0;
      CREATE TRIGGER mailbox_thread_reps_block_insert AFTER INSERT ON mailbox_thread_reps BEGIN
        INSERT OR IGNORE INTO mailbox_thread_blocks (mailbox_id, start_at, start_id, threads)
          VALUES (NEW.mailbox_id, -9223372036854775808, '', 0);
        ${countInThreadBlock('NEW', '+ 1')}
      END;
      CREATE TRIGGER mailbox_thread_reps_block_delete AFTER DELETE ON mailbox_thread_reps BEGIN
        ${countInThreadBlock('OLD', '- 1')}
      END;
      CREATE TRIGGER mailbox_thread_reps_block_move AFTER UPDATE OF received_at, email_id ON mailbox_thread_reps
        WHEN OLD.received_at IS NOT NEW.received_at OR OLD.email_id IS NOT NEW.email_id BEGIN
        ${countInThreadBlock('OLD', '- 1')}
        ${countInThreadBlock('NEW', '+ 1')}
      END;
      CREATE TRIGGER mailbox_thread_blocks_split AFTER UPDATE OF threads ON mailbox_thread_blocks
        WHEN NEW.threads > 1024 BEGIN
        INSERT INTO mailbox_thread_blocks (mailbox_id, start_at, start_id, threads)
          SELECT NEW.mailbox_id, received_at, email_id, NEW.threads - 512 FROM mailbox_thread_reps
           WHERE mailbox_id = NEW.mailbox_id AND (received_at, email_id) >= (NEW.start_at, NEW.start_id)
           ORDER BY received_at, email_id LIMIT 1 OFFSET 512;
        UPDATE mailbox_thread_blocks SET threads = 512
         WHERE mailbox_id = NEW.mailbox_id AND start_at = NEW.start_at AND start_id = NEW.start_id;
      END;
      CREATE TRIGGER mailbox_thread_blocks_merge AFTER UPDATE OF threads ON mailbox_thread_blocks
        WHEN NEW.threads < 128 AND NEW.start_id != '' BEGIN
        DELETE FROM mailbox_thread_blocks
         WHERE mailbox_id = NEW.mailbox_id AND start_at = NEW.start_at AND start_id = NEW.start_id;
        UPDATE mailbox_thread_blocks SET threads = threads + NEW.threads
         WHERE mailbox_id = NEW.mailbox_id AND (start_at, start_id) = ${blockBefore('mailbox_thread_blocks', 'NEW.mailbox_id', 'NEW.start_at', 'NEW.start_id')};
      END;

      -- hasKeyword first, then receivedAt, at any depth: per date block and keyword, how many of
      -- the block's memberships have the keyword (rows only for keywords present), so that the
      -- emails with it and those without are both counted per block; and the memberships with
      -- each keyword in date order (mailbox_keyword_members), so that a sparse keyword's emails
      -- are an index walk rather than a scan of the mailbox testing each row.
      CREATE TABLE mailbox_date_block_keywords (
        mailbox_id TEXT NOT NULL,
        keyword TEXT NOT NULL,
        start_at INTEGER NOT NULL,
        start_id TEXT NOT NULL,
        emails INTEGER NOT NULL,
        PRIMARY KEY (mailbox_id, keyword, start_at, start_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mailbox_date_block_keywords_block ON mailbox_date_block_keywords(mailbox_id, start_at, start_id);
      CREATE TABLE mailbox_keyword_members (
        mailbox_id TEXT NOT NULL,
        keyword TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        email_id TEXT NOT NULL,
        PRIMARY KEY (mailbox_id, keyword, received_at, email_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO mailbox_keyword_members (mailbox_id, keyword, received_at, email_id)
        SELECT em.mailbox_id, k.keyword, em.received_at, em.email_id
          FROM email_mailboxes em JOIN email_keywords k ON k.email_id = em.email_id;
      INSERT INTO mailbox_date_block_keywords (mailbox_id, keyword, start_at, start_id, emails)
        SELECT m.mailbox_id, m.keyword, b.start_at, b.start_id, count(*) FROM mailbox_keyword_members m
          JOIN mailbox_date_blocks b ON b.mailbox_id = m.mailbox_id
           AND (b.start_at, b.start_id) = ${blockOf('mailbox_date_blocks', 'm.mailbox_id', 'm.received_at', 'm.email_id')}
         GROUP BY m.mailbox_id, m.keyword, b.start_at, b.start_id;

      -- Migration 11's membership triggers, rebuilt with the keyword step first: a split (fired by
      -- the date count) recounts the new block's keywords from the rows, so the membership's own
      -- keywords must already be counted by then.
      DROP TRIGGER email_mailboxes_block_insert;
      CREATE TRIGGER email_mailboxes_block_insert AFTER INSERT ON email_mailboxes BEGIN
        INSERT OR IGNORE INTO mailbox_date_blocks (mailbox_id, start_at, start_id, emails)
          VALUES (NEW.mailbox_id, -9223372036854775808, '', 0);
        ${membershipKeywords('NEW', 1)}
        ${countInDateBlock('NEW', '+ 1')}
      END;
      DROP TRIGGER email_mailboxes_block_delete;
      CREATE TRIGGER email_mailboxes_block_delete AFTER DELETE ON email_mailboxes BEGIN
        ${membershipKeywords('OLD', -1)}
        ${countInDateBlock('OLD', '- 1')}
      END;
      DROP TRIGGER email_mailboxes_block_move;
      CREATE TRIGGER email_mailboxes_block_move AFTER UPDATE OF received_at ON email_mailboxes
        WHEN OLD.received_at IS NOT NEW.received_at BEGIN
        ${membershipKeywords('OLD', -1)}
        ${countInDateBlock('OLD', '- 1')}
        ${membershipKeywords('NEW', 1)}
        ${countInDateBlock('NEW', '+ 1')}
      END;
      CREATE TRIGGER email_keywords_block_insert AFTER INSERT ON email_keywords BEGIN
        ${countKeywords('email_mailboxes em JOIN (SELECT NEW.keyword AS keyword) k', `em.email_id = NEW.email_id`, 1)}
        INSERT OR IGNORE INTO mailbox_keyword_members (mailbox_id, keyword, received_at, email_id)
          SELECT mailbox_id, NEW.keyword, received_at, email_id FROM email_mailboxes WHERE email_id = NEW.email_id;
      END;
      CREATE TRIGGER email_keywords_block_delete AFTER DELETE ON email_keywords BEGIN
        ${countKeywords('email_mailboxes em JOIN (SELECT OLD.keyword AS keyword) k', `em.email_id = OLD.email_id`, -1)}
        DELETE FROM mailbox_keyword_members WHERE keyword = OLD.keyword AND (mailbox_id, received_at, email_id) IN (
          SELECT mailbox_id, received_at, email_id FROM email_mailboxes WHERE email_id = OLD.email_id);
      END;
      -- A split's new block takes the keyword counts of its rows from the block it was cut from;
      -- a merged block gives its counts to the block before it. Not the first block ('').
      CREATE TRIGGER mailbox_date_blocks_keywords_split AFTER INSERT ON mailbox_date_blocks
        WHEN NEW.start_id != '' BEGIN
        INSERT INTO mailbox_date_block_keywords (mailbox_id, keyword, start_at, start_id, emails)
          SELECT NEW.mailbox_id, k.keyword, NEW.start_at, NEW.start_id, count(*)
            FROM email_mailboxes em JOIN email_keywords k ON k.email_id = em.email_id
           WHERE em.mailbox_id = NEW.mailbox_id AND (em.received_at, em.email_id) >= (NEW.start_at, NEW.start_id)
             AND coalesce((em.received_at, em.email_id) < (
                   SELECT start_at, start_id FROM mailbox_date_blocks
                    WHERE mailbox_id = NEW.mailbox_id AND (start_at, start_id) > (NEW.start_at, NEW.start_id)
                    ORDER BY start_at, start_id LIMIT 1), 1)
           GROUP BY k.keyword;
        UPDATE mailbox_date_block_keywords SET emails = emails - (
            SELECT n.emails FROM mailbox_date_block_keywords n
             WHERE n.mailbox_id = NEW.mailbox_id AND n.keyword = mailbox_date_block_keywords.keyword
               AND n.start_at = NEW.start_at AND n.start_id = NEW.start_id)
         WHERE mailbox_id = NEW.mailbox_id
           AND (start_at, start_id) = ${blockBefore('mailbox_date_blocks', 'NEW.mailbox_id', 'NEW.start_at', 'NEW.start_id')}
           AND keyword IN (SELECT keyword FROM mailbox_date_block_keywords
                            WHERE mailbox_id = NEW.mailbox_id AND start_at = NEW.start_at AND start_id = NEW.start_id);
      END;
      CREATE TRIGGER mailbox_date_blocks_keywords_merge AFTER DELETE ON mailbox_date_blocks
        WHEN OLD.start_id != '' BEGIN
        INSERT INTO mailbox_date_block_keywords (mailbox_id, keyword, start_at, start_id, emails)
          SELECT OLD.mailbox_id, d.keyword, p.start_at, p.start_id, d.emails FROM mailbox_date_block_keywords d
            JOIN ${blockBefore('mailbox_date_blocks', 'OLD.mailbox_id', 'OLD.start_at', 'OLD.start_id')} p
           WHERE d.mailbox_id = OLD.mailbox_id AND d.start_at = OLD.start_at AND d.start_id = OLD.start_id
          ON CONFLICT (mailbox_id, keyword, start_at, start_id) DO UPDATE SET emails = emails + excluded.emails;
        DELETE FROM mailbox_date_block_keywords
         WHERE mailbox_id = OLD.mailbox_id AND start_at = OLD.start_at AND start_id = OLD.start_id;
      END;
      CREATE TRIGGER mailboxes_drop_page_counts AFTER DELETE ON mailboxes BEGIN
        DELETE FROM mailbox_thread_blocks WHERE mailbox_id = OLD.id;
        DELETE FROM mailbox_date_block_keywords WHERE mailbox_id = OLD.id;
        DELETE FROM mailbox_keyword_members WHERE mailbox_id = OLD.id;
      END;
    `,
};
