import type { EmailAddress, Id } from '@colibri/jmap-types';

export type ComposeMode = 'new' | 'reply' | 'replyAll' | 'forward';
export type BodyFormat = 'rich' | 'plain';

/** A file of the message: uploading, uploaded (blobId), or failed. */
export interface DraftAttachment {
  /** Stable across renders and uploads; also the key of its upload in progress. */
  localId: string;
  name: string;
  type: string;
  size: number;
  blobId: Id | null;
  status: 'uploading' | 'done' | 'error';
  /** 0..1 while uploading. */
  progress: number;
  error: string | null;
  /** Set for an image shown in the body (RFC 2392 `cid:`), which travels as an inline part. */
  cid: string | null;
}

/** What the person is writing: everything that goes into the Email (RFC 8621 §4.6). */
export interface DraftContent {
  identityId: Id | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  subject: string;
  format: BodyFormat;
  /** The rich body, editor HTML (used when format is rich). */
  html: string;
  /** The plain body (used when format is plain). */
  text: string;
  attachments: DraftAttachment[];
  inReplyTo: string[] | null;
  references: string[] | null;
}

export const emptyContent: DraftContent = {
  identityId: null,
  to: [],
  cc: [],
  bcc: [],
  subject: '',
  format: 'rich',
  html: '',
  text: '',
  attachments: [],
  inReplyTo: null,
  references: null,
};
