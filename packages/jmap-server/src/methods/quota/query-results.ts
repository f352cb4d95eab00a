import { MethodErrorType } from '@colibri/jmap-types';
import type { Quota } from '@colibri/jmap-types';
import { MethodFailure } from '../../method-failure.js';
import type { QuotaComparator, QuotaFilter } from './query-args.js';

/** RFC 9425 §4.4.1: whether a quota matches a filter (RFC 8620 §5.5 operators included). */
export function matches(quota: Quota, filter: QuotaFilter): boolean {
  if ('operator' in filter) {
    const results = filter.conditions.map((condition) => matches(quota, condition));
    if (filter.operator === 'AND') return results.every(Boolean);
    if (filter.operator === 'OR') return results.some(Boolean);
    return !results.some(Boolean);
  }
  // name "contains the given string" (case-insensitively); scope and resourceType match exactly;
  // type is one of the quota's types.
  if (filter.name !== undefined && !quota.name.toLowerCase().includes(filter.name.toLowerCase()))
    return false;
  if (filter.scope !== undefined && quota.scope !== filter.scope) return false;
  if (filter.resourceType !== undefined && quota.resourceType !== filter.resourceType) return false;
  if (filter.type !== undefined && !quota.types.includes(filter.type)) return false;
  return true;
}

type Compare = (a: Quota, b: Quota) => number;

/** RFC 9425 §4.4.2: sorts by `name` (casemap collations) and `used`; ties go by id, so the order is total. */
function comparatorOf(comparator: QuotaComparator, collations: readonly string[]): Compare {
  if (comparator.collation !== undefined && !collations.includes(comparator.collation))
    throw new MethodFailure(MethodErrorType.UnsupportedSort, `Unknown collation "${comparator.collation}".`);
  const direction = comparator.isAscending === false ? -1 : 1;
  switch (comparator.property) {
    case 'name':
      return (a, b) => direction * a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en');
    case 'used':
      return (a, b) => direction * (a.used - b.used);
    default:
      throw new MethodFailure(
        MethodErrorType.UnsupportedSort,
        `Cannot sort quotas by "${comparator.property}".`,
      );
  }
}

/** The ids of the quotas that match `filter`, in the order of `sort`. */
export function queryQuotas(
  quotas: readonly Quota[],
  filter: QuotaFilter | null | undefined,
  sort: readonly QuotaComparator[] | null | undefined,
  collations: readonly string[],
): string[] {
  const comparators = (sort ?? []).map((comparator) => comparatorOf(comparator, collations));
  const byId: Compare = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return quotas
    .filter((quota) => filter == null || matches(quota, filter))
    .sort((a, b) => {
      for (const compare of [...comparators, byId]) {
        const order = compare(a, b);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map((quota) => quota.id);
}
