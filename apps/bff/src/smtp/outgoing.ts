import type { AccountId } from '@colibri/mail-store';

/** Queues a system message (bounce, auto-reply) for delivery; resolves once it is stored. */
export type SendOutgoing = (message: {
  accountId: AccountId;
  mailFrom: string;
  rcptTo: string[];
  raw: Uint8Array;
}) => Promise<void>;
