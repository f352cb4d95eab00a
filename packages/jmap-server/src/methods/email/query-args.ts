import { queryWindowShape } from '../shared/query-window.js';
import { z } from 'zod';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';
import { keywordSchema } from '../shared/keywords.js';

/** RFC 8621 §4.4.1: every FilterCondition property, so that a valid-but-unserved one is unsupportedFilter. */
const conditionSchema = z.strictObject({
  inMailbox: idSchema.optional(),
  inMailboxOtherThan: z.array(idSchema).optional(),
  before: z.string().optional(),
  after: z.string().optional(),
  minSize: unsignedIntSchema.optional(),
  maxSize: unsignedIntSchema.optional(),
  allInThreadHaveKeyword: keywordSchema.optional(),
  someInThreadHaveKeyword: keywordSchema.optional(),
  noneInThreadHaveKeyword: keywordSchema.optional(),
  hasKeyword: keywordSchema.optional(),
  notKeyword: keywordSchema.optional(),
  hasAttachment: z.boolean().optional(),
  text: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  cc: z.string().optional(),
  bcc: z.string().optional(),
  subject: z.string().optional(),
  body: z.string().optional(),
  header: z.array(z.string()).min(1).max(2).optional(),
});
export type EmailCondition = z.infer<typeof conditionSchema>;

/** RFC 8620 §5.5: a FilterOperator nests conditions and operators. */
const operatorSchema = z.strictObject({
  operator: z.enum(['AND', 'OR', 'NOT']),
  get conditions(): z.ZodArray<typeof filterSchema> {
    return z.array(filterSchema);
  },
});
export const filterSchema = z.union([operatorSchema, conditionSchema]);
export type EmailFilter = z.infer<typeof filterSchema>;

/** RFC 8621 §4.4.2 / RFC 8620 §5.5: a Comparator; `keyword` belongs to the keyword sorts. */
export const comparatorSchema = z.strictObject({
  property: z.string(),
  isAscending: z.boolean().optional(),
  collation: z.string().optional(),
  keyword: keywordSchema.optional(),
});

/** RFC 8620 §5.5 and RFC 8621 §4.4: the Email/query arguments. */
export const emailQueryArgsSchema = z.strictObject({
  accountId: idSchema,
  filter: filterSchema.nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  ...queryWindowShape,
  collapseThreads: z.boolean().optional(),
});
export type EmailQueryArgs = z.infer<typeof emailQueryArgsSchema>;

/** RFC 8620 §5.6 and RFC 8621 §4.5: the Email/queryChanges arguments. */
export const emailQueryChangesArgsSchema = z.strictObject({
  accountId: idSchema,
  filter: filterSchema.nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
  calculateTotal: z.boolean().optional(),
  collapseThreads: z.boolean().optional(),
});
