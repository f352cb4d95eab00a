import { queryWindowShape } from '../shared/query-window.js';
import { z } from 'zod';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';

/** RFC 8620 §1.4: a UTCDate ("Z" form), parsed to a Date. */
const utcDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'not a UTCDate')
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), 'not a UTCDate');

/** RFC 8621 §7.3: the EmailSubmission/query FilterCondition. */
const conditionSchema = z.strictObject({
  identityIds: z.array(idSchema).optional(),
  emailIds: z.array(idSchema).optional(),
  threadIds: z.array(idSchema).optional(),
  undoStatus: z.enum(['pending', 'final', 'canceled']).optional(),
  before: utcDateSchema.optional(),
  after: utcDateSchema.optional(),
});
export type SubmissionCondition = z.infer<typeof conditionSchema>;

/** RFC 8620 §5.5: a FilterOperator nests conditions and operators. */
const operatorSchema = z.strictObject({
  operator: z.enum(['AND', 'OR', 'NOT']),
  get conditions(): z.ZodArray<typeof filterSchema> {
    return z.array(filterSchema);
  },
});
const filterSchema = z.union([operatorSchema, conditionSchema]);
export type SubmissionFilter = z.infer<typeof filterSchema>;

/** RFC 8620 §5.5 Comparator; the property is checked against RFC 8621 §7.3's (unsupportedSort). */
const comparatorSchema = z.strictObject({
  property: z.string(),
  isAscending: z.boolean().optional(),
  collation: z.string().optional(),
});
export type SubmissionComparator = z.infer<typeof comparatorSchema>;

/** RFC 8620 §5.5 / RFC 8621 §7.3: the EmailSubmission/query arguments. */
export const submissionQueryArgsSchema = z.strictObject({
  accountId: idSchema,
  filter: filterSchema.nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  ...queryWindowShape,
});

/** RFC 8620 §5.6 / RFC 8621 §7.4: the EmailSubmission/queryChanges arguments. */
export const submissionQueryChangesArgsSchema = z.strictObject({
  accountId: idSchema,
  filter: filterSchema.nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
  calculateTotal: z.boolean().optional(),
});
