import { MethodErrorType } from '@colibri/jmap-types';
import type {
  EmailFilter as StoreFilter,
  EmailFilterCondition as StoreCondition,
  MailboxId,
} from '@colibri/mail-store';
import { MethodFailure } from '../../method-failure.js';
import { toMailboxId } from '../shared/ids.js';
import type { EmailCondition, EmailFilter } from './query-args.js';

/** RFC 3339 UTCDate (RFC 8620 §1.4), as Email/query's before/after take it. */
const utcDatePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function toDate(value: string, property: string): Date {
  const date = new Date(value);
  if (!utcDatePattern.test(value) || Number.isNaN(date.getTime()))
    throw new MethodFailure(MethodErrorType.InvalidArguments, `${property} must be a UTCDate.`, {
      arguments: ['filter'],
    });
  return date;
}

/**
 * A wire mailbox id as the store's; an id the store could never have made is kept as given, so
 * that it matches no email (and its NOT matches every email) rather than failing the query.
 */
const mailboxId = (id: string): MailboxId => toMailboxId(id) ?? (id as MailboxId);

function toCondition(c: EmailCondition): StoreCondition {
  const { inMailbox, inMailboxOtherThan, before, after, header, ...rest } = c;
  const out: StoreCondition = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  if (inMailbox !== undefined) out.inMailbox = mailboxId(inMailbox);
  if (inMailboxOtherThan !== undefined) out.inMailboxOtherThan = inMailboxOtherThan.map(mailboxId);
  if (before !== undefined) out.before = toDate(before, 'before');
  if (after !== undefined) out.after = toDate(after, 'after');
  if (header !== undefined) out.header = header.length === 1 ? [header[0]!] : [header[0]!, header[1]!];
  return out;
}

/**
 * RFC 8621 §4.4.1 / RFC 8620 §5.5: the wire filter (conditions and nested AND/OR/NOT operators)
 * as the store's filter tree. Depth and size limits are the store's (unsupportedFilter).
 */
export function toStoreFilter(filter: EmailFilter | null | undefined): StoreFilter | undefined {
  if (filter == null) return undefined;
  if ('operator' in filter)
    return {
      operator: filter.operator,
      conditions: filter.conditions.map((c) => toStoreFilter(c)!),
    };
  return toCondition(filter);
}
