import { composeLimits } from '@colibri/mail-store';
import type { TreeAddress, TreeHeader, TreeHeaderValue } from '@colibri/mail-store';
import { z } from 'zod';
import { parseHeaderProperty as parseReadHeaderProperty, type HeaderForm } from './header-forms.js';

type Form = HeaderForm;

/** RFC 8621 §4.1.3: the convenience properties of an Email, as header field and form. */
export const CONVENIENCE: Record<string, { field: string; form: Form; all?: boolean }> = {
  messageId: { field: 'Message-ID', form: 'MessageIds' },
  inReplyTo: { field: 'In-Reply-To', form: 'MessageIds' },
  references: { field: 'References', form: 'MessageIds' },
  sender: { field: 'Sender', form: 'Addresses' },
  from: { field: 'From', form: 'Addresses' },
  to: { field: 'To', form: 'Addresses' },
  cc: { field: 'Cc', form: 'Addresses' },
  bcc: { field: 'Bcc', form: 'Addresses' },
  replyTo: { field: 'Reply-To', form: 'Addresses' },
  subject: { field: 'Subject', form: 'Text' },
  sentAt: { field: 'Date', form: 'Date' },
};

/** A field name longer than this cannot be written on one line with its colon (RFC 5322 §2.1.1). */
const maxFieldNameLength = 76;

/** A `header:` property of a create: the field as the client spelled it (the name written). */
export interface HeaderProperty {
  field: string;
  form: Form;
  all: boolean;
}

/**
 * `header:{field}[:as{Form}][:all]` (RFC 8621 §4.1.3), with the same syntax and the same forms per
 * field (§4.1.2) as when reading (`header-forms.ts`); null when either is wrong.
 */
export function parseHeaderProperty(property: string): HeaderProperty | null {
  const parsed = parseReadHeaderProperty(property);
  const field = property.split(':')[1];
  if (parsed === null || field === undefined || field.length > maxFieldNameLength) return null;
  return { field, form: parsed.form, all: parsed.all };
}

const addrSpec = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+$/;
const address = z.strictObject({
  name: z.string().max(composeLimits.maxHeaderValueChars).nullable().optional(),
  email: z.string().regex(addrSpec),
});
const addresses = z.array(address).max(composeLimits.maxRecipients);
const groups = z
  .array(z.strictObject({ name: z.string().max(composeLimits.maxHeaderValueChars).nullable(), addresses }))
  .max(composeLimits.maxRecipients);
const msgId = z.string().regex(/^[^\s<>@]+@[^\s<>@]+$/);
/** RFC 8620 §1.4 Date: RFC 3339 date-time, with its offset. */
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i)
  .refine((value) => !Number.isNaN(Date.parse(value)));
const url = z.string().regex(/^[^\s<>]{1,2000}$/);
/** Raw values are US-ASCII (RFC 5322 §2.2): a line break only to fold (CRLF then white space). */
const raw = z
  .string()
  .max(10_000)
  .regex(/^(?:[\t\x20-\x7e]|\r\n[\t ])*$/)
  .refine((value) => value.split('\r\n').every((line) => line.length <= 900));
const text = z.string().max(composeLimits.maxHeaderValueChars);

const SCHEMAS: Record<Form, z.ZodType> = {
  Raw: raw,
  Text: text,
  Addresses: addresses,
  GroupedAddresses: groups,
  MessageIds: z.array(msgId).min(1).max(composeLimits.maxReferences),
  Date: dateTime,
  URLs: z.array(url).min(1).max(composeLimits.maxReferences),
};

const two = (n: number) => String(n).padStart(2, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date-time, keeping the offset the RFC 3339 value was given in. */
export function rfc5322Date(value: string): string {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  const minutes =
    offset === null ? 0 : (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  const local = new Date(Date.parse(value) + minutes * 60_000);
  const zone = `${minutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(minutes) / 60))}${two(Math.abs(minutes) % 60)}`;
  return (
    `${DAYS[local.getUTCDay()]}, ${two(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ${zone}`
  );
}

type Address = z.output<typeof address>;
const mailbox = (a: Address) => ({ name: a.name ?? null, email: a.email });

/** One instance's value in the form the composer writes, or null for "no such field" (a null value). */
function instance(form: Form, value: unknown): TreeHeaderValue | null {
  switch (form) {
    case 'Raw':
      return { raw: value as string };
    case 'Text':
      return { text: value as string };
    case 'Addresses':
      return { addresses: (value as Address[]).map(mailbox) };
    case 'GroupedAddresses':
      return {
        addresses: (value as { name: string | null; addresses: Address[] }[]).flatMap((g): TreeAddress[] =>
          g.name === null ? g.addresses.map(mailbox) : [{ name: g.name, group: g.addresses.map(mailbox) }],
        ),
      };
    case 'MessageIds':
      return { raw: (value as string[]).map((id) => `<${id}>`).join(' ') };
    case 'Date':
      return { raw: rfc5322Date(value as string) };
    case 'URLs':
      return { raw: (value as string[]).map((u) => `<${u}>`).join(', ') };
  }
}

/**
 * The instances one header property writes (RFC 8621 §4.1.3: `:all` takes an array, one value per
 * instance; null means none), or null when the value is malformed for its form.
 */
export function headerInstances(form: Form, all: boolean, value: unknown): TreeHeaderValue[] | null {
  if (value === null) return [];
  const values = all ? value : [value];
  if (!Array.isArray(values) || values.length > composeLimits.maxExtraHeaders) return null;
  const out: TreeHeaderValue[] = [];
  for (const one of values) {
    if (one === null) continue;
    const parsed = SCHEMAS[form].safeParse(one);
    if (!parsed.success) return null;
    const written = instance(form, parsed.data);
    if (written !== null && !('addresses' in written && written.addresses.length === 0)) out.push(written);
  }
  return out;
}

/** What one object's header properties (Email or EmailBodyPart) come to. */
export interface CollectedHeaders {
  headers: TreeHeader[];
  /** Lower-case names of the fields given, to find the same field given twice. */
  fields: Set<string>;
  /** Properties that are malformed, of a forbidden form, or name a field given another way too. */
  bad: string[];
}

/**
 * RFC 8621 §4.6: the header fields of an Email (convenience properties included) or of an
 * EmailBodyPart (`header:` properties only). A field given by two properties is invalid on both;
 * `Content-Transfer-Encoding` is never the client's; `Content-*` fields are set by the part's own
 * properties (type, disposition, cid…), so neither level takes them here. Other properties are
 * left to the caller.
 */
export function collectHeaders(object: Record<string, unknown>, withConvenience: boolean): CollectedHeaders {
  const byField = new Map<string, string[]>();
  const headers: TreeHeader[] = [];
  const bad: string[] = [];
  for (const [property, value] of Object.entries(object)) {
    const convenience =
      withConvenience && Object.hasOwn(CONVENIENCE, property) ? CONVENIENCE[property] : undefined;
    const spec = convenience ? { ...convenience, all: false } : parseHeaderProperty(property);
    if (spec === null) {
      if (property.startsWith('header:')) bad.push(property);
      continue;
    }
    const field = spec.field.toLowerCase();
    if (field.startsWith('content-') || field === 'mime-version') {
      bad.push(property);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), property]);
    const instances = headerInstances(spec.form, spec.all, value);
    if (instances === null) bad.push(property);
    else headers.push(...instances.map((v) => ({ name: spec.field, value: v })));
  }
  for (const properties of byField.values()) if (properties.length > 1) bad.push(...properties);
  return { headers, fields: new Set(byField.keys()), bad: [...new Set(bad)] };
}
