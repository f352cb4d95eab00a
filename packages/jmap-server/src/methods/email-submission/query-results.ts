import { orderOf } from '../shared/in-memory-query.js';
import type { SubmissionComparator, SubmissionCondition, SubmissionFilter } from './query-args.js';
import type { ClientSubmission } from './to-wire.js';

function matchesCondition(s: ClientSubmission, c: SubmissionCondition): boolean {
  if (c.identityIds !== undefined && !c.identityIds.includes(s.identityId)) return false;
  if (c.emailIds !== undefined && !c.emailIds.includes(s.emailId)) return false;
  if (c.threadIds !== undefined && !c.threadIds.includes(s.threadId)) return false;
  if (c.undoStatus !== undefined && s.undoStatus !== c.undoStatus) return false;
  // RFC 8621 §7.3: sendAt before `before`, and the same as or after `after`.
  if (c.before !== undefined && !(s.sendAt.getTime() < c.before.getTime())) return false;
  if (c.after !== undefined && !(s.sendAt.getTime() >= c.after.getTime())) return false;
  return true;
}

/** RFC 8620 §5.5: a condition, or an AND/OR/NOT of nested filters. */
export function matchesFilter(s: ClientSubmission, filter: SubmissionFilter | null | undefined): boolean {
  if (filter == null) return true;
  if (!('operator' in filter)) return matchesCondition(s, filter);
  const results = filter.conditions.map((inner) => matchesFilter(s, inner));
  switch (filter.operator) {
    case 'AND':
      return results.every(Boolean);
    case 'OR':
      return results.some(Boolean);
    case 'NOT':
      return !results.some(Boolean);
    default: {
      const never: never = filter.operator;
      throw new Error(`unknown operator ${String(never)}`);
    }
  }
}

/** RFC 8621 §7.3: the sort properties; sentAt is the submission's sendAt. */
const sortKeys = {
  emailId: (s: ClientSubmission) => s.emailId,
  threadId: (s: ClientSubmission) => s.threadId,
  sentAt: (s: ClientSubmission) => s.sendAt.getTime(),
} as const;

/**
 * RFC 8620 §5.5: a comparison function for the comparators (ties by id, so the order is total),
 * or unsupportedSort for a property or collation the server does not know.
 */
export function submissionOrder(
  comparators: readonly SubmissionComparator[] | null | undefined,
  collations: readonly string[],
): (a: ClientSubmission, b: ClientSubmission) => number {
  return orderOf(comparators, sortKeys, collations);
}

/** The ids of the account's submissions that match, in order. */
export function queryResults(
  all: readonly ClientSubmission[],
  filter: SubmissionFilter | null | undefined,
  order: (a: ClientSubmission, b: ClientSubmission) => number,
): string[] {
  return all
    .filter((s) => matchesFilter(s, filter))
    .sort(order)
    .map((s) => s.id);
}
