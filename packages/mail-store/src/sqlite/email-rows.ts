import type {
  AccountId,
  BlobId,
  BodyPart,
  EmailId,
  EmailRecord,
  EmailSummary,
  MailboxId,
  ThreadId,
} from '../model.js';
import type { Envelope } from '../mime/envelope.js';
import type { Db } from './open-database.js';

export interface EmailRow {
  id: string;
  account_id: string;
  thread_id: string;
  blob_id: string;
  size: number;
  received_at: number;
  sent_at: number | null;
  subject: string | null;
  has_attachment: number;
  preview: string;
  index_json: string;
}

/** What envelope_json holds: the addresses and threading ids (index_json without the MIME structure). */
export type EmailEnvelope = Omit<Envelope, 'subject' | 'sentAt'>;

/** What index_json holds: the parsed parts that have no column of their own. */
export interface EmailIndex extends EmailEnvelope {
  bodyStructure: BodyPart;
  /** Part ids into bodyStructure, so that each part is stored once. */
  textBody: string[];
  htmlBody: string[];
  attachments: string[];
}

function leaves(part: BodyPart, out = new Map<string, BodyPart>()): Map<string, BodyPart> {
  if (part.partId) out.set(part.partId, part);
  for (const sub of part.subParts ?? []) leaves(sub, out);
  return out;
}

/** The columns of an emails row that an EmailRecord shows, in their stored form. */
export interface EmailColumns {
  id: EmailId;
  accountId: AccountId;
  blobId: BlobId;
  threadId: ThreadId;
  size: number;
  receivedAt: number;
  sentAt: number | null;
  subject: string | null;
  hasAttachment: boolean;
  preview: string;
}

/** An email's columns and envelope, as read back (the MIME structure left out). */
function emailSummaryOf(
  columns: EmailColumns,
  index: EmailEnvelope,
  mailboxIds: MailboxId[],
  keywords: string[],
): EmailSummary {
  return {
    id: columns.id,
    accountId: columns.accountId,
    blobId: columns.blobId,
    threadId: columns.threadId,
    mailboxIds,
    keywords,
    size: columns.size,
    receivedAt: new Date(columns.receivedAt),
    messageId: index.messageId,
    inReplyTo: index.inReplyTo,
    references: index.references,
    sender: index.sender,
    from: index.from,
    to: index.to,
    cc: index.cc,
    bcc: index.bcc,
    replyTo: index.replyTo,
    subject: columns.subject,
    sentAt: columns.sentAt === null ? null : new Date(columns.sentAt),
    hasAttachment: columns.hasAttachment,
    preview: columns.preview,
  };
}

/** An email as read back: its columns, its index, its mailboxes and keywords (each sorted). */
export function emailRecordOf(
  columns: EmailColumns,
  index: EmailIndex,
  mailboxIds: MailboxId[],
  keywords: string[],
): EmailRecord {
  const byPartId = leaves(index.bodyStructure);
  const pick = (ids: string[]) =>
    ids.map((id) => byPartId.get(id)).filter((p): p is BodyPart => p !== undefined);
  return {
    ...emailSummaryOf(columns, index, mailboxIds, keywords),
    bodyStructure: index.bodyStructure,
    textBody: pick(index.textBody),
    htmlBody: pick(index.htmlBody),
    attachments: pick(index.attachments),
  };
}

function columnsOf(row: EmailRow): EmailColumns {
  return {
    id: row.id as EmailId,
    accountId: row.account_id as AccountId,
    blobId: row.blob_id as BlobId,
    threadId: row.thread_id as ThreadId,
    size: row.size,
    receivedAt: row.received_at,
    sentAt: row.sent_at,
    subject: row.subject,
    hasAttachment: row.has_attachment === 1,
    preview: row.preview,
  };
}

type LoadedRow = EmailRow & { mailbox_list: string; keyword_list: string };

/**
 * The emails rows of `ids` with their mailboxes and keywords, in the order of `ids`, skipping
 * unknown ones: one statement for the whole list (a page of 50 was 150 statements), driven by the
 * id list (CROSS JOIN: each id is one primary-key look-up), mailboxes and keywords aggregated per
 * row as JSON arrays in their sorted order. Without `parts`, the envelope column stands for
 * index_json (migration 33): the MIME structure, four fifths of its bytes, is not even read.
 */
function loadRows(db: Db, accountId: AccountId, ids: readonly string[], parts: boolean): LoadedRow[] {
  const index = parts ? 'e.index_json' : 'e.envelope_json';
  const rows = db
    .prepare(
      `SELECT e.id, e.account_id, e.thread_id, e.blob_id, e.size, e.received_at, e.sent_at, e.subject,
              e.has_attachment, e.preview, ${index} AS index_json,
         (SELECT json_group_array(mailbox_id) FROM
            (SELECT mailbox_id FROM email_mailboxes WHERE email_id = e.id ORDER BY mailbox_id)) AS mailbox_list,
         (SELECT json_group_array(keyword) FROM
            (SELECT keyword FROM email_keywords WHERE email_id = e.id ORDER BY keyword)) AS keyword_list
       FROM json_each(?) j CROSS JOIN emails e ON e.id = j.value WHERE e.account_id = ?`,
    )
    .all(JSON.stringify(ids), accountId) as LoadedRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A loaded row, read into a record or a summary by `make`. */
function readRow<T>(
  row: LoadedRow,
  make: (columns: EmailColumns, index: EmailIndex, mailboxIds: MailboxId[], keywords: string[]) => T,
): T {
  return make(
    columnsOf(row),
    JSON.parse(row.index_json) as EmailIndex,
    JSON.parse(row.mailbox_list) as MailboxId[],
    JSON.parse(row.keyword_list) as string[],
  );
}

/** Loads emails with their mailboxes and keywords (see `loadRows`). */
export function loadEmails(db: Db, accountId: AccountId, ids: readonly string[]): EmailRecord[] {
  return loadRows(db, accountId, ids, true).map((row) => readRow(row, emailRecordOf));
}

/** `loadEmails` without the MIME structure (`EmailSummary`). */
export function loadEmailSummaries(db: Db, accountId: AccountId, ids: readonly string[]): EmailSummary[] {
  return loadRows(db, accountId, ids, false).map((row) => readRow(row, emailSummaryOf));
}
