/**
 * Schema migrations, applied in order inside one transaction each and recorded in
 * `schema_migrations`. A migration is never edited once released: add a new one.
 */
import { pageCountsMigration } from './page-counts-migration.js';
import { pushSubscriptionsMigration } from './push-subscriptions.js';
import { pendingDocumentsMigration } from './fts5/pending-documents.js';
import { apiTokensMigration } from './api-tokens.js';
import { mailboxSharesMigration } from './mailbox-shares.js';
import { envelopeColumnMigration } from './envelope-column-migration.js';
import { emailBlobsByBlobMigration } from './email-blobs-migration.js';
import { shareNotificationsMigration } from './share-notifications.js';
import { calendarEventNotificationsMigration } from './calendars/event-notifications.js';
import { meetingRoomsMigration } from './meeting-rooms.js';
import { calendarEventsMigration, calendarsMigration } from './calendars/calendar-migrations.js';
import { contactsMigration } from './contacts/migration.js';
import { contactQueryMigration } from './contacts/query-migration.js';
import { collectionSharesMigration } from './collection-shares.js';
import { resourcesMigration } from './resources.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Migration 11's trigger step: add or subtract one to the count of the date block that holds the
 * membership `row` (the block with the greatest start not after its key). Part of a released
 * migration's SQL: never change it.
 */
const countInBlock = (row: 'NEW' | 'OLD', delta: '+ 1' | '- 1') =>
  `UPDATE mailbox_date_blocks SET emails = emails ${delta}
         WHERE mailbox_id = ${row}.mailbox_id AND (start_at, start_id) = (
           SELECT start_at, start_id FROM mailbox_date_blocks
            WHERE mailbox_id = ${row}.mailbox_id AND (start_at, start_id) <= (${row}.received_at, ${row}.email_id)
            ORDER BY start_at DESC, start_id DESC LIMIT 1);`;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'directory, mailboxes, emails, blobs, change log',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE domains (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        domain_id TEXT NOT NULL REFERENCES domains(id),
        email TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE mailboxes (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        name TEXT NOT NULL,
        parent_id TEXT REFERENCES mailboxes(id),
        role TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        is_subscribed INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE UNIQUE INDEX mailboxes_role ON mailboxes(account_id, role) WHERE role IS NOT NULL;
      CREATE UNIQUE INDEX mailboxes_name ON mailboxes(account_id, ifnull(parent_id, ''), name);

      CREATE TABLE threads (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        base_subject TEXT NOT NULL
      ) STRICT;

      -- The parsed index of each message; index_json holds the body structure and address lists.
      CREATE TABLE emails (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        thread_id TEXT NOT NULL REFERENCES threads(id),
        blob_id TEXT NOT NULL,
        size INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        sent_at INTEGER,
        subject TEXT,
        from_sort TEXT NOT NULL DEFAULT '',
        has_attachment INTEGER NOT NULL,
        preview TEXT NOT NULL,
        seen INTEGER NOT NULL DEFAULT 0,
        index_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX emails_account_received ON emails(account_id, received_at DESC, id);
      CREATE INDEX emails_thread ON emails(thread_id);

      CREATE TABLE email_mailboxes (
        mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
        email_id TEXT NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (mailbox_id, email_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX email_mailboxes_by_date ON email_mailboxes(mailbox_id, received_at DESC, email_id);
      CREATE INDEX email_mailboxes_email ON email_mailboxes(email_id);

      CREATE TABLE email_keywords (
        email_id TEXT NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        keyword TEXT NOT NULL,
        PRIMARY KEY (email_id, keyword)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX email_keywords_keyword ON email_keywords(keyword, email_id);

      -- Every Message-ID an email carries or refers to, for threading.
      CREATE TABLE message_ids (
        account_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        PRIMARY KEY (account_id, message_id, thread_id)
      ) STRICT, WITHOUT ROWID;

      -- Which account may read which blob (blobs themselves are shared and content-addressed).
      CREATE TABLE blob_refs (
        account_id TEXT NOT NULL,
        blob_id TEXT NOT NULL,
        PRIMARY KEY (account_id, blob_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE states (
        account_id TEXT NOT NULL,
        type TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (account_id, type)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE change_log (
        account_id TEXT NOT NULL,
        type TEXT NOT NULL,
        seq INTEGER NOT NULL,
        object_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('created', 'updated', 'destroyed')),
        PRIMARY KEY (account_id, type, seq, object_id)
      ) STRICT, WITHOUT ROWID;

      CREATE VIRTUAL TABLE email_fts USING fts5(subject, addresses, body, attachments, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 2,
    name: 'stable search keys, unread per RFC 8621, maintained mailbox counts, two-way sort indexes',
    sql: `
      -- The FTS row was keyed by the email's rowid, which VACUUM may renumber (the table has no
      -- INTEGER PRIMARY KEY): give each email its own search key.
      ALTER TABLE emails ADD COLUMN search_id INTEGER;
      UPDATE emails SET search_id = rowid;
      CREATE UNIQUE INDEX emails_search_id ON emails(search_id);

      -- RFC 8621 §2: unread means neither $seen nor $draft.
      ALTER TABLE emails ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
      UPDATE emails SET unread = NOT EXISTS (
        SELECT 1 FROM email_keywords k WHERE k.email_id = emails.id AND k.keyword IN ('$seen', '$draft'));
      ALTER TABLE emails DROP COLUMN seen;

      -- Counts kept up to date by every write, so that reading them is O(1) at any mailbox size.
      CREATE TABLE mailbox_threads (
        mailbox_id TEXT NOT NULL REFERENCES mailboxes(id),
        thread_id TEXT NOT NULL,
        emails INTEGER NOT NULL,
        unread INTEGER NOT NULL,
        PRIMARY KEY (mailbox_id, thread_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO mailbox_threads (mailbox_id, thread_id, emails, unread)
        SELECT em.mailbox_id, e.thread_id, count(*), sum(e.unread)
          FROM email_mailboxes em JOIN emails e ON e.id = em.email_id GROUP BY em.mailbox_id, e.thread_id;
      CREATE TABLE mailbox_counts (
        mailbox_id TEXT PRIMARY KEY REFERENCES mailboxes(id),
        total_emails INTEGER NOT NULL DEFAULT 0,
        unread_emails INTEGER NOT NULL DEFAULT 0,
        total_threads INTEGER NOT NULL DEFAULT 0,
        unread_threads INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO mailbox_counts (mailbox_id, total_emails, unread_emails, total_threads, unread_threads)
        SELECT m.id, coalesce(sum(t.emails), 0), coalesce(sum(t.unread), 0), count(t.thread_id),
               count(CASE WHEN t.unread > 0 THEN 1 END)
          FROM mailboxes m LEFT JOIN mailbox_threads t ON t.mailbox_id = m.id GROUP BY m.id;

      -- Ascending on every column, so that newest-first and oldest-first (with the id tiebreak in
      -- the same direction) are both a plain index scan, without a temporary sort.
      DROP INDEX email_mailboxes_by_date;
      CREATE INDEX email_mailboxes_by_date ON email_mailboxes(mailbox_id, received_at, email_id);
      DROP INDEX emails_account_received;
      CREATE INDEX emails_account_received ON emails(account_id, received_at, id);
      DROP INDEX emails_thread;
      CREATE INDEX emails_thread ON emails(thread_id, received_at, id);
    `,
  },
  {
    version: 3,
    name: 'blob garbage-collection candidates',
    sql: `
      -- Blobs that lost their last reference (blob_refs) when an email was destroyed: their files
      -- are removed later, by collectGarbage, so that metadata is always committed first.
      CREATE TABLE blob_gc (blob_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'per-account quotas and usage',
    sql: `
      -- Limits (NULL = unlimited) and usage, kept up to date by every import and destroy in its own
      -- transaction, so that the quota check is O(1) and cannot be overshot by concurrent imports.
      CREATE TABLE account_quotas (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id),
        max_emails INTEGER,
        max_bytes INTEGER,
        used_emails INTEGER NOT NULL DEFAULT 0,
        used_bytes INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO account_quotas (account_id, used_emails, used_bytes)
        SELECT a.id, count(e.id), coalesce(sum(e.size), 0)
          FROM accounts a LEFT JOIN emails e ON e.account_id = a.id GROUP BY a.id;
    `,
  },
  {
    version: 5,
    name: 'identities, vacation response, vacation auto-reply memory',
    sql: `
      -- RFC 8621 §6: the addresses an account may send as. Every account has a default identity
      -- for its own address (may_delete = 0), made when the account is created and backfilled here.
      CREATE TABLE identities (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        name TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL,
        reply_to_json TEXT,
        bcc_json TEXT,
        text_signature TEXT NOT NULL DEFAULT '',
        html_signature TEXT NOT NULL DEFAULT '',
        may_delete INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX identities_account ON identities(account_id);
      INSERT INTO identities (id, account_id, name, email, may_delete)
        SELECT 'I' || lower(hex(randomblob(8))),
               id, display_name, email, 0
          FROM accounts;

      -- RFC 8621 §8: one vacation response per account (no row = disabled, empty).
      CREATE TABLE vacation_responses (
        account_id TEXT PRIMARY KEY REFERENCES accounts(id),
        is_enabled INTEGER NOT NULL DEFAULT 0,
        from_date INTEGER,
        to_date INTEGER,
        subject TEXT,
        text_body TEXT,
        html_body TEXT
      ) STRICT;

      -- RFC 3834 §2: at most one auto-reply per sender per period; the last reply time per sender.
      CREATE TABLE vacation_replies (
        account_id TEXT NOT NULL REFERENCES accounts(id),
        sender TEXT NOT NULL,
        replied_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, sender)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: 'email submission queue and DKIM keys',
    sql: `
      -- RFC 8621 §7 EmailSubmission. blob_id is the exact message to send; collectGarbage keeps
      -- every blob a submission names, so the bytes outlive the email's deletion.
      CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        identity_id TEXT,
        email_id TEXT,
        blob_id TEXT NOT NULL,
        mail_from TEXT NOT NULL,
        send_at INTEGER NOT NULL,
        undo_status TEXT NOT NULL CHECK (undo_status IN ('pending', 'final', 'canceled')),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX submissions_account ON submissions(account_id, created_at);
      -- One row per envelope recipient: its DeliveryStatus and its retry state. next_attempt_at is
      -- NULL once the recipient is done (delivered, failed, or its submission canceled).
      CREATE TABLE submission_recipients (
        submission_id TEXT NOT NULL REFERENCES submissions(id),
        position INTEGER NOT NULL,
        rcpt TEXT NOT NULL,
        delivered TEXT NOT NULL DEFAULT 'queued' CHECK (delivered IN ('queued', 'yes', 'no', 'unknown')),
        displayed TEXT NOT NULL DEFAULT 'unknown',
        smtp_reply TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error TEXT,
        PRIMARY KEY (submission_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX submission_recipients_due ON submission_recipients(next_attempt_at)
        WHERE next_attempt_at IS NOT NULL;
      -- RFC 6376 signing keys, one per local domain, made on first need.
      CREATE TABLE dkim_keys (
        domain TEXT PRIMARY KEY,
        selector TEXT NOT NULL,
        private_key_pem TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'aliases, catch-alls and snoozes',
    sql: `
      -- An alias address (lower-cased) delivers to one account; '@domain' is that domain's
      -- catch-all. The domain is referenced so that a domain in use cannot be deleted.
      CREATE TABLE aliases (
        address TEXT PRIMARY KEY,
        domain_id TEXT NOT NULL REFERENCES domains(id),
        account_id TEXT NOT NULL REFERENCES accounts(id),
        created_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX aliases_account ON aliases(account_id, address);

      -- A snoozed email sits in the Snoozed mailbox until 'until' (ms since the epoch);
      -- mailbox_ids is the JSON array of the mailboxes it left, restored when it wakes.
      CREATE TABLE snoozes (
        email_id TEXT PRIMARY KEY REFERENCES emails(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        until INTEGER NOT NULL,
        mailbox_ids TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX snoozes_due ON snoozes(until, email_id);
      CREATE INDEX snoozes_account ON snoozes(account_id, until);
    `,
  },
  {
    version: 8,
    name: 'sort keys on mailbox memberships',
    sql: `
      -- RFC 8621 §4.4.2 sort keys copied from the email onto each of its memberships, so that a
      -- mailbox page in any default-collation order is a walk of one (mailbox, key, email) index.
      -- Computed by SQL functions the store registers on every connection (query/sort-sql.ts):
      -- the base subject and the i;unicode-casemap fold. sent_at is coalesced with received_at.
      -- Triggers keep them: an inserted membership copies its email's keys; emails rows are
      -- immutable except thread_id, which is followed.
      ALTER TABLE email_mailboxes ADD COLUMN thread_id TEXT;
      ALTER TABLE email_mailboxes ADD COLUMN size INTEGER;
      ALTER TABLE email_mailboxes ADD COLUMN sent_at INTEGER;
      ALTER TABLE email_mailboxes ADD COLUMN subject_sort TEXT;
      ALTER TABLE email_mailboxes ADD COLUMN from_sort TEXT;
      ALTER TABLE email_mailboxes ADD COLUMN to_sort TEXT;
      UPDATE email_mailboxes SET (thread_id, size, sent_at, subject_sort, from_sort, to_sort) = (
            SELECT e.thread_id, e.size, coalesce(e.sent_at, e.received_at),
                   colibri_unicode_fold(colibri_base_subject(e.subject)), colibri_unicode_fold(e.from_sort),
                   colibri_unicode_fold(coalesce(e.index_json ->> '$.to[0].name', e.index_json ->> '$.to[0].email', ''))
              FROM emails e WHERE e.id = email_mailboxes.email_id);
      CREATE TRIGGER email_mailboxes_sort_keys AFTER INSERT ON email_mailboxes BEGIN
        UPDATE email_mailboxes SET (thread_id, size, sent_at, subject_sort, from_sort, to_sort) = (
            SELECT e.thread_id, e.size, coalesce(e.sent_at, e.received_at),
                   colibri_unicode_fold(colibri_base_subject(e.subject)), colibri_unicode_fold(e.from_sort),
                   colibri_unicode_fold(coalesce(e.index_json ->> '$.to[0].name', e.index_json ->> '$.to[0].email', ''))
              FROM emails e WHERE e.id = email_mailboxes.email_id)
          WHERE mailbox_id = NEW.mailbox_id AND email_id = NEW.email_id;
      END;
      CREATE TRIGGER emails_thread_to_memberships AFTER UPDATE OF thread_id ON emails BEGIN
        UPDATE email_mailboxes SET thread_id = NEW.thread_id WHERE email_id = NEW.id;
      END;
      CREATE INDEX email_mailboxes_by_size ON email_mailboxes(mailbox_id, size, email_id);
      CREATE INDEX email_mailboxes_by_sent ON email_mailboxes(mailbox_id, sent_at, email_id);
      CREATE INDEX email_mailboxes_by_subject ON email_mailboxes(mailbox_id, subject_sort, email_id);
      CREATE INDEX email_mailboxes_by_from ON email_mailboxes(mailbox_id, from_sort, email_id);
      CREATE INDEX email_mailboxes_by_to ON email_mailboxes(mailbox_id, to_sort, email_id);
    `,
  },

  {
    version: 9,
    name: 'per-email blob table, uploads that expire, blob GC bookkeeping',
    sql: `
      -- Every blob an email refers to (raw message and decoded leaves), so that destroying an email
      -- is O(its parts) rather than a scan of the account's index JSON. Backfilled from index_json.
      CREATE TABLE email_blobs (
        email_id TEXT NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        blob_id TEXT NOT NULL,
        PRIMARY KEY (email_id, blob_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX email_blobs_blob ON email_blobs(blob_id, email_id);
      INSERT OR IGNORE INTO email_blobs (email_id, blob_id) SELECT id, blob_id FROM emails;
      INSERT OR IGNORE INTO email_blobs (email_id, blob_id)
        SELECT e.id, j.value FROM emails e, json_tree(e.index_json, '$.bodyStructure') j
         WHERE j.key = 'blobId' AND j.type = 'text';

      -- RFC 8620 §6.1: an uploaded blob the account may reference until expires_at; then the
      -- upload is released by collectGarbage (the blob stays while anything else references it).
      CREATE TABLE uploads (
        account_id TEXT NOT NULL REFERENCES accounts(id),
        blob_id TEXT NOT NULL,
        type TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, blob_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX uploads_expiry ON uploads(expires_at);
    `,
  },
  {
    version: 10,
    name: 'import keys for resumable batch imports',
    sql: `
      -- One row per message a batch import stored under a caller's idempotency key (e.g. the CLI's
      -- "source file + offset + sha256"), written in the same transaction as the email: a re-run
      -- after a crash skips exactly the messages that were committed, and imports none twice.
      CREATE TABLE import_keys (
        account_id TEXT NOT NULL REFERENCES accounts(id),
        import_key TEXT NOT NULL,
        email_id TEXT NOT NULL,
        PRIMARY KEY (account_id, import_key)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 11,
    name: 'counted date blocks, thread representatives and thread keyword counts per mailbox',
    sql: `
      -- Deep pages without an O(position) walk: each mailbox's memberships, in (received_at,
      -- email_id) order, are cut into blocks that know how many memberships they hold (a two-level
      -- order-statistics tree). A block holds the keys from its start up to the next block's start;
      -- the first block of a mailbox starts at the smallest key (-2^63, ''). Position P is found by
      -- summing the counts of ~N/512 blocks, then walking at most one block (query-emails.ts).
      -- Triggers keep the counts: a block over 1024 splits at its 512th key, a block (not the first)
      -- under 128 merges into the one before it.
      CREATE TABLE mailbox_date_blocks (
        mailbox_id TEXT NOT NULL,
        start_at INTEGER NOT NULL,
        start_id TEXT NOT NULL,
        emails INTEGER NOT NULL,
        PRIMARY KEY (mailbox_id, start_at, start_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO mailbox_date_blocks (mailbox_id, start_at, start_id, emails)
        SELECT mailbox_id, CASE WHEN rn = 0 THEN -9223372036854775808 ELSE received_at END,
               CASE WHEN rn = 0 THEN '' ELSE email_id END, min(512, n - rn)
          FROM (SELECT mailbox_id, received_at, email_id, count(*) OVER (PARTITION BY mailbox_id) AS n,
                       row_number() OVER (PARTITION BY mailbox_id ORDER BY received_at, email_id) - 1 AS rn
                  FROM email_mailboxes)
         WHERE rn % 512 = 0;
      CREATE TRIGGER email_mailboxes_block_insert AFTER INSERT ON email_mailboxes BEGIN
        INSERT OR IGNORE INTO mailbox_date_blocks (mailbox_id, start_at, start_id, emails)
          VALUES (NEW.mailbox_id, -9223372036854775808, '', 0);
        ${countInBlock('NEW', '+ 1')}
      END;
      CREATE TRIGGER email_mailboxes_block_delete AFTER DELETE ON email_mailboxes BEGIN
        ${countInBlock('OLD', '- 1')}
      END;
      CREATE TRIGGER email_mailboxes_block_move AFTER UPDATE OF received_at ON email_mailboxes
        WHEN OLD.received_at IS NOT NEW.received_at BEGIN
        ${countInBlock('OLD', '- 1')}
        ${countInBlock('NEW', '+ 1')}
      END;
      -- Splitting walks 512 keys of the block (once per ~512 inserts into it). SQLite does not
      -- fire a trigger from its own body (recursive_triggers is off), so the split's own UPDATE
      -- does not split again.
      CREATE TRIGGER mailbox_date_blocks_split AFTER UPDATE OF emails ON mailbox_date_blocks
        WHEN NEW.emails > 1024 BEGIN
        INSERT INTO mailbox_date_blocks (mailbox_id, start_at, start_id, emails)
          SELECT NEW.mailbox_id, received_at, email_id, NEW.emails - 512 FROM email_mailboxes
           WHERE mailbox_id = NEW.mailbox_id AND (received_at, email_id) >= (NEW.start_at, NEW.start_id)
           ORDER BY received_at, email_id LIMIT 1 OFFSET 512;
        UPDATE mailbox_date_blocks SET emails = 512
         WHERE mailbox_id = NEW.mailbox_id AND start_at = NEW.start_at AND start_id = NEW.start_id;
      END;
      CREATE TRIGGER mailbox_date_blocks_merge AFTER UPDATE OF emails ON mailbox_date_blocks
        WHEN NEW.emails < 128 AND NEW.start_id != '' BEGIN
        DELETE FROM mailbox_date_blocks
         WHERE mailbox_id = NEW.mailbox_id AND start_at = NEW.start_at AND start_id = NEW.start_id;
        UPDATE mailbox_date_blocks SET emails = emails + NEW.emails
         WHERE mailbox_id = NEW.mailbox_id AND (start_at, start_id) = (
           SELECT start_at, start_id FROM mailbox_date_blocks
            WHERE mailbox_id = NEW.mailbox_id AND (start_at, start_id) < (NEW.start_at, NEW.start_id)
            ORDER BY start_at DESC, start_id DESC LIMIT 1);
      END;

      -- RFC 8621 §4.4.3 collapseThreads, newest first, over a whole mailbox: per mailbox and
      -- thread, the thread's newest membership there (received_at, then email_id, both highest),
      -- so that the collapsed page is a walk of one index like the plain page. Kept by triggers
      -- on memberships; the thread comes from the emails row (inserted first, deleted last).
      CREATE TABLE mailbox_thread_reps (
        mailbox_id TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        email_id TEXT NOT NULL,
        PRIMARY KEY (mailbox_id, thread_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mailbox_thread_reps_by_date ON mailbox_thread_reps(mailbox_id, received_at, email_id);
      CREATE INDEX email_mailboxes_by_thread ON email_mailboxes(mailbox_id, thread_id, received_at, email_id);
      -- The thread on the date index too: a walk in date order that tests a thread key
      -- (some/allInThreadHaveKeyword, query/mailbox-pages.ts) then never reads the membership row.
      DROP INDEX email_mailboxes_by_date;
      CREATE INDEX email_mailboxes_by_date ON email_mailboxes(mailbox_id, received_at, email_id, thread_id);
      INSERT INTO mailbox_thread_reps (mailbox_id, thread_id, received_at, email_id)
        SELECT mailbox_id, thread_id, received_at, email_id
          FROM (SELECT em.mailbox_id, e.thread_id, em.received_at, em.email_id,
                       row_number() OVER (PARTITION BY em.mailbox_id, e.thread_id
                                          ORDER BY em.received_at DESC, em.email_id DESC) AS rn
                  FROM email_mailboxes em JOIN emails e ON e.id = em.email_id)
         WHERE rn = 1;
      CREATE TRIGGER email_mailboxes_rep_insert AFTER INSERT ON email_mailboxes BEGIN
        INSERT INTO mailbox_thread_reps (mailbox_id, thread_id, received_at, email_id)
          SELECT NEW.mailbox_id, e.thread_id, NEW.received_at, NEW.email_id FROM emails e WHERE e.id = NEW.email_id
          ON CONFLICT (mailbox_id, thread_id) DO UPDATE SET received_at = excluded.received_at, email_id = excluded.email_id
           WHERE (excluded.received_at, excluded.email_id) > (mailbox_thread_reps.received_at, mailbox_thread_reps.email_id);
      END;
      CREATE TRIGGER email_mailboxes_rep_delete AFTER DELETE ON email_mailboxes BEGIN
        DELETE FROM mailbox_thread_reps WHERE mailbox_id = OLD.mailbox_id AND thread_id = OLD.thread_id;
        INSERT INTO mailbox_thread_reps (mailbox_id, thread_id, received_at, email_id)
          SELECT mailbox_id, thread_id, received_at, email_id FROM email_mailboxes
           WHERE mailbox_id = OLD.mailbox_id AND thread_id = OLD.thread_id
           ORDER BY received_at DESC, email_id DESC LIMIT 1;
      END;
      -- A new receivedAt (snooze wake) or thread; not the thread's first fill-in by migration 8's
      -- insert trigger (OLD.thread_id NULL), which email_mailboxes_rep_insert already covered.
      CREATE TRIGGER email_mailboxes_rep_move AFTER UPDATE OF received_at, thread_id ON email_mailboxes
        WHEN OLD.thread_id IS NOT NULL BEGIN
        DELETE FROM mailbox_thread_reps WHERE mailbox_id = OLD.mailbox_id AND thread_id IN (OLD.thread_id, NEW.thread_id);
        INSERT INTO mailbox_thread_reps (mailbox_id, thread_id, received_at, email_id)
          SELECT mailbox_id, thread_id, received_at, email_id FROM email_mailboxes
           WHERE mailbox_id = OLD.mailbox_id AND thread_id = OLD.thread_id
           ORDER BY received_at DESC, email_id DESC LIMIT 1;
        INSERT OR IGNORE INTO mailbox_thread_reps (mailbox_id, thread_id, received_at, email_id)
          SELECT mailbox_id, thread_id, received_at, email_id FROM email_mailboxes
           WHERE mailbox_id = NEW.mailbox_id AND thread_id = NEW.thread_id
           ORDER BY received_at DESC, email_id DESC LIMIT 1;
      END;
      CREATE TRIGGER mailboxes_drop_query_keys AFTER DELETE ON mailboxes BEGIN
        DELETE FROM mailbox_date_blocks WHERE mailbox_id = OLD.id;
        DELETE FROM mailbox_thread_reps WHERE mailbox_id = OLD.id;
      END;

      -- RFC 8621 §4.4.2 someInThreadHaveKeyword / allInThreadHaveKeyword as O(1) look-ups: per
      -- thread, how many of its emails have each keyword (thread_keywords) and how many emails it
      -- has (threads.emails). Kept by triggers on emails and email_keywords; an email's keywords
      -- are deleted before its row goes (a cascade would come too late to find its thread).
      ALTER TABLE threads ADD COLUMN emails INTEGER NOT NULL DEFAULT 0;
      UPDATE threads SET emails = (SELECT count(*) FROM emails e WHERE e.thread_id = threads.id);
      CREATE TABLE thread_keywords (
        thread_id TEXT NOT NULL,
        keyword TEXT NOT NULL,
        emails INTEGER NOT NULL,
        PRIMARY KEY (thread_id, keyword)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX thread_keywords_keyword ON thread_keywords(keyword, thread_id);
      INSERT INTO thread_keywords (thread_id, keyword, emails)
        SELECT e.thread_id, k.keyword, count(*) FROM email_keywords k JOIN emails e ON e.id = k.email_id
         GROUP BY e.thread_id, k.keyword;
      CREATE TRIGGER emails_thread_count_insert AFTER INSERT ON emails BEGIN
        UPDATE threads SET emails = emails + 1 WHERE id = NEW.thread_id;
      END;
      CREATE TRIGGER emails_thread_count_delete BEFORE DELETE ON emails BEGIN
        UPDATE threads SET emails = emails - 1 WHERE id = OLD.thread_id;
        -- Its keyword rows' own trigger subtracts them while the emails row still names the thread.
        DELETE FROM email_keywords WHERE email_id = OLD.id;
      END;
      CREATE TRIGGER emails_thread_count_move AFTER UPDATE OF thread_id ON emails
        WHEN OLD.thread_id IS NOT NEW.thread_id BEGIN
        UPDATE threads SET emails = emails - 1 WHERE id = OLD.thread_id;
        UPDATE threads SET emails = emails + 1 WHERE id = NEW.thread_id;
        UPDATE thread_keywords SET emails = emails - 1
         WHERE thread_id = OLD.thread_id AND keyword IN (SELECT keyword FROM email_keywords WHERE email_id = NEW.id);
        DELETE FROM thread_keywords WHERE thread_id = OLD.thread_id AND emails <= 0;
        INSERT INTO thread_keywords (thread_id, keyword, emails)
          SELECT NEW.thread_id, keyword, 1 FROM email_keywords WHERE email_id = NEW.id
          ON CONFLICT (thread_id, keyword) DO UPDATE SET emails = emails + 1;
      END;
      CREATE TRIGGER email_keywords_thread_insert AFTER INSERT ON email_keywords BEGIN
        INSERT INTO thread_keywords (thread_id, keyword, emails)
          SELECT thread_id, NEW.keyword, 1 FROM emails WHERE id = NEW.email_id
          ON CONFLICT (thread_id, keyword) DO UPDATE SET emails = emails + 1;
      END;
      CREATE TRIGGER email_keywords_thread_delete AFTER DELETE ON email_keywords BEGIN
        UPDATE thread_keywords SET emails = emails - 1
         WHERE keyword = OLD.keyword AND thread_id = (SELECT thread_id FROM emails WHERE id = OLD.email_id);
        DELETE FROM thread_keywords
         WHERE keyword = OLD.keyword AND emails <= 0 AND thread_id = (SELECT thread_id FROM emails WHERE id = OLD.email_id);
      END;
    `,
  },
  {
    version: 12,
    name: 'membership sort keys given by the writer',
    sql: `
      -- Import computes the sort keys it already has in hand and inserts them with the membership;
      -- the trigger of migration 8 (which re-read the email row and its index JSON for every
      -- membership: a third of an import's SQL time) now fills them only for writers that do not
      -- (moves, copies). sent_at is coalesced with received_at, so it is never null once filled.
      DROP TRIGGER email_mailboxes_sort_keys;
      CREATE TRIGGER email_mailboxes_sort_keys AFTER INSERT ON email_mailboxes WHEN NEW.sent_at IS NULL BEGIN
        UPDATE email_mailboxes SET (thread_id, size, sent_at, subject_sort, from_sort, to_sort) = (
            SELECT e.thread_id, e.size, coalesce(e.sent_at, e.received_at),
                   colibri_unicode_fold(colibri_base_subject(e.subject)), colibri_unicode_fold(e.from_sort),
                   colibri_unicode_fold(coalesce(e.index_json ->> '$.to[0].name', e.index_json ->> '$.to[0].email', ''))
              FROM emails e WHERE e.id = email_mailboxes.email_id)
          WHERE mailbox_id = NEW.mailbox_id AND email_id = NEW.email_id;
      END;
    `,
  },
  {
    version: 13,
    name: 'blob look-ups by id for garbage collection',
    sql: `
      -- collectGarbage asks, for each queued blob and each blob file it sweeps, whether an account
      -- or a submission still names it; blob_refs is keyed by account first and submissions by id,
      -- so without these every question was a scan of the table.
      CREATE INDEX blob_refs_blob ON blob_refs(blob_id);
      CREATE INDEX submissions_blob ON submissions(blob_id);
    `,
  },
  {
    version: 14,
    name: 'small blobs in the database',
    sql: `
      -- Blobs up to smallBlobMaxBytes (most messages) live here rather than as files: see
      -- small-blobs.ts. put_at is the GC claim (the file store's mtime).
      CREATE TABLE small_blobs (
        id TEXT PRIMARY KEY,
        bytes BLOB NOT NULL,
        put_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  pageCountsMigration,
  {
    version: 18,
    name: 'blob access from email_blobs and uploads',
    sql: `
      -- blob_refs repeated what email_blobs and uploads already say (which account may read which
      -- blob), and keyed by a hash it cost two random B-tree inserts per blob: over half of the
      -- pages a batch import wrote. An email's blobs now carry its account, so that one index
      -- answers "may this account read this blob" and "does anything still use it".
      CREATE TABLE email_blobs_by_account (
        email_id TEXT NOT NULL REFERENCES emails(id) ON DELETE CASCADE,
        blob_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        PRIMARY KEY (email_id, blob_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO email_blobs_by_account (email_id, blob_id, account_id)
        SELECT b.email_id, b.blob_id, e.account_id FROM email_blobs b JOIN emails e ON e.id = b.email_id;
      DROP TABLE email_blobs;
      ALTER TABLE email_blobs_by_account RENAME TO email_blobs;
      CREATE INDEX email_blobs_blob ON email_blobs(blob_id, account_id);
      CREATE INDEX uploads_blob ON uploads(blob_id);
      DROP TABLE blob_refs;
    `,
  },
  {
    version: 21,
    name: 'submission thread and hidden submissions',
    sql: `
      -- RFC 8621 §7: an EmailSubmission's threadId is immutable, so it is kept with the row (the
      -- email may be destroyed once sent). A submission destroyed while recipients are still
      -- being retried stays for the queue, hidden from JMAP, until pruneSubmissions drops it.
      ALTER TABLE submissions ADD COLUMN thread_id TEXT;
      ALTER TABLE submissions ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
      UPDATE submissions SET thread_id = (SELECT e.thread_id FROM emails e WHERE e.id = submissions.email_id);
    `,
  },
  pushSubscriptionsMigration,
  {
    version: 26,
    name: 'sieve scripts',
    sql: `
      -- RFC 9661: an account's Sieve scripts. The text is a content-addressed blob; the row is the
      -- reference that keeps it from the collector (blob-in-use.ts) and lets the account read it.
      -- At most one active script per account: the partial unique index says so to every writer.
      CREATE TABLE sieve_scripts (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        name TEXT NOT NULL,
        blob_id TEXT NOT NULL,
        is_active INTEGER NOT NULL DEFAULT 0,
        UNIQUE (account_id, name)
      ) STRICT;
      CREATE UNIQUE INDEX sieve_scripts_active ON sieve_scripts(account_id) WHERE is_active = 1;
      CREATE INDEX sieve_scripts_blob ON sieve_scripts(blob_id, account_id);
    `,
  },
  pendingDocumentsMigration,
  apiTokensMigration,
  mailboxSharesMigration,
  emailBlobsByBlobMigration,
  shareNotificationsMigration,
  envelopeColumnMigration,
  calendarsMigration,
  calendarEventsMigration,
  meetingRoomsMigration,
  contactsMigration,
  contactQueryMigration,
  collectionSharesMigration,
  calendarEventNotificationsMigration,
  resourcesMigration,
];
