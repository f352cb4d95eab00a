import type { AccountId } from '@colibri/mail-store';

/**
 * Hands a message to outgoing delivery (the submission queue implements it): the envelope
 * (`mailFrom` may be "" for the null reverse-path of RFC 5321 §4.5.5) and the raw bytes.
 * Resolves once the message is accepted for sending (queued), not once delivered.
 */
export type SendOutgoing = (message: {
  accountId: AccountId;
  mailFrom: string;
  rcptTo: string[];
  raw: Uint8Array;
}) => Promise<void>;
