import type { EmailAddress, EmailBodyValue, EmailProperty, EmailSnoozed } from '@colibri/jmap-types';
import type { Address, EmailRecord, EmailSummary } from '@colibri/mail-store';
import { toUtcDate } from '../shared/dates.js';
import { projectPart, projectStructure } from './body-parts.js';
import type { BodyPartSelection } from './body-parts.js';
import { headerPropertyValues, type HeaderProperty } from './header-forms.js';

/** The Email properties read from its MIME structure (RFC 8621 §4.1.4, §4.1.3's `headers`). */
const PART_PROPERTY_LIST: readonly EmailProperty[] = [
  'bodyStructure',
  'bodyValues',
  'textBody',
  'htmlBody',
  'attachments',
  'headers',
];

/** RFC 8621 §4.1: every Email property this server serves (`header:` forms: `header-forms.ts`). */
export const EMAIL_PROPERTIES: readonly EmailProperty[] = [
  'id',
  'blobId',
  'threadId',
  'mailboxIds',
  'keywords',
  'size',
  'receivedAt',
  'messageId',
  'inReplyTo',
  'references',
  'sender',
  'from',
  'to',
  'cc',
  'bcc',
  'replyTo',
  'subject',
  'sentAt',
  'hasAttachment',
  'preview',
  ...PART_PROPERTY_LIST,
];

/** RFC 8621 §4.2: the properties returned when `properties` is null. */
export const DEFAULT_EMAIL_PROPERTIES: readonly EmailProperty[] = EMAIL_PROPERTIES.filter(
  (property) => property !== 'bodyStructure' && property !== 'headers',
);

/** Properties read from an email's MIME structure: without any of them, a summary serves. */
const PART_PROPERTIES: ReadonlySet<EmailProperty> = new Set(PART_PROPERTY_LIST);

/**
 * Whether these properties (and `header:` forms) need the whole record, or an `EmailSummary`
 * (`MailStore.getEmailSummaries`, a fifth of the bytes) serves: a mailbox list asks for none.
 */
export function needsParts(
  properties: readonly EmailProperty[],
  headers: readonly HeaderProperty[],
): boolean {
  return headers.length > 0 || properties.some((property) => PART_PROPERTIES.has(property));
}

/** The record itself, for a property of its MIME structure: asking a summary for one is a bug. */
export function fullRecord(record: EmailRecord | EmailSummary): EmailRecord {
  if (!('bodyStructure' in record)) throw new Error('A property of the MIME structure asked of a summary');
  return record;
}

/** RFC 8621 §4.1.1 / §4.1.2: mailboxIds and keywords are `Id[Boolean]` maps whose values are all true. */
function trueMap(keys: readonly string[]): Record<string, true> {
  return Object.fromEntries(keys.map((key) => [key, true as const]));
}

function addresses(list: Address[] | null): EmailAddress[] | null {
  return list === null ? null : list.map(({ name, email }) => ({ name, email }));
}

function copy(list: string[] | null): string[] | null {
  return list === null ? null : [...list];
}

/** What a property needs besides the record: the chosen body part properties and body values. */
export interface WireExtras {
  bodyProperties: readonly BodyPartSelection[];
  bodyValues: Record<string, EmailBodyValue>;
  /** `snoozed` (Capability.Snooze), read by Email/get for the emails it returns. */
  snoozed?: EmailSnoozed | null;
}

/** One Email property's wire value (RFC 8621 §4.1). */
export function emailValue(
  record: EmailRecord | EmailSummary,
  property: EmailProperty,
  extras: WireExtras,
): unknown {
  switch (property) {
    case 'id':
    case 'blobId':
    case 'threadId':
    case 'size':
    case 'subject':
    case 'hasAttachment':
    case 'preview':
      return record[property];
    case 'mailboxIds':
      return trueMap(record.mailboxIds);
    case 'keywords':
      return trueMap(record.keywords);
    case 'receivedAt':
      return toUtcDate(record.receivedAt);
    // §4.1.2.6: sentAt is the Date header; the store keeps the instant, so it is given in UTC.
    case 'sentAt':
      return record.sentAt === null ? null : toUtcDate(record.sentAt);
    case 'messageId':
    case 'inReplyTo':
    case 'references':
      return copy(record[property]);
    case 'sender':
    case 'from':
    case 'to':
    case 'cc':
    case 'bcc':
    case 'replyTo':
      return addresses(record[property]);
    case 'bodyStructure':
      return projectStructure(fullRecord(record).bodyStructure, extras.bodyProperties);
    case 'textBody':
    case 'htmlBody':
    case 'attachments':
      return fullRecord(record)[property].map((part) => projectPart(part, extras.bodyProperties));
    case 'bodyValues':
      return extras.bodyValues;
    // §4.1.3: the message's own fields are the root part's.
    case 'headers':
      return fullRecord(record).bodyStructure.headers.map(({ name, value }) => ({ name, value }));
    case 'snoozed':
      return extras.snoozed ?? null;
    default: {
      const unhandled: never = property;
      throw new Error(`unhandled Email property ${String(unhandled)}`);
    }
  }
}

/** RFC 8621 §4.1.3: the `header:` properties asked for, over the message's own header fields. */
export function headerValues(
  record: Pick<EmailRecord, 'bodyStructure'>,
  headers: readonly HeaderProperty[],
): Record<string, unknown> {
  return headerPropertyValues(record.bodyStructure.headers, headers);
}

export function emailToWire(
  record: EmailRecord | EmailSummary,
  properties: readonly EmailProperty[],
  extras: WireExtras,
  headers: readonly HeaderProperty[] = [],
): Record<string, unknown> {
  return {
    ...Object.fromEntries(properties.map((property) => [property, emailValue(record, property, extras)])),
    ...(headers.length === 0 ? {} : headerValues(fullRecord(record), headers)),
  };
}
