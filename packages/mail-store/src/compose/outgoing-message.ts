import type { Address, BlobId } from '../model.js';

/** One attachment or inline part of an outgoing message: stored bytes (by blob id) or given bytes. */
export type OutgoingAttachment = {
  /** MIME type, e.g. "application/pdf" or "image/png". */
  type: string;
  name: string | null;
  /** "inline" with a `cid` (referenced from the HTML body) ends up in multipart/related. */
  disposition: 'attachment' | 'inline';
  /** Content-ID without angle brackets. */
  cid?: string | null;
} & ({ blobId: BlobId; bytes?: never } | { bytes: Uint8Array; blobId?: never });

/** A message to build (RFC 5322), in the store's own terms; the JMAP layer maps Email/set onto it. */
export interface OutgoingMessage {
  from: Address[];
  sender?: Address | null;
  to?: Address[];
  cc?: Address[];
  /** Envelope only: never written into the headers. */
  bcc?: Address[];
  replyTo?: Address[];
  subject?: string | null;
  /** Defaults to now. */
  sentAt?: Date;
  /** Without angle brackets; generated as `<random@domain-of-from>` when absent. */
  messageId?: string | null;
  inReplyTo?: string[];
  references?: string[];
  textBody?: string | null;
  htmlBody?: string | null;
  attachments?: OutgoingAttachment[];
  /**
   * An iTIP message (RFC 5546) carried over iMIP (RFC 6047 §2.4): a text/calendar part with this
   * METHOD, beside the text and HTML bodies in the multipart/alternative.
   */
  calendar?: { method: string; content: string } | null;
  /** Further header fields (e.g. Auto-Submitted); the fields above cannot be set this way. */
  headers?: { name: string; value: string }[];
}

/** How to build, beyond what the message says. */
export interface BuildOptions {
  /**
   * The base of the MIME boundaries (letters, digits, `_` and `-`), so that the same input gives
   * the same bytes (the demo's fixed messages); random by default, as it should be for real mail.
   */
  boundary?: string;
}

/** The built message: raw RFC 5322 bytes (CRLF), and what was generated for it. */
export interface BuiltMessage {
  raw: Uint8Array;
  /** Without angle brackets. */
  messageId: string;
  sentAt: Date;
}
