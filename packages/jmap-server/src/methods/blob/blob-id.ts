import type { BlobId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { toBlobId } from '../shared/ids.js';

/**
 * A wire blob id, or `#creationId` of a blob made earlier in the request (RFC 9404 §4.1: Blob/upload
 * records its creation ids like /set does, RFC 8620 §5.3). Null when it cannot be one of ours.
 */
export function resolveBlobId(ctx: MethodContext, wireId: string): BlobId | null {
  const id = wireId.startsWith('#') ? ctx.createdIds.get(wireId.slice(1)) : wireId;
  return id === undefined ? null : toBlobId(id);
}
