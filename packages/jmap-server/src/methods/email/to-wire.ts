import type { EmailAddress, EmailBodyValue, EmailProperty } from '@colibri/jmap-types';
import type { Address, EmailRecord } from '@colibri/mail-store';
import { toUtcDate } from '../shared/dates.js';
import { projectPart, projectStructure } from './body-parts.js';
import type { BodyPartSelection } from './body-parts.js';
import { headerPropertyValues, type HeaderProperty } from './header-forms.js';

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
  'bodyStructure',
  'bodyValues',
  'textBody',
  'htmlBody',
  'attachments',
  'headers',
];

/** RFC 8621 §4.2: the properties returned when `properties` is null. */
export const DEFAULT_EMAIL_PROPERTIES: readonly EmailProperty[] = EMAIL_PROPERTIES.filter(
  (property) => property !== 'bodyStructure' && property !== 'headers',
);

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
}

/** One Email property's wire value (RFC 8621 §4.1). */
export function emailValue(record: EmailRecord, property: EmailProperty, extras: WireExtras): unknown {
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
      return projectStructure(record.bodyStructure, extras.bodyProperties);
    case 'textBody':
    case 'htmlBody':
    case 'attachments':
      return record[property].map((part) => projectPart(part, extras.bodyProperties));
    case 'bodyValues':
      return extras.bodyValues;
    // §4.1.3: the message's own fields are the root part's.
    case 'headers':
      return record.bodyStructure.headers.map(({ name, value }) => ({ name, value }));
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
  record: EmailRecord,
  properties: readonly EmailProperty[],
  extras: WireExtras,
  headers: readonly HeaderProperty[] = [],
): Record<string, unknown> {
  return {
    ...Object.fromEntries(properties.map((property) => [property, emailValue(record, property, extras)])),
    ...headerValues(record, headers),
  };
}
