import type { SetError } from '@colibri/jmap-types';
import { z } from 'zod';
import { invalidProperties, parseProperties } from '../shared/set-properties.js';
import { deepPatchPath } from '../shared/set-properties.js';

/**
 * RFC 9661 §2: the properties a client may set. `id` and `isActive` are the server's (activation
 * is /set's onSuccessActivateScript); the name's own rules (RFC 5804 §1.6) are the store's.
 */
const WRITABLE = {
  name: z.string().min(1).nullable(),
  // An id, or `#creationId` of a Blob/upload earlier in the request (RFC 9404 §4.1).
  blobId: z.string().min(1),
};

export interface SieveScriptFields {
  name?: string | null;
  blobId?: string;
}

/** RFC 9661 §2.4: a create object; `blobId` is required, `name` may be null (the server names it). */
export function parseSieveScriptCreate(
  values: Record<string, unknown>,
): (SieveScriptFields & { blobId: string }) | SetError {
  // A client may send isActive: false, what the new script will be.
  const fields = parseProperties(values, WRITABLE, { isActive: false });
  if ('type' in fields) return fields;
  const { blobId } = fields;
  if (blobId === undefined) return invalidProperties(['blobId'], 'A script needs a blobId.');
  return { ...fields, blobId };
}

/** RFC 9661 §2.4 update: name and blobId change; a name cannot become null. */
export function parseSieveScriptPatch(
  patch: Record<string, unknown>,
  current: Record<string, unknown>,
): { name?: string; blobId?: string } | SetError {
  const deep = deepPatchPath(patch, 'SieveScript');
  if (deep !== null) return deep;
  const fields = parseProperties(patch, WRITABLE, current);
  if ('type' in fields) return fields;
  const { name, ...rest } = fields;
  if (name === null) return invalidProperties(['name'], 'A script name cannot be null.');
  return name === undefined ? rest : { ...rest, name };
}
