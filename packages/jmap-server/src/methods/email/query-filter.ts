import { MethodErrorType } from '@colibri/jmap-types';
import type { EmailFilter as StoreFilter } from '@colibri/mail-store';
import { MethodFailure } from '../../method-failure.js';
import { toMailboxId } from '../shared/ids.js';
import type { EmailCondition, EmailFilter } from './query-args.js';

/** The condition properties the store can answer (others are unsupportedFilter for now). */
const SERVED = ['inMailbox', 'hasKeyword', 'notKeyword', 'text'] as const;
type Served = (typeof SERVED)[number];

const unsupported = (what: string): MethodFailure =>
  new MethodFailure(
    MethodErrorType.UnsupportedFilter,
    `${what} is not supported yet: use inMailbox, hasKeyword, notKeyword, text and AND.`,
  );

/** Flattens nested ANDs into the list of their conditions; OR and NOT are not served yet. */
function conditionsOf(filter: EmailFilter): EmailCondition[] {
  if (!('operator' in filter)) return [filter];
  if (filter.operator !== 'AND') throw unsupported(`The ${filter.operator} operator`);
  return filter.conditions.flatMap(conditionsOf);
}

/** Wire values of the served properties, merged across an AND; a clash the store cannot express is unsupported. */
function mergeConditions(conditions: EmailCondition[]): Partial<Record<Served, string>> {
  const merged: Partial<Record<Served, string>> = {};
  for (const condition of conditions) {
    for (const [property, value] of Object.entries(condition)) {
      if (value === undefined) continue;
      if (!(SERVED as readonly string[]).includes(property)) throw unsupported(`The "${property}" condition`);
      const served = property as Served;
      if (merged[served] !== undefined && merged[served] !== value)
        throw unsupported(`Two different "${property}" conditions`);
      merged[served] = value as string;
    }
  }
  return merged;
}

/**
 * RFC 8621 §4.4.1: the wire filter as the store's filter, or `null` when it cannot match anything
 * (an inMailbox id the store could never have made).
 */
export function toStoreFilter(filter: EmailFilter | null | undefined): StoreFilter | null {
  if (filter == null) return {};
  const { inMailbox, hasKeyword, notKeyword, text } = mergeConditions(conditionsOf(filter));
  const result: StoreFilter = {};
  if (inMailbox !== undefined) {
    const mailboxId = toMailboxId(inMailbox);
    if (mailboxId === null) return null;
    result.inMailbox = mailboxId;
  }
  if (hasKeyword !== undefined) result.hasKeyword = hasKeyword;
  if (notKeyword !== undefined) result.notKeyword = notKeyword;
  if (text !== undefined) result.text = text;
  return result;
}
