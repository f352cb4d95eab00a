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
];
