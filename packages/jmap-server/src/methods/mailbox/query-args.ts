import { queryWindowShape } from '../shared/query-window.js';
import { z } from 'zod';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';

/** RFC 8621 §2.3: every Mailbox FilterCondition property. */
const conditionSchema = z.strictObject({
  parentId: idSchema.nullable().optional(),
  name: z.string().optional(),
  role: z.string().nullable().optional(),
  hasAnyRole: z.boolean().optional(),
  isSubscribed: z.boolean().optional(),
});
export type MailboxCondition = z.infer<typeof conditionSchema>;

/** RFC 8620 §5.5: a FilterOperator nests conditions and operators. */
const operatorSchema = z.strictObject({
  operator: z.enum(['AND', 'OR', 'NOT']),
  get conditions(): z.ZodArray<typeof filterSchema> {
    return z.array(filterSchema);
  },
});
export const filterSchema = z.union([operatorSchema, conditionSchema]);
export type MailboxFilter = z.infer<typeof filterSchema>;

/** RFC 8620 §5.5: a Comparator. */
const comparatorSchema = z.strictObject({
  property: z.string(),
  isAscending: z.boolean().optional(),
  collation: z.string().optional(),
});
export type MailboxComparator = z.infer<typeof comparatorSchema>;

/** What Mailbox/query and Mailbox/queryChanges share: the query itself (RFC 8621 §2.3). */
const queryShape = {
  accountId: idSchema,
  filter: filterSchema.nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  sortAsTree: z.boolean().optional(),
  filterAsTree: z.boolean().optional(),
  calculateTotal: z.boolean().optional(),
};

/** RFC 8620 §5.5 and RFC 8621 §2.3: the Mailbox/query arguments. */
export const mailboxQueryArgsSchema = z.strictObject({
  ...queryShape,
  ...queryWindowShape,
});

/** RFC 8620 §5.6 and RFC 8621 §2.4: the Mailbox/queryChanges arguments. */
export const mailboxQueryChangesArgsSchema = z.strictObject({
  ...queryShape,
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
});
export type MailboxQueryShape = Pick<
  z.infer<typeof mailboxQueryArgsSchema>,
  'filter' | 'sort' | 'sortAsTree' | 'filterAsTree'
>;
