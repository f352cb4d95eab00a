import type { AccountId, BlobId, BodyPart, EmailId, EmailRecord, MailboxId, ThreadId } from '../model.js';
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

/** What index_json holds: the parsed parts that have no column of their own. */
export interface EmailIndex extends Omit<Envelope, 'subject' | 'sentAt'> {
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

export function toEmailRecord(row: EmailRow, mailboxIds: MailboxId[], keywords: string[]): EmailRecord {
  const index = JSON.parse(row.index_json) as EmailIndex;
  const byPartId = leaves(index.bodyStructure);
  const pick = (ids: string[]) =>
    ids.map((id) => byPartId.get(id)).filter((p): p is BodyPart => p !== undefined);
  return {
    id: row.id as EmailId,
    accountId: row.account_id as AccountId,
    blobId: row.blob_id as BlobId,
    threadId: row.thread_id as ThreadId,
    mailboxIds,
    keywords,
    size: row.size,
    receivedAt: new Date(row.received_at),
    messageId: index.messageId,
    inReplyTo: index.inReplyTo,
    references: index.references,
    sender: index.sender,
    from: index.from,
    to: index.to,
    cc: index.cc,
    bcc: index.bcc,
    replyTo: index.replyTo,
    subject: row.subject,
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
    hasAttachment: row.has_attachment === 1,
    preview: row.preview,
    bodyStructure: index.bodyStructure,
    textBody: pick(index.textBody),
    htmlBody: pick(index.htmlBody),
    attachments: pick(index.attachments),
  };
}

/** Loads emails with their mailboxes and keywords, in the order of `ids`, skipping unknown ones. */
export function loadEmails(db: Db, accountId: AccountId, ids: readonly string[]): EmailRecord[] {
  const getRow = db.prepare('SELECT * FROM emails WHERE id = ? AND account_id = ?');
  const getMailboxes = db.prepare(
    'SELECT mailbox_id FROM email_mailboxes WHERE email_id = ? ORDER BY mailbox_id',
  );
  const getKeywords = db.prepare('SELECT keyword FROM email_keywords WHERE email_id = ? ORDER BY keyword');
  const out: EmailRecord[] = [];
  for (const id of ids) {
    const row = getRow.get(id, accountId) as EmailRow | undefined;
    if (!row) continue;
    const mailboxIds = (getMailboxes.all(id) as { mailbox_id: string }[]).map(
      (r) => r.mailbox_id as MailboxId,
    );
    const keywords = (getKeywords.all(id) as { keyword: string }[]).map((r) => r.keyword);
    out.push(toEmailRecord(row, mailboxIds, keywords));
  }
  return out;
}
