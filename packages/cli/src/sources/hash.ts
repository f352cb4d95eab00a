import { createHash } from 'node:crypto';

/** The first 128 bits of the SHA-256 of the bytes, hex: the content part of an import key. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
