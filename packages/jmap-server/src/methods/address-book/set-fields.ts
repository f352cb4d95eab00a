import type { SetError } from '@colibri/jmap-types';
import { contactLimits } from '@colibri/mail-store';
import { z } from 'zod';
import { invalidProperties } from '../shared/invalid-properties.js';

const rightsSchema = z.strictObject({
  mayRead: z.boolean(),
  mayWrite: z.boolean(),
  mayShare: z.boolean(),
  mayDelete: z.boolean(),
});

/** RFC 9610 §2: what a client may set; id, isDefault and myRights are server-set. */
const fields = {
  name: z.string().min(1).max(contactLimits.maxNameChars),
  description: z.string().max(contactLimits.maxDescriptionChars).nullable(),
  sortOrder: z
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  isSubscribed: z.boolean(),
  // Sharing is not implemented yet: only null (not shared) is accepted.
  shareWith: z.null(),
};

const createSchema = z.strictObject({
  ...fields,
  description: fields.description.optional(),
  sortOrder: fields.sortOrder.optional(),
  isSubscribed: fields.isSubscribed.optional(),
  shareWith: fields.shareWith.optional(),
  // Server-set: accepted only with the value the server would give (RFC 8620 §5.3).
  isDefault: z.literal(false).optional(),
  myRights: rightsSchema.optional(),
});

const patchSchema = z.strictObject({
  name: fields.name.optional(),
  description: fields.description.optional(),
  sortOrder: fields.sortOrder.optional(),
  isSubscribed: fields.isSubscribed.optional(),
  shareWith: fields.shareWith.optional(),
});

export type AddressBookCreate = Omit<z.output<typeof createSchema>, 'isDefault' | 'myRights' | 'shareWith'>;
export type AddressBookUpdate = Omit<z.output<typeof patchSchema>, 'shareWith'>;

export function parseAddressBookCreate(values: Record<string, unknown>): AddressBookCreate | SetError {
  const parsed = createSchema.safeParse(values);
  if (!parsed.success) return invalidProperties(parsed.error);
  const { isDefault: _d, myRights: _r, shareWith: _s, ...input } = parsed.data;
  return input;
}

export function parseAddressBookPatch(patch: Record<string, unknown>): AddressBookUpdate | SetError {
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) return invalidProperties(parsed.error);
  const { shareWith: _s, ...update } = parsed.data;
  return update;
}
