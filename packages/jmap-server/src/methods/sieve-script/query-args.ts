import { z } from 'zod';
import { comparatorSchema, filterSchemaOf } from '../shared/in-memory-query.js';
import { queryWindowShape } from '../shared/query-window.js';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';

/** RFC 9661 §2.5: the SieveScript FilterCondition. */
const conditionSchema = z.strictObject({ name: z.string().optional(), isActive: z.boolean().optional() });
export type SieveScriptCondition = z.infer<typeof conditionSchema>;

const common = {
  accountId: idSchema,
  filter: filterSchemaOf(conditionSchema).nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  calculateTotal: z.boolean().optional(),
};

/** RFC 9661 §2.5: the standard /query arguments. */
export const sieveScriptQueryArgsSchema = z.strictObject({ ...common, ...queryWindowShape });

/** RFC 8620 §5.6: the standard /queryChanges arguments. */
export const sieveScriptQueryChangesArgsSchema = z.strictObject({
  ...common,
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
});
