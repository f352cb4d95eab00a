import type { AccountId, EmailId, EmailRecord, MailboxId, ThreadId } from '../model.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import { isUnread, normaliseKeywords } from '../keywords.js';
import type { ImportMessageInput, ImportMessageStreamInput } from '../mail-store.js';
import { baseSubject } from '../mime/text.js';
import { searchDocumentOf } from '../search/search-document.js';
import { timings } from '../delivery-timings.js';
import { sqliteChangeLog as changeLog, type ChangeSink } from './change-log.js';
import { emailRecordOf, type EmailEnvelope, type EmailIndex } from './email-rows.js';
import { emailAdded } from './mailbox-counters.js';
import type { GroupCommit, GroupCommitter } from './group-commit.js';
import type { Db } from './open-database.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';
import {
  assertMessageSize,
  prepareImportBytes,
  prepareImportStream,
  type PreparedImport,
} from './prepare-import.js';
import type { PreparePool } from './prepare-pool.js';
import { assertRoomFor, usageChanged } from './quotas.js';
import { unicodeFold } from './query/sort-sql.js';
import { assignThread } from './threads.js';

/**
 * Stores a raw message as a blob and indexes it in one transaction (see `commitImport`). A small
 * message (a row) is written by that transaction itself. A large one (a file) is written before it
 * (immutable and content-addressed: an orphan is harmless), and meanwhile parsed in a thread of the
 * `pool` when there is one: its writes and syncs take most of 15 ms here, which the parse no
 * longer adds to. Its metadata commits only once the blob is durable: `put` resolves after the
 * file and the folder entry that names it are fsynced, and only then is the piece queued.
 */
export async function importMessage(
  db: Db,
  search: SqliteSearchIndex,
  blobs: BlobStore,
  accountId: AccountId,
  input: ImportMessageInput,
  /** Commits through a shared transaction (see `group-commit.ts`); by default one of its own. */
  groupCommit?: Pick<GroupCommitter, 'commit' | 'expect'>,
  /** Where large messages are parsed; started on demand. */
  pool?: () => PreparePool,
): Promise<EmailRecord> {
  const options = checkImportInput(input);
  const { raw } = input;
  // A small message is a row written by the import's own transaction: no transaction of its own,
  // and the bytes commit (and are synced) together with the rows that reference them.
  const t0 = timings ? performance.now() : 0;
  const staged = blobs.stageInTransaction?.(raw) ?? null;
  // Checked early to spare the writes of a blob file; the check that counts is the one in the
  // transaction (a refusal there rolls a staged row back with the rest).
  if (staged === null) assertRoomFor(db, accountId, raw.byteLength);
  let prepared: PreparedImport;
  // A small message is parsed here, at once: in a thread its parse cost no less time on this
  // thread (the result is copied back) and added the thread's wait to the delivery's latency.
  if (staged !== null || !pool) {
    prepared = prepareImportBytes(raw, staged?.blobId);
    if (timings) timings.record('store.parse', performance.now() - t0);
    if (staged === null) await blobs.put(raw);
  } else {
    assertMessageSize(raw.byteLength);
    // Settled before either outcome counts, so that no rejection goes unhandled.
    const parsing = settle(pool().prepare(raw));
    const put = await settle(blobs.put(raw));
    // Only once its blob is durable (the file and its name synced) does the group commit know
    // this delivery is coming, while its parse may still run: a group then waits a little for it
    // rather than committing without it. Announced before the blob's writes and fsyncs (4 to 40
    // ms), it held every group formed meanwhile for its whole window (`groupGatherMs`), for a
    // piece that could not be in it anyway.
    const arrived = groupCommit?.expect();
    try {
      const parsed = await parsing;
      if (!parsed.ok) throw parsed.error;
      if (!put.ok) throw put.error;
      prepared = parsed.value;
    } finally {
      arrived?.();
    }
  }
  if (timings) timings.record('store.prepareAndBlob', performance.now() - t0);
  const commit = () => {
    staged?.write();
    return commitImport(db, queueingSearch(search), accountId, prepared, options);
  };
  const committed = groupCommit ? await groupCommit.commit(commit) : db.transaction(commit).immediate();
  if (timings) timings.record('store.import', performance.now() - t0);
  return importedEmail(accountId, committed, prepared, options);
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/**
 * The index as a single delivery writes it: its document is queued when the index can queue
 * (`SqliteSearchIndex.indexLater`), and indexed with others later. A batch import indexes its
 * documents itself: they already share one transaction.
 */
function queueingSearch(search: SqliteSearchIndex): SqliteSearchIndex {
  const { indexLater } = search;
  return indexLater ? { ...search, index: indexLater } : search;
}

export interface ImportOptions {
  mailboxIds: MailboxId[];
  keywords: string[];
  receivedAt: number;
}

/** Validates what does not depend on the stored state: mailboxes given, keywords well formed. */
export function checkImportInput(input: Omit<ImportMessageInput, 'raw'>): ImportOptions {
  const mailboxIds = [...new Set(input.mailboxIds)];
  if (mailboxIds.length === 0) throw new InvalidInputError('An email belongs to at least one mailbox');
  return {
    mailboxIds,
    keywords: normaliseKeywords(input.keywords ?? []),
    receivedAt: (input.receivedAt ?? new Date()).getTime(),
  };
}

/**
 * Indexes a prepared message; the caller runs it inside an IMMEDIATE transaction (one per message,
 * or one per batch). Writes the email row, its mailboxes, keywords, thread, blob references,
 * full-text row, the mailbox counts, and the change log entries for Email, Thread and Mailbox
 * (RFC 8621 §2: counts are Mailbox properties). The quota is checked and the account's usage
 * updated here, so concurrent imports cannot overshoot a limit; a refused import stores no row
 * (at worst orphan blob files). IMMEDIATE: another process writing in between cannot turn this
 * one's reads (the next search key, the thread lookup) stale.
 *
 * Every StoreError it throws (unknown mailbox, over quota) comes before its first write, so that a
 * batch can go on with the next message without a savepoint; keep it so.
 */
export function commitImport(
  db: Db,
  search: SqliteSearchIndex,
  accountId: AccountId,
  prepared: PreparedImport,
  { mailboxIds, keywords, receivedAt }: ImportOptions,
  /** Where the changes go: by default the log, now; a batch import logs them once at its end. */
  log: ChangeSink = (type, changes) => changeLog.record(db, accountId, type, changes),
): CommittedImport {
  const { parsed, size } = prepared;
  const unread = isUnread(keywords);
  const threadingIds = [
    ...new Set([...(parsed.messageId ?? []), ...(parsed.inReplyTo ?? []), ...(parsed.references ?? [])]),
  ];
  const fromSort = (parsed.from?.[0]?.name ?? parsed.from?.[0]?.email ?? '').toLowerCase();
  const id = newId('Email') as EmailId;
  const known = db.prepare('SELECT 1 FROM mailboxes WHERE account_id = ? AND id = ?');
  for (const mailboxId of mailboxIds) {
    if (!known.get(accountId, mailboxId)) throw new NotFoundError(`Mailbox ${mailboxId}`);
  }
  assertRoomFor(db, accountId, size);
  const thread = assignThread(db, accountId, threadingIds, baseSubject(parsed.subject));
  const { searchId } = db.prepare('SELECT coalesce(max(search_id), 0) + 1 AS searchId FROM emails').get() as {
    searchId: number;
  };
  db.prepare(
    `INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, sent_at, subject, from_sort,
                         has_attachment, preview, unread, index_json, envelope_json, search_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    accountId,
    thread.id,
    prepared.rawBlobId,
    size,
    receivedAt,
    parsed.sentAt?.getTime() ?? null,
    parsed.subject,
    fromSort,
    parsed.hasAttachment ? 1 : 0,
    parsed.preview,
    unread ? 1 : 0,
    JSON.stringify(emailIndexOf(prepared)),
    JSON.stringify(envelopeOf(prepared)),
    searchId,
  );
  // The membership's sort keys (migration 8), as the trigger would compute them from the row.
  const addMailbox = db.prepare(
    `INSERT INTO email_mailboxes (mailbox_id, email_id, received_at, thread_id, size, sent_at, subject_sort,
                                  from_sort, to_sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const firstTo = parsed.to?.[0];
  const sortKeys = [
    thread.id,
    size,
    parsed.sentAt?.getTime() ?? receivedAt,
    unicodeFold(baseSubject(parsed.subject)),
    unicodeFold(fromSort),
    unicodeFold(firstTo?.name ?? firstTo?.email ?? ''),
  ];
  for (const mailboxId of mailboxIds) {
    addMailbox.run(mailboxId, id, receivedAt, ...sortKeys);
    emailAdded(db, mailboxId, thread.id, unread);
  }
  const addKeyword = db.prepare('INSERT INTO email_keywords (email_id, keyword) VALUES (?, ?)');
  for (const k of keywords) addKeyword.run(id, k);
  // What the account may read, and what garbage collection must keep (blob-refs.ts).
  const addEmailBlob = db.prepare(
    'INSERT OR IGNORE INTO email_blobs (email_id, blob_id, account_id) VALUES (?, ?, ?)',
  );
  for (const b of prepared.blobIds) addEmailBlob.run(id, b, accountId);
  search.index(db, accountId, id, searchDocumentOf(parsed, prepared.attachmentNames));
  usageChanged(db, accountId, 1, size);
  log('Email', [[id, 'created']]);
  log('Thread', [[thread.id, thread.isNew ? 'created' : 'updated']]);
  log(
    'Mailbox',
    mailboxIds.map((m): [MailboxId, 'updated'] => [m, 'updated']),
  );
  return { id, threadId: thread.id };
}

/** What `commitImport` assigned: the email's id and its thread's. */
export interface CommittedImport {
  id: EmailId;
  threadId: ThreadId;
}

/** The envelope_json of a prepared message (migration 33): index_json without the MIME structure. */
function envelopeOf({ parsed }: PreparedImport): EmailEnvelope {
  return {
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    sender: parsed.sender,
    from: parsed.from,
    to: parsed.to,
    cc: parsed.cc,
    bcc: parsed.bcc,
    replyTo: parsed.replyTo,
  };
}

/** The index_json of a prepared message: what the email keeps of its parse beyond its columns. */
function emailIndexOf(prepared: PreparedImport): EmailIndex {
  const { bodyStructure, textBody, htmlBody, attachments } = prepared;
  return { ...envelopeOf(prepared), bodyStructure, textBody, htmlBody, attachments };
}

/**
 * The email just committed, as `getEmails` would read it back, without reading it back: a reload
 * (one statement and the index's JSON parsed again) was a tenth of a delivery's work.
 */
function importedEmail(
  accountId: AccountId,
  { id, threadId }: CommittedImport,
  prepared: PreparedImport,
  { mailboxIds, keywords, receivedAt }: ImportOptions,
): EmailRecord {
  const { parsed } = prepared;
  return emailRecordOf(
    {
      id,
      accountId,
      blobId: prepared.rawBlobId,
      threadId,
      size: prepared.size,
      receivedAt,
      sentAt: parsed.sentAt?.getTime() ?? null,
      subject: parsed.subject,
      hasAttachment: parsed.hasAttachment,
      preview: parsed.preview,
    },
    emailIndexOf(prepared),
    // As loadEmails orders them (SQL's ORDER BY on TEXT: binary, as JS's default sort).
    [...mailboxIds].sort(),
    [...keywords].sort(),
  );
}

/**
 * The streaming front of import: the message goes to its raw blob and through the MIME walker in
 * one pass (`prepareImportStream`), never whole in memory, then is indexed like `importMessage`.
 */
export async function importMessageStream(
  db: Db,
  search: SqliteSearchIndex,
  blobs: BlobStore,
  accountId: AccountId,
  input: ImportMessageStreamInput,
  groupCommit?: GroupCommit,
): Promise<EmailRecord> {
  const options = checkImportInput(input);
  const prepared = await prepareImportStream(blobs, input.source);
  const commit = () => commitImport(db, queueingSearch(search), accountId, prepared, options);
  const committed = groupCommit ? await groupCommit(commit) : db.transaction(commit).immediate();
  return importedEmail(accountId, committed, prepared, options);
}
