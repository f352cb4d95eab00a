import { z } from 'zod';
import { comparatorSchema, filterSchemaOf } from '../shared/in-memory-query.js';
import { queryWindowShape } from '../shared/query-window.js';
import { idSchema, unsignedIntSchema } from '../shared/schemas.js';

/** RFC 3339 UTCDate (RFC 8620 §1.4). */
const utcDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'not a UTCDate');

/** RFC 9610 §3.3: the ContactCard FilterCondition, and Colibri's autocomplete `prefix`. */
const conditionSchema = z.strictObject({
  inAddressBook: idSchema.optional(),
  uid: z.string().optional(),
  hasMember: z.string().optional(),
  kind: z.string().optional(),
  createdBefore: utcDate.optional(),
  createdAfter: utcDate.optional(),
  updatedBefore: utcDate.optional(),
  updatedAfter: utcDate.optional(),
  text: z.string().optional(),
  name: z.string().optional(),
  'name/given': z.string().optional(),
  'name/surname': z.string().optional(),
  'name/surname2': z.string().optional(),
  nickname: z.string().optional(),
  organization: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  onlineService: z.string().optional(),
  address: z.string().optional(),
  note: z.string().optional(),
  prefix: z.string().min(1).max(200).optional(),
});
export type ContactCardCondition = z.infer<typeof conditionSchema>;

const common = {
  accountId: idSchema,
  filter: filterSchemaOf(conditionSchema).nullable().optional(),
  sort: z.array(comparatorSchema).nullable().optional(),
  calculateTotal: z.boolean().optional(),
};

/** RFC 9610 §3.3: the standard /query arguments. */
export const contactCardQueryArgsSchema = z.strictObject({ ...common, ...queryWindowShape });

/** RFC 9610 §3.4, RFC 8620 §5.6: the standard /queryChanges arguments. */
export const contactCardQueryChangesArgsSchema = z.strictObject({
  ...common,
  sinceQueryState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
  upToId: idSchema.nullable().optional(),
});
