import { createHash } from 'node:crypto';
import type { BlobId } from '../model.js';

/** "G" + hex sha256: a valid JMAP Id (RFC 8620 §1.2) that names the content. */
const blobIdPattern = /^G[0-9a-f]{64}$/;

export function blobIdOf(bytes: Uint8Array): BlobId {
  return `G${createHash('sha256').update(bytes).digest('hex')}` as BlobId;
}

export function toBlobId(value: string): BlobId | null {
  return blobIdPattern.test(value) ? (value as BlobId) : null;
}
