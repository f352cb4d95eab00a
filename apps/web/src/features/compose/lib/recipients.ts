import type { EmailAddress } from '@colibri/jmap-types';
import { uniqueAddresses } from './addresses';

export type ReplyMode = 'reply' | 'replyAll';

/** The header fields of the message being answered that decide who gets the answer. */
export interface ReplySource {
  from: EmailAddress[] | null;
  to: EmailAddress[] | null;
  cc: EmailAddress[] | null;
  replyTo: EmailAddress[] | null;
}

export interface Recipients {
  to: EmailAddress[];
  cc: EmailAddress[];
}

/**
 * RFC 5322 §3.6.3 and the practice of every mail client: a reply goes to Reply-To, else From.
 * Answering one's own message (from Sent) goes to its recipients instead, not back to oneself.
 * Reply-all adds the other To and Cc recipients, never one of `own` addresses, each once.
 */
export function replyRecipients(source: ReplySource, own: readonly string[], mode: ReplyMode): Recipients {
  const ownAddresses = own.map((email) => ({ name: null, email }));
  const isOwn = (address: EmailAddress) =>
    own.some((email) => email.toLowerCase() === address.email.toLowerCase());
  const fromMe = (source.from ?? []).length > 0 && (source.from ?? []).every(isOwn);
  const author = source.replyTo?.length ? source.replyTo : (source.from ?? []);
  const primary = fromMe ? (source.to ?? []) : author;
  if (mode === 'reply') {
    const to = uniqueAddresses(primary, fromMe ? [] : ownAddresses);
    // Replying to oneself alone (a note to self) still goes to oneself.
    return { to: to.length > 0 ? to : uniqueAddresses(primary), cc: [] };
  }
  const to = uniqueAddresses([...primary, ...(fromMe ? [] : (source.to ?? []))], ownAddresses);
  const cc = uniqueAddresses(source.cc ?? [], [...ownAddresses, ...to]);
  return { to: to.length > 0 ? to : uniqueAddresses(primary), cc };
}
