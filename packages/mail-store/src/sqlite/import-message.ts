import type { AccountId, BlobId, BodyPart, EmailId, EmailRecord, MailboxId, ThreadId } from '../model.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { InvalidInputError, NotFoundError, TooLargeError } from '../errors.js';
import { newId } from '../ids.js';
import type { ImportMessageInput } from '../mail-store.js';
import { mimeLimits } from '../mime/limits.js';
import { parseMessage, type ParsedPart } from '../mime/parse-message.js';
import { baseSubject } from '../mime/text.js';
import { recordChanges } from './change-log.js';
import { loadEmails, type EmailIndex } from './email-rows.js';
import type { Db } from './open-database.js';

/** IMAP-style keywords: 1-255 printable ASCII characters without the RFC 3501 atom specials. */
const keywordPattern = /^[\x21-\x7e]{1,255}$/;
const forbiddenKeywordChars = /[(){\]%*"\\]/;

export function normaliseKeywords(keywords: readonly string[]): string[] {
  const out = new Set<string>();
  for (const k of keywords) {
    if (!keywordPattern.test(k) || forbiddenKeywordChars.test(k))
      throw new InvalidInputError(`Invalid keyword: ${k}`);
    out.add(k.toLowerCase());
  }
  return [...out].sort();
}

/** Stores each leaf's decoded content as a blob and returns the structure with blob ids. */
async function storeParts(blobs: BlobStore, part: ParsedPart, stored: Set<BlobId>): Promise<BodyPart> {
  let blobId: BlobId | null = null;
  if (part.content) {
    blobId = await blobs.put(part.content);
    stored.add(blobId);
  }
  const subParts = part.subParts
    ? await Promise.all(part.subParts.map((p) => storeParts(blobs, p, stored)))
    : null;
  return {
    partId: part.partId,
    blobId,
    size: part.size,
    headers: part.headers,
    name: part.name,
    type: part.type,
    charset: part.charset,
    disposition: part.disposition,
    cid: part.cid,
    language: part.language,
    location: part.location,
    subParts,
  };
}

/**
 * Threads by Message-ID, In-Reply-To and References, with the subject check common servers use
 * (Gmail, Cyrus, Stalwart): a reference joins a thread only when the base subjects agree.
 */
function findThread(db: Db, accountId: AccountId, ids: string[], subject: string): ThreadId | null {
  if (ids.length === 0) return null;
  const placeholders = ids.map(() => '?').join(',');
  const candidates = db
    .prepare(
      `SELECT DISTINCT t.id, t.base_subject FROM message_ids m JOIN threads t ON t.id = m.thread_id
        WHERE m.account_id = ? AND m.message_id IN (${placeholders})`,
    )
    .all(accountId, ...ids) as { id: string; base_subject: string }[];
  const match = candidates.find((c) => c.base_subject === subject || subject === '' || c.base_subject === '');
  return (match?.id as ThreadId | undefined) ?? null;
}

export async function importMessage(
  db: Db,
  blobs: BlobStore,
  accountId: AccountId,
  input: ImportMessageInput,
): Promise<EmailRecord> {
  if (input.raw.byteLength > mimeLimits.maxMessageBytes) {
    throw new TooLargeError(`Messages are limited to ${mimeLimits.maxMessageBytes} bytes`);
  }
  if (input.mailboxIds.length === 0) throw new InvalidInputError('An email belongs to at least one mailbox');
  const keywords = normaliseKeywords(input.keywords ?? []);
  const parsed = await parseMessage(input.raw);
  const rawBlobId = await blobs.put(input.raw);
  const stored = new Set<BlobId>([rawBlobId]);
  const bodyStructure = await storeParts(blobs, parsed.bodyStructure, stored);
  const receivedAt = input.receivedAt ?? new Date();
  const subject = baseSubject(parsed.subject);
  const threadingIds = [
    ...new Set([...(parsed.messageId ?? []), ...(parsed.inReplyTo ?? []), ...(parsed.references ?? [])]),
  ];
  const fromSort = (parsed.from?.[0]?.name ?? parsed.from?.[0]?.email ?? '').toLowerCase();
  const index: EmailIndex = {
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    sender: parsed.sender,
    from: parsed.from,
    to: parsed.to,
    cc: parsed.cc,
    bcc: parsed.bcc,
    replyTo: parsed.replyTo,
    bodyStructure,
    textBody: parsed.textBody.map((p) => p.partId!).filter(Boolean),
    htmlBody: parsed.htmlBody.map((p) => p.partId!).filter(Boolean),
    attachments: parsed.attachments.map((p) => p.partId!).filter(Boolean),
  };
  const addresses = [parsed.from, parsed.to, parsed.cc, parsed.bcc]
    .flatMap((list) => list ?? [])
    .map((a) => `${a.name ?? ''} ${a.email}`)
    .join(' ');

  const id = newId('Email') as EmailId;
  db.transaction(() => {
    const known = db.prepare(`SELECT id FROM mailboxes WHERE account_id = ? AND id = ?`);
    for (const mailboxId of input.mailboxIds) {
      if (!known.get(accountId, mailboxId)) throw new NotFoundError(`Mailbox ${mailboxId}`);
    }
    let threadId = findThread(db, accountId, threadingIds, subject);
    const threadIsNew = threadId === null;
    if (!threadId) {
      threadId = newId('Thread') as ThreadId;
      db.prepare('INSERT INTO threads (id, account_id, base_subject) VALUES (?, ?, ?)').run(
        threadId,
        accountId,
        subject,
      );
    }
    const result = db
      .prepare(
        `INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, sent_at, subject, from_sort,
                             has_attachment, preview, seen, index_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        accountId,
        threadId,
        rawBlobId,
        input.raw.byteLength,
        receivedAt.getTime(),
        parsed.sentAt?.getTime() ?? null,
        parsed.subject,
        fromSort,
        parsed.hasAttachment ? 1 : 0,
        parsed.preview,
        keywords.includes('$seen') ? 1 : 0,
        JSON.stringify(index),
      );
    const addMailbox = db.prepare(
      'INSERT INTO email_mailboxes (mailbox_id, email_id, received_at) VALUES (?, ?, ?)',
    );
    for (const mailboxId of new Set(input.mailboxIds)) addMailbox.run(mailboxId, id, receivedAt.getTime());
    const addKeyword = db.prepare('INSERT INTO email_keywords (email_id, keyword) VALUES (?, ?)');
    for (const k of keywords) addKeyword.run(id, k);
    const addMessageId = db.prepare(
      'INSERT OR IGNORE INTO message_ids (account_id, message_id, thread_id) VALUES (?, ?, ?)',
    );
    for (const m of threadingIds) addMessageId.run(accountId, m, threadId);
    const addRef = db.prepare('INSERT OR IGNORE INTO blob_refs (account_id, blob_id) VALUES (?, ?)');
    for (const b of stored) addRef.run(accountId, b);
    db.prepare(
      'INSERT INTO email_fts (rowid, subject, addresses, body, attachments) VALUES (?, ?, ?, ?, ?)',
    ).run(
      result.lastInsertRowid,
      parsed.subject ?? '',
      addresses,
      parsed.indexText,
      parsed.attachments.map((p) => p.name ?? '').join(' '),
    );
    recordChanges(db, accountId, 'Email', [[id, 'created']]);
    recordChanges(db, accountId, 'Thread', [[threadId, threadIsNew ? 'created' : 'updated']]);
    // Counts are Mailbox properties (RFC 8621 §2): a new email updates its mailboxes.
    recordChanges(
      db,
      accountId,
      'Mailbox',
      [...new Set(input.mailboxIds)].map((m): [MailboxId, 'updated'] => [m, 'updated']),
    );
  })();
  return loadEmails(db, accountId, [id])[0]!;
}
