import type { BlobId, BodyPart, EmailRecord } from '../model.js';
import { mimeLimits } from '../mime/limits.js';
import type { MimePart } from '../mime/mime-part.js';
import { parseMimeTree } from '../mime/mime-tree.js';
import { prepareTree } from './prepare-import.js';

/** A message parsed without being stored: an email minus what only storing gives it. */
export type ParsedEmail = Omit<
  EmailRecord,
  'id' | 'accountId' | 'threadId' | 'mailboxIds' | 'keywords' | 'receivedAt'
>;

/** What `parseBlob` found: the email, and the decoded content of each text/* leaf by part id. */
export type ParseBlobResult =
  | { status: 'parsed'; email: ParsedEmail; textContents: Map<string, Uint8Array> }
  | { status: 'notFound' }
  | { status: 'notAMessage' };

/**
 * RFC 5322 §2.1: a message is header fields, then an optional body, so its first line is a field
 * (name, optional blanks, colon). The MIME walker takes any bytes (at worst one text/plain part);
 * this is the one test of whether a blob is a message at all (an image, a PDF, an empty blob).
 */
export function looksLikeMessage(raw: Uint8Array): boolean {
  const firstLine = Buffer.from(raw.subarray(0, 1000)).toString('latin1');
  return /^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(firstLine);
}

function textLeaves(part: MimePart, out: Map<string, Uint8Array>): Map<string, Uint8Array> {
  if (part.partId !== null && part.content !== null && part.type.toLowerCase().startsWith('text/'))
    out.set(part.partId, part.content);
  for (const sub of part.subParts ?? []) textLeaves(sub, out);
  return out;
}

function leavesById(part: BodyPart, out = new Map<string, BodyPart>()): Map<string, BodyPart> {
  if (part.partId !== null) out.set(part.partId, part);
  for (const sub of part.subParts ?? []) leavesById(sub, out);
  return out;
}

/**
 * Parses raw bytes as a message with import's parser and limits, storing nothing (RFC 8621 §4.9
 * Email/parse). Null when they are not a message or larger than import takes.
 */
export function parseMessageBlob(raw: Uint8Array): Extract<ParseBlobResult, { status: 'parsed' }> | null {
  if (raw.byteLength > mimeLimits.maxMessageBytes || !looksLikeMessage(raw)) return null;
  const tree = parseMimeTree(raw);
  const prepared = prepareTree(raw, tree);
  const { parsed } = prepared;
  const byId = leavesById(prepared.bodyStructure);
  const pick = (ids: string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  const email: ParsedEmail = {
    blobId: prepared.rawBlobId as BlobId,
    size: prepared.size,
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    sender: parsed.sender,
    from: parsed.from,
    to: parsed.to,
    cc: parsed.cc,
    bcc: parsed.bcc,
    replyTo: parsed.replyTo,
    subject: parsed.subject,
    sentAt: parsed.sentAt,
    hasAttachment: parsed.hasAttachment,
    preview: parsed.preview,
    bodyStructure: prepared.bodyStructure,
    textBody: pick(prepared.textBody),
    htmlBody: pick(prepared.htmlBody),
    attachments: pick(prepared.attachments),
  };
  return { status: 'parsed', email, textContents: textLeaves(tree.root, new Map()) };
}
