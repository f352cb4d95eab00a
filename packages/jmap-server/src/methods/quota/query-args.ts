import { queryWindowShape } from '../shared/query-window.js';
import { z } from 'zod';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';

/** RFC 9425 §4.4.1: the Quota FilterCondition. */
const conditionSchema = z.strictObject({
  name: z.string().optional(),
  scope: z.string().optional(),
  resourceType: z.string().optional(),
  type: z.string().optional(),
});
export type QuotaCondition = z.infer<typeof conditionSchema>;

/** RFC 8620 §5.5: a FilterOperator nests conditions and operators. */
const operatorSchema = z.strictObject({
  operator: z.enum(['AND', 'OR', 'NOT']),
  get conditions(): z.ZodArray<typeof filterSchema> {
    return z.array(filterSchema);
  },
});
const filterSchema = z.union([operatorSchema, conditionSchema]);
export type QuotaFilter = z.infer<typeof filterSchema>;

/** RFC 8620 §5.5 Comparator; the property is checked by the sort (unsupportedSort, not invalidArguments). */
const comparatorSchema = z.strictObject({
  property: z.string(),
  isAscending: z.boolean().optional(),
  collation: z.string().optional(),
});
export type QuotaComparator = z.infer<typeof comparatorSchema>;

const common = {
  accountId: idSchema,
  filter: filterSchema.nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  calculateTotal: z.boolean().optional(),
};

/** RFC 9425 §4.4: the standard /query arguments. */
export const quotaQueryArgsSchema = z.strictObject({
  ...common,
  ...queryWindowShape,
});

/** RFC 9425 §4.5: the standard /queryChanges arguments. */
export const quotaQueryChangesArgsSchema = z.strictObject({
  ...common,
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
});
