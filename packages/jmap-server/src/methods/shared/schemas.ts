import { z } from 'zod';

/** RFC 8620 §1.2: an Id is 1-255 characters of the base64url alphabet. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'not a JMAP Id');

/** RFC 8620 §1.3: UnsignedInt, 0 to 2^53-1. */
export const unsignedIntSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
/** RFC 8620 §1.3: Int, -2^53+1 to 2^53-1. */
export const intSchema = z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** RFC 8620 §5.1: the standard /get arguments. */
export const getArgsSchema = z.strictObject({
  accountId: idSchema,
  ids: z.array(idSchema).nullable().optional(),
  properties: z.array(z.string()).nullable().optional(),
});

/** RFC 8620 §5.2: the standard /changes arguments; maxChanges must be positive. */
export const changesArgsSchema = z.strictObject({
  accountId: idSchema,
  sinceState: z.string(),
  maxChanges: unsignedIntSchema.min(1).nullable().optional(),
});
