import { Capability } from '@colibri/jmap-types';
import type { Invocation, JmapResponse } from '@colibri/jmap-types';
import type { AccountId, BlobId } from '@colibri/mail-store';
import type { Fixture } from './fixture.js';

/** Core, Mail and Blob (RFC 9404) in `using`. */
export const BLOB_USING = [Capability.Core, Capability.Mail, Capability.Blob];

/** Sends `methodCalls` with the blob capability too, as alice (or `principal`). */
export async function callWithBlob(
  f: Fixture,
  methodCalls: Invocation[],
  principal = f.alice,
): Promise<JmapResponse> {
  const { status, body } = await f.engine.handleRequest(principal, { using: BLOB_USING, methodCalls });
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
  return body as JmapResponse;
}

/** Uploads bytes as the HTTP upload endpoint would (RFC 8620 §6.1) and returns the blob id. */
export async function upload(
  f: Fixture,
  bytes: Uint8Array | string,
  accountId: AccountId = f.alice.accountId,
  type = 'message/rfc822',
): Promise<BlobId> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  async function* source() {
    yield data;
  }
  return (await f.store.createUpload(accountId, source(), type)).blobId;
}
