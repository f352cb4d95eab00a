import { addressParser, decodeWords } from 'postal-mime';
import type { Address, EmailRecord } from '../model.js';
import { lastField, type HeaderField } from './header-block.js';

/** The message-level header values RFC 8621 §4.1.2-4.1.3 exposes as Email properties. */
export type Envelope = Pick<
  EmailRecord,
  | 'messageId'
  | 'inReplyTo'
  | 'references'
  | 'sender'
  | 'from'
  | 'to'
  | 'cc'
  | 'bcc'
  | 'replyTo'
  | 'subject'
  | 'sentAt'
>;

type ParsedAddress = { name?: string; address?: string; group?: ParsedAddress[] };

/** RFC 8621 §4.1.2.4: a group's display name (null for addresses outside any group) and members. */
export interface AddressGroup {
  name: string | null;
  addresses: Address[];
}

/** RFC 5322 §3.4.1: an addr-spec without its comments ("pete(his account)@silly.test"), trimmed. */
function withoutComments(addrSpec: string): string {
  let text = addrSpec;
  // Innermost comments first; each pass removes one nesting level, so the loop is bounded.
  for (let pass = 0; pass < 8 && text.includes('('); pass++) text = text.replace(/\([^()]*\)/g, '');
  return text.trim();
}

/**
 * RFC 8621 §4.1.2.4 asGroupedAddresses of an unfolded value: consecutive addresses outside a group
 * share a group named null; RFC 2047 names decoded; unparseable input is no address at all.
 */
export function groupedAddresses(value: string): AddressGroup[] {
  let parsed: ParsedAddress[];
  try {
    parsed = addressParser(value) as ParsedAddress[];
  } catch {
    return [];
  }
  const mailboxes = (list: ParsedAddress[]): Address[] =>
    list.flatMap((a) =>
      // A display name without an address ("Name <>") stays: §4.1.2.3 parsing is best effort.
      a.address === undefined ? [] : [{ name: a.name ? a.name : null, email: withoutComments(a.address) }],
    );
  const out: AddressGroup[] = [];
  for (const a of parsed) {
    if (a.group) out.push({ name: a.name ?? null, addresses: mailboxes(a.group) });
    else if (a.address !== undefined) {
      const last = out[out.length - 1];
      const group = last?.name === null ? last : { name: null, addresses: [] };
      if (group !== last) out.push(group);
      group.addresses.push(...mailboxes([a]));
    }
  }
  return out;
}

/** RFC 8621 §4.1.2.3 asAddresses: groups flattened, RFC 2047 names decoded. */
function addresses(value: string | null): Address[] | null {
  return value === null ? null : groupedAddresses(value).flatMap((group) => group.addresses);
}

/** RFC 8621 §4.1.2.2 asText of an unfolded value: RFC 2047 words decoded, trimmed. */
export function unstructuredText(value: string): string {
  return decodeWords(value).trim();
}

/** RFC 8621 §4.1.2.5 asMessageIds: "<a@b> <c@d>" -> ["a@b", "c@d"]; null when there is none. */
export function messageIds(value: string | null): string[] | null {
  if (!value) return null;
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  // Some mailers omit the brackets around a lone id.
  if (ids.length === 0 && /^[^\s<>]+@[^\s<>]+$/.test(value.trim())) ids.push(value.trim());
  return ids.length > 0 ? ids : null;
}

/** RFC 8621 §4.1.2.6 asDate; comments such as "(PDT)" are dropped first. Null when unparseable. */
export function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value.replace(/\([^()]*\)/g, ' ').trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

export function readEnvelope(fields: readonly HeaderField[]): Envelope {
  const subject = lastField(fields, 'subject');
  return {
    messageId: messageIds(lastField(fields, 'message-id')),
    inReplyTo: messageIds(lastField(fields, 'in-reply-to')),
    references: messageIds(lastField(fields, 'references')),
    sender: addresses(lastField(fields, 'sender')),
    from: addresses(lastField(fields, 'from')),
    to: addresses(lastField(fields, 'to')),
    cc: addresses(lastField(fields, 'cc')),
    bcc: addresses(lastField(fields, 'bcc')),
    replyTo: addresses(lastField(fields, 'reply-to')),
    // RFC 8621 §4.1.2.2 asText: unfolded, RFC 2047 words decoded, trimmed.
    subject: subject === null ? null : unstructuredText(subject),
    sentAt: parseDate(lastField(fields, 'date')),
  };
}
