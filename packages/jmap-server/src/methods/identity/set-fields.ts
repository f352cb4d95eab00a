import type { SetError } from '@colibri/jmap-types';
import { identityLimits } from '@colibri/mail-store';
import type { Address, CreateIdentityInput, UpdateIdentityInput } from '@colibri/mail-store';
import { z } from 'zod';
import { deepPatchPath, invalidProperties, parseProperties } from '../shared/set-properties.js';

/** RFC 8621 §4.1.2.3 EmailAddress; the address itself as the store accepts it (local@domain). */
const emailAddressSchema = z
  .strictObject({
    name: z.string().max(identityLimits.maxNameChars).nullable().optional(),
    email: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'not an email address'),
  })
  .transform((a): Address => ({ name: a.name ?? null, email: a.email }));
/** Addresses in replyTo or bcc: RFC 8621 sets no bound; a default is no mailing list. */
const maxAddresses = 100;
const addressesSchema = z.array(emailAddressSchema).max(maxAddresses).nullable();

/** RFC 8621 §6: the properties a client may set (`id` and `mayDelete` are the server's). */
const WRITABLE = {
  name: z.string().max(identityLimits.maxNameChars),
  email: z.string().min(1),
  replyTo: addressesSchema,
  bcc: addressesSchema,
  textSignature: z.string().max(identityLimits.maxSignatureChars),
  htmlSignature: z.string().max(identityLimits.maxSignatureChars),
};

/** RFC 8621 §6.3: an Identity create object; `email` is required. */
export function parseIdentityCreate(values: Record<string, unknown>): CreateIdentityInput | SetError {
  const fields = parseProperties(values, WRITABLE, {});
  if ('type' in fields) return fields;
  const { email } = fields;
  if (email === undefined) return invalidProperties(['email'], 'An identity needs an email.');
  return { ...fields, email };
}

/**
 * RFC 8621 §6.3 update: a PatchObject of top-level properties (replyTo and bcc are arrays,
 * replaced whole: RFC 8620 §5.3); `email` is immutable, so it may only be sent unchanged.
 */
export function parseIdentityPatch(
  patch: Record<string, unknown>,
  current: Record<string, unknown>,
): UpdateIdentityInput | SetError {
  const deep = deepPatchPath(patch, 'Identity');
  if (deep !== null) return deep;
  const fields = parseProperties(patch, WRITABLE, current);
  if ('type' in fields) return fields;
  const { email, ...update } = fields;
  if (email !== undefined && email !== current.email)
    return invalidProperties(['email'], 'The email of an identity cannot change.');
  return update;
}
