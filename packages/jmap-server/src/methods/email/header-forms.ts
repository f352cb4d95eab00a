import type { EmailAddress } from '@colibri/jmap-types';
import { groupedAddresses, messageIds, parseDate, unfold, unstructuredText } from '@colibri/mail-store';
import { toUtcDate } from '../shared/dates.js';

/** RFC 8621 §4.1.2: the parsed forms of a header field value. */
export type HeaderForm = 'Raw' | 'Text' | 'Addresses' | 'GroupedAddresses' | 'MessageIds' | 'Date' | 'URLs';

/** A `header:{name}[:as{form}][:all]` property (RFC 8621 §4.1.3), parsed. */
export interface HeaderProperty {
  /** The property exactly as requested: the key of its value in the response. */
  property: string;
  /** The field name, lower-cased (names match case-insensitively). */
  name: string;
  form: HeaderForm;
  all: boolean;
}

const FORMS: ReadonlyMap<string, HeaderForm> = new Map([
  ['asRaw', 'Raw'],
  ['asText', 'Text'],
  ['asAddresses', 'Addresses'],
  ['asGroupedAddresses', 'GroupedAddresses'],
  ['asMessageIds', 'MessageIds'],
  ['asDate', 'Date'],
  ['asURLs', 'URLs'],
]);

const addressFields = ['from', 'sender', 'reply-to', 'to', 'cc', 'bcc'];
/**
 * RFC 8621 §4.1.2.2-§4.1.2.7: the fields of RFC 5322 and RFC 2369 and the forms each may be parsed
 * as (Raw always). Any other field may be asked for in every form.
 */
const KNOWN_FIELDS: ReadonlyMap<string, readonly HeaderForm[]> = new Map<string, readonly HeaderForm[]>([
  ...['subject', 'comments', 'keywords'].map((name) => [name, ['Text']] as const),
  ...[...addressFields, ...addressFields.map((name) => `resent-${name}`)].map(
    (name) => [name, ['Addresses', 'GroupedAddresses']] as const,
  ),
  ...['message-id', 'in-reply-to', 'references', 'resent-message-id'].map(
    (name) => [name, ['MessageIds']] as const,
  ),
  ...['date', 'resent-date'].map((name) => [name, ['Date']] as const),
  ...['list-help', 'list-unsubscribe', 'list-subscribe', 'list-post', 'list-owner', 'list-archive'].map(
    (name) => [name, ['URLs']] as const,
  ),
  ...['return-path', 'received'].map((name) => [name, []] as const),
]);

/** RFC 5322 §3.6.8: a field name is printable US-ASCII but the colon. */
const fieldName = /^[\x21-\x39\x3b-\x7e]+$/;

/**
 * Parses `header:{name}[:as{form}][:all]` (RFC 8621 §4.1.3); null when it is malformed or asks for
 * a form the field is known not to have (which the server MUST reject, §4.1.2).
 */
export function parseHeaderProperty(property: string): HeaderProperty | null {
  const [prefix, name, ...suffixes] = property.split(':');
  if (prefix !== 'header' || name === undefined || !fieldName.test(name)) return null;
  const all = suffixes[suffixes.length - 1] === 'all';
  if (all) suffixes.pop();
  if (suffixes.length > 1) return null;
  const form = suffixes.length === 0 ? 'Raw' : FORMS.get(suffixes[0]!);
  if (form === undefined) return null;
  const lower = name.toLowerCase();
  const allowed = KNOWN_FIELDS.get(lower);
  if (form !== 'Raw' && allowed !== undefined && !allowed.includes(form)) return null;
  return { property, name: lower, form, all };
}

/** A form's value when parsing fails or finds nothing (RFC 8621 §4.1.2.3-§4.1.2.7). */
type Parsed =
  string | string[] | EmailAddress[] | { name: string | null; addresses: EmailAddress[] }[] | null;

/** RFC 2369 §2: `<url>` items, comments and white space around them ignored, white space inside removed. */
export function parseUrls(value: string): string[] | null {
  const urls = [...value.matchAll(/<([^<>]*)>/g)].map((match) => match[1]!.replace(/\s+/g, ''));
  return urls.length > 0 ? urls : null;
}

/** One raw field value (everything after the colon, folding kept) in a form (RFC 8621 §4.1.2). */
export function parseHeaderValue(raw: string, form: HeaderForm): Parsed {
  switch (form) {
    // §4.1.2.1: the raw octets, not unfolded.
    case 'Raw':
      return raw;
    case 'Text':
      return unstructuredText(unfold(raw));
    case 'Addresses':
      return groupedAddresses(unfold(raw)).flatMap((group) => group.addresses);
    case 'GroupedAddresses':
      return groupedAddresses(unfold(raw));
    case 'MessageIds':
      return messageIds(unfold(raw));
    case 'Date': {
      const date = parseDate(unfold(raw));
      return date === null ? null : toUtcDate(date);
    }
    case 'URLs':
      return parseUrls(unfold(raw));
    default: {
      const unhandled: never = form;
      throw new Error(`unhandled header form ${String(unhandled)}`);
    }
  }
}

/**
 * RFC 8621 §4.1.3: the value of a `header:` property over an entity's fields: the last instance
 * (null when absent), or with `:all` every instance in order (`[]` when absent).
 */
export function headerPropertyValue(
  fields: readonly { name: string; value: string }[],
  header: HeaderProperty,
): Parsed | Parsed[] {
  const values = fields.filter((field) => field.name.toLowerCase() === header.name).map((f) => f.value);
  if (header.all) return values.map((value) => parseHeaderValue(value, header.form));
  const last = values[values.length - 1];
  return last === undefined ? null : parseHeaderValue(last, header.form);
}

/**
 * The values of several `header:` properties over one entity's fields, by property. Spellings that
 * differ only in case share one parse, so a request repeating a name in every case costs no more.
 */
export function headerPropertyValues(
  fields: readonly { name: string; value: string }[],
  headers: readonly HeaderProperty[],
): Record<string, unknown> {
  const parsed = new Map<string, Parsed | Parsed[]>();
  const out: Record<string, unknown> = {};
  for (const header of headers) {
    const key = `${header.name}:${header.form}:${String(header.all)}`;
    let value = parsed.get(key);
    if (value === undefined) {
      value = headerPropertyValue(fields, header);
      parsed.set(key, value);
    }
    out[header.property] = value;
  }
  return out;
}
