/**
 * Schema migrations, applied in order inside one transaction each and recorded in
 * `schema_migrations`. A migration is never edited once released: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];
