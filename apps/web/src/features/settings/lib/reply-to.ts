import type { EmailAddress } from '@colibri/jmap-types';

/** A deliberately loose check: the server has the final word (invalidProperties). */
const ADDRESS = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;

/**
 * "a@x.org, b@y.org" -> the Identity's replyTo (RFC 8621 §6), null when empty, or the first entry
 * that is not an address.
 */
export function parseReplyTo(text: string): { replyTo: EmailAddress[] | null } | { invalid: string } {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const invalid = entries.find((entry) => !ADDRESS.test(entry));
  if (invalid !== undefined) return { invalid };
  return { replyTo: entries.length > 0 ? entries.map((email) => ({ name: null, email })) : null };
}

export function formatReplyTo(replyTo: EmailAddress[] | null): string {
  return (replyTo ?? []).map((address) => address.email).join(', ');
}
