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

/** RFC 8621 §4.1.2.3 asAddresses: groups flattened, RFC 2047 names decoded. */
function addresses(value: string | null): Address[] | null {
  if (value === null) return null;
  let parsed: ParsedAddress[];
  try {
    parsed = addressParser(value) as ParsedAddress[];
  } catch {
    return [];
  }
  const out: Address[] = [];
  const visit = (list: ParsedAddress[]) => {
    for (const a of list) {
      if (a.group) visit(a.group);
      else if (a.address !== undefined) out.push({ name: a.name ? a.name : null, email: a.address });
    }
  };
  visit(parsed);
  return out;
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
    subject: subject === null ? null : decodeWords(subject).trim(),
    sentAt: parseDate(lastField(fields, 'date')),
  };
}
