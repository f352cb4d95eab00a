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

/** The body value arguments of Email/get and Email/parse (RFC 8621 §4.2, §4.9), defaults applied. */
export function bodyValueRequestOf(args: Partial<BodyValueRequest>): BodyValueRequest {
  return {
    fetchTextBodyValues: args.fetchTextBodyValues ?? false,
    fetchHTMLBodyValues: args.fetchHTMLBodyValues ?? false,
    fetchAllBodyValues: args.fetchAllBodyValues ?? false,
    maxBodyValueBytes: args.maxBodyValueBytes ?? 0,
  };
}

export function wantsBodyValues(request: BodyValueRequest): boolean {
  return request.fetchTextBodyValues || request.fetchHTMLBodyValues || request.fetchAllBodyValues;
}

/** The text/* parts whose values were asked for, once each, keyed by partId. */
function chosenParts(
  email: BodyLists,
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

/** What body values are chosen from: an email's structure and its RFC 8621 §4.1.4 lists. */
export type BodyLists = Pick<EmailRecord, 'bodyStructure' | 'textBody' | 'htmlBody'>;

/**
 * RFC 8621 §4.1.4 / §4.2: the body values of one email, from each chosen part's decoded content
 * (`read`, which throws when it is missing), with CRLF turned into LF and truncated on a UTF-8
 * boundary when asked. Shared by Email/get (stored parts) and Email/parse (parsed in memory).
 */
export async function bodyValuesOf(
  email: BodyLists,
  request: BodyValueRequest,
  read: (partId: string, blobId: BlobId) => Promise<Uint8Array>,
): Promise<Record<string, EmailBodyValue>> {
  const values: Record<string, EmailBodyValue> = {};
  for (const [partId, { part, blobId }] of chosenParts(email, request)) {
    const decoded = decodeText(await read(partId, blobId), part.charset);
    const { value, isTruncated } = truncateUtf8(
      decoded.text.replace(/\r\n/g, '\n'),
      request.maxBodyValueBytes,
    );
    values[partId] = { value, isEncodingProblem: decoded.isEncodingProblem, isTruncated };
  }
  return values;
}

/** `bodyValuesOf` a stored email, each part read from its blob. */
export async function loadBodyValues(
  store: MailStore,
  accountId: AccountId,
  email: EmailRecord,
  request: BodyValueRequest,
): Promise<Record<string, EmailBodyValue>> {
  return bodyValuesOf(email, request, async (partId, blobId) => {
    const bytes = await store.readBlob(accountId, blobId);
    // An infrastructure fault, not the client's: serverFail (logged) rather than a silent empty body.
    if (bytes === null) throw new Error(`blob ${blobId} of email ${email.id} part ${partId} is missing`);
    return bytes;
  });
}
