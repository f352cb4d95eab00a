import type { JmapPrincipal } from '@colibri/jmap-types';
import { z } from 'zod';
import { comparatorSchema, filterSchemaOf, matchesFilter, orderOf } from '../shared/in-memory-query.js';
import type { Comparator, Filter } from '../shared/in-memory-query.js';
import { queryWindowShape } from '../shared/query-window.js';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';

/** RFC 9670 §2.4.1: the Principal FilterCondition. */
const conditionSchema = z.strictObject({
  accountIds: z.array(idSchema).optional(),
  email: z.string().optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  type: z.enum(['individual', 'group', 'resource', 'location', 'other']).optional(),
  timeZone: z.string().optional(),
});
type PrincipalCondition = z.infer<typeof conditionSchema>;

const common = {
  accountId: idSchema,
  filter: filterSchemaOf(conditionSchema).nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  calculateTotal: z.boolean().optional(),
};

/** RFC 9670 §2.4: the standard /query arguments. */
export const principalQueryArgsSchema = z.strictObject({ ...common, ...queryWindowShape });

/** RFC 9670 §2.5: the standard /queryChanges arguments. */
export const principalQueryChangesArgsSchema = z.strictObject({
  ...common,
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
});

/** "Looks for the text": a case-insensitive substring, as the other JMAP text filters here. */
const contains = (value: string | null, text: string) =>
  value !== null && value.toLowerCase().includes(text.toLowerCase());

/** RFC 9670 §2.4.1: every given property of the condition must match. */
function matchesCondition(p: JmapPrincipal, c: PrincipalCondition): boolean {
  if (c.accountIds !== undefined && !Object.keys(p.accounts ?? {}).some((id) => c.accountIds?.includes(id)))
    return false;
  if (c.email !== undefined && !contains(p.email, c.email)) return false;
  if (c.name !== undefined && !contains(p.name, c.name)) return false;
  if (
    c.text !== undefined &&
    ![p.name, p.email, p.description].some((value) => contains(value, c.text ?? ''))
  )
    return false;
  if (c.type !== undefined && p.type !== c.type) return false;
  if (c.timeZone !== undefined && p.timeZone !== c.timeZone) return false;
  return true;
}

/** RFC 9670 defines no sort; name and email are offered, and name is the default order. */
const sortKeys = {
  name: (p: JmapPrincipal) => p.name.toLowerCase(),
  email: (p: JmapPrincipal) => (p.email ?? '').toLowerCase(),
};

/** The ids of the principals that match, in order. unsupportedSort before anything is read on []. */
export function principalResults(
  all: readonly JmapPrincipal[],
  args: { filter?: Filter<PrincipalCondition> | null; sort?: readonly Comparator[] | null },
  collations: readonly string[],
): string[] {
  const order = orderOf(args.sort ?? [{ property: 'name' }], sortKeys, collations);
  return all
    .filter((p) => matchesFilter(p, args.filter, matchesCondition))
    .sort(order)
    .map((p) => p.id);
}
