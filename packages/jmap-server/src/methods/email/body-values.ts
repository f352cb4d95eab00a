import type { EmailBodyValue } from '@colibri/jmap-types';
import type { AccountId, BlobId, BodyPart, EmailRecord, MailStore } from '@colibri/mail-store';
import { leafParts } from './body-parts.js';
import { decodeText } from './decode-text.js';
import { truncateUtf8 } from './truncate.js';

/** RFC 8621 §4.2: which parts get a body value, and how long it may be. */
export interface BodyValueRequest {
  fetchTextBodyValues: boolean;
  fetchHTMLBodyValues: boolean;
  fetchAllBodyValues: boolean;
  /** 0 means no truncation. */
  maxBodyValueBytes: number;
}

export function wantsBodyValues(request: BodyValueRequest): boolean {
  return request.fetchTextBodyValues || request.fetchHTMLBodyValues || request.fetchAllBodyValues;
}

/** The text/* parts whose values were asked for, once each, keyed by partId. */
function chosenParts(
  email: EmailRecord,
  request: BodyValueRequest,
): Map<string, { part: BodyPart; blobId: BlobId }> {
  const candidates = [
    ...(request.fetchTextBodyValues ? email.textBody : []),
    ...(request.fetchHTMLBodyValues ? email.htmlBody : []),
    ...(request.fetchAllBodyValues ? leafParts(email.bodyStructure) : []),
  ];
  const chosen = new Map<string, { part: BodyPart; blobId: BlobId }>();
  for (const part of candidates) {
    if (part.partId !== null && part.blobId !== null && part.type.toLowerCase().startsWith('text/')) {
      chosen.set(part.partId, { part, blobId: part.blobId });
    }
  }
  return chosen;
}

/**
 * RFC 8621 §4.1.4 / §4.2: the body values of one email, read from each part's blob (the decoded
 * content), with CRLF turned into LF and truncated on a UTF-8 boundary when asked.
 */
export async function loadBodyValues(
  store: MailStore,
  accountId: AccountId,
  email: EmailRecord,
  request: BodyValueRequest,
): Promise<Record<string, EmailBodyValue>> {
  const values: Record<string, EmailBodyValue> = {};
  for (const [partId, { part, blobId }] of chosenParts(email, request)) {
    const bytes = await store.readBlob(accountId, blobId);
    // An infrastructure fault, not the client's: serverFail (logged) rather than a silent empty body.
    if (bytes === null) throw new Error(`blob ${blobId} of email ${email.id} part ${partId} is missing`);
    const decoded = decodeText(bytes, part.charset);
    const { value, isTruncated } = truncateUtf8(
      decoded.text.replace(/\r\n/g, '\n'),
      request.maxBodyValueBytes,
    );
    values[partId] = { value, isEncodingProblem: decoded.isEncodingProblem, isTruncated };
  }
  return values;
}
