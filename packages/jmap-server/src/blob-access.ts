import type { Readable } from 'node:stream';
import type { AccountId, BlobId, MailStore } from '@colibri/mail-store';
import { mailAccessOf } from './access.js';
import { openBlobFor, uploadAccountOf } from './methods/shared/mail-visibility.js';
import type { Principal } from './principal.js';

/**
 * RFC 8620 §6.2 download for the BFF: a blob of `accountId` as the principal may read it (their
 * own account's, or of an email shared with them, RFC 9670), or null, whatever the reason.
 */
export async function openBlobAs(
  store: MailStore,
  principal: Principal,
  accountId: string,
  blobId: BlobId,
): Promise<{ size: number; stream: Readable } | null> {
  const access = await mailAccessOf(store, principal, accountId);
  return access === null ? null : openBlobFor({ store, principal }, access, blobId);
}

/**
 * RFC 8620 §6.1 upload for the BFF: the account an upload to `accountId` is kept in (the account
 * itself for its owner, the sharee's own for an account shared with them), or null when the
 * principal has no access to it.
 */
export async function uploadAccountFor(
  store: MailStore,
  principal: Principal,
  accountId: string,
): Promise<AccountId | null> {
  const access = await mailAccessOf(store, principal, accountId);
  return access === null ? null : uploadAccountOf({ store, principal }, access);
}
