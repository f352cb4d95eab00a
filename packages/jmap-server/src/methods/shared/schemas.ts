import { z } from 'zod';

/** RFC 8620 §1.2: an Id is 1-255 characters of the base64url alphabet. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'not a JMAP Id');

/** RFC 8620 §1.3: UnsignedInt, 0 to 2^53-1. */
export const unsignedIntSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
/** RFC 8620 §1.3: Int, -2^53+1 to 2^53-1. */
export const intSchema = z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** RFC 8620 §5.1: the standard /get arguments. */
/** An Id, or `#creationId` naming a record created earlier in the request (RFC 8620 §5.3). */
export const idOrCreationIdSchema = z.string().regex(/^#?[A-Za-z0-9_-]{1,255}$/, 'not a JMAP Id');

export const getArgsSchema = z.strictObject({
  accountId: idSchema,
  ids: z.array(idOrCreationIdSchema).nullable().optional(),
  properties: z.array(z.string()).nullable().optional(),
});

/** RFC 8620 §5.2: the standard /changes arguments; maxChanges must be positive. */
export const changesArgsSchema = z.strictObject({
  accountId: idSchema,
  sinceState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
});

/** RFC 8620 §5.3: the standard /set arguments, objects and patches left to the type's own parser. */
export const setArgsSchema = z.strictObject({
  accountId: idSchema,
  ifInState: z.string().nullable().optional(),
  create: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
  update: z.record(z.string(), z.record(z.string(), z.unknown())).nullable().optional(),
  destroy: z.array(z.string()).nullable().optional(),
});
