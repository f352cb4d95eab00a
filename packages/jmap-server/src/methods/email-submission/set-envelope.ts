import type { SetError } from '@colibri/jmap-types';
import { submissionLimits } from '@colibri/mail-store';
import type { Address, EmailRecord } from '@colibri/mail-store';
import { z } from 'zod';

/** RFC 8621 §7: an envelope Address; parameters are ESMTP keyword -> value (null: no value). */
const addressSchema = z.strictObject({
  email: z.string(),
  parameters: z.record(z.string(), z.string().nullable()).nullable().optional(),
});
export const envelopeSchema = z.strictObject({ mailFrom: addressSchema, rcptTo: z.array(addressSchema) });
export type WireEnvelope = z.infer<typeof envelopeSchema>;

/** The envelope to queue: addresses only (the queue passes no ESMTP parameters on). */
export interface PlainEnvelope {
  mailFrom: string;
  rcptTo: string[];
}

// An SMTP path's addr-spec (RFC 5321 §4.1.2), loosely, as the store's queue checks it.
const addressPattern = /^[^\s<>@\p{Cc}]+@[^\s<>@\p{Cc}]+$/u;
const isAddress = (value: string) =>
  value.length <= submissionLimits.maxAddressLength && addressPattern.test(value);

/**
 * Whether `address` is the identity's address: the same (case-insensitively), or in its domain
 * when the identity is a wildcard `*@domain` (RFC 8621 §6).
 */
export function matchesIdentity(address: string, identityEmail: string): boolean {
  const a = address.toLowerCase();
  const i = identityEmail.toLowerCase();
  return i.startsWith('*@') ? a.endsWith(i.slice(1)) && a.length > i.length - 1 : a === i;
}

/**
 * RFC 8621 §7: without an envelope, MAIL FROM is the Sender address (else From) and RCPT TO the
 * deduplicated addresses of To, Cc and Bcc.
 */
export function deriveEnvelope(email: EmailRecord): PlainEnvelope {
  const mailFrom = (email.sender?.[0] ?? email.from?.[0])?.email ?? '';
  const rcptTo = [...(email.to ?? []), ...(email.cc ?? []), ...(email.bcc ?? [])].map(
    (a: Address) => a.email,
  );
  return { mailFrom, rcptTo: dedupe(rcptTo) };
}

function dedupe(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

/** RFC 8621 §7.5: the recipient errors, in the order the RFC lists them; null when the list is fine. */
export function recipientError(rcptTo: readonly string[]): SetError | null {
  if (rcptTo.length === 0) return { type: 'noRecipients', description: 'The envelope has no recipients.' };
  if (rcptTo.length > submissionLimits.maxRecipients)
    return {
      type: 'tooManyRecipients',
      description: `At most ${submissionLimits.maxRecipients} recipients per submission.`,
      maxRecipients: submissionLimits.maxRecipients,
    } as SetError;
  const invalid = rcptTo.filter((a) => !isAddress(a));
  if (invalid.length > 0)
    return {
      type: 'invalidRecipients',
      description: 'Some recipients are not valid addresses.',
      invalidRecipients: invalid,
    } as SetError;
  return null;
}

export const isValidMailFrom = isAddress;

const invalidEnvelope = (description: string): SetError => ({
  type: 'invalidProperties',
  properties: ['envelope'],
  description,
});

// RFC 3339 date-time, as RFC 4865's HOLDUNTIL takes it.
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * RFC 4865 FUTURERELEASE, the MAIL FROM parameters RFC 8621 §7 names for delayed send: HOLDFOR
 * (seconds from now) or HOLDUNTIL (a date-time). Returns the release time, null when there is
 * none, or the SetError for parameters the server does not support. ESMTP keywords are
 * case-insensitive; a recipient may carry no parameters (the queue could not honour them).
 */
export function releaseTime(envelope: WireEnvelope, now: Date): Date | null | SetError {
  if (envelope.rcptTo.some((a) => a.parameters != null && Object.keys(a.parameters).length > 0))
    return invalidEnvelope('RCPT TO parameters are not supported.');
  let release: Date | null = null;
  for (const [keyword, value] of Object.entries(envelope.mailFrom.parameters ?? {})) {
    const name = keyword.toUpperCase();
    if (name === 'HOLDFOR' && value !== null && /^\d{1,10}$/.test(value) && release === null)
      release = new Date(now.getTime() + Number(value) * 1000);
    else if (name === 'HOLDUNTIL' && value !== null && dateTimePattern.test(value) && release === null)
      release = new Date(value);
    else return invalidEnvelope(`The MAIL FROM parameter ${keyword} is not supported here.`);
  }
  if (release !== null && Number.isNaN(release.getTime()))
    return invalidEnvelope('HOLDUNTIL is not a date-time.');
  return release;
}
