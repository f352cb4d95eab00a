import { MethodErrorType } from '@colibri/jmap-types';
import { z } from 'zod';
import { MethodFailure } from '../../method-failure.js';

/** RFC 8620 §5.5: a FilterCondition, or a FilterOperator nesting filters. */
export type Filter<C> = C | { operator: 'AND' | 'OR' | 'NOT'; conditions: Filter<C>[] };

/** RFC 8620 §5.5: the schema of a filter over one type's FilterCondition schema. */
export function filterSchemaOf<C>(condition: z.ZodType<C>): z.ZodType<Filter<C>> {
  const filter: z.ZodType<Filter<C>> = z.lazy(() =>
    z.union([
      z.strictObject({ operator: z.enum(['AND', 'OR', 'NOT']), conditions: z.array(filter) }),
      condition,
    ]),
  );
  return filter;
}

/** RFC 8620 §5.5 Comparator; the property is checked by `orderOf` (unsupportedSort, not invalidArguments). */
export const comparatorSchema = z.strictObject({
  property: z.string(),
  isAscending: z.boolean().optional(),
  collation: z.string().optional(),
});
export type Comparator = z.infer<typeof comparatorSchema>;

const isOperator = <C>(filter: Filter<C>): filter is Exclude<Filter<C>, C> =>
  typeof filter === 'object' && filter !== null && 'operator' in filter;

/** RFC 8620 §5.5: whether the object matches a condition, or an AND/OR/NOT of nested filters. */
export function matchesFilter<T, C>(
  item: T,
  filter: Filter<C> | null | undefined,
  matchesCondition: (item: T, condition: C) => boolean,
): boolean {
  if (filter == null) return true;
  if (!isOperator(filter)) return matchesCondition(item, filter as C);
  const results = filter.conditions.map((inner) => matchesFilter(item, inner, matchesCondition));
  if (filter.operator === 'AND') return results.every(Boolean);
  if (filter.operator === 'OR') return results.some(Boolean);
  return !results.some(Boolean);
}

/**
 * RFC 8620 §5.5: a comparison function for the comparators over the type's sort keys (ties by id,
 * so the order is total), or unsupportedSort for a property or collation the server does not know.
 */
export function orderOf<T extends { id: string }>(
  comparators: readonly Comparator[] | null | undefined,
  sortKeys: Readonly<Record<string, (item: T) => string | number>>,
  collations: readonly string[],
): (a: T, b: T) => number {
  const keys = (comparators ?? []).map((comparator) => {
    const key = Object.hasOwn(sortKeys, comparator.property) ? sortKeys[comparator.property] : undefined;
    if (key === undefined)
      throw new MethodFailure(MethodErrorType.UnsupportedSort, `Cannot sort by "${comparator.property}".`);
    if (comparator.collation !== undefined && !collations.includes(comparator.collation))
      throw new MethodFailure(
        MethodErrorType.UnsupportedSort,
        `Unknown collation "${comparator.collation}".`,
      );
    return { key, sign: comparator.isAscending === false ? -1 : 1 };
  });
  return (a, b) => {
    for (const { key, sign } of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
