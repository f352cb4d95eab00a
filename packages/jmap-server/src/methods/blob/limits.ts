import type { BlobAccountCapability } from '@colibri/jmap-types';
import { maxUploadBytes } from '@colibri/mail-store';

/** RFC 9404 §4.3: the types Blob/lookup answers for, and the Blob/get digests (RFC 3230 names). */
export const BLOB_TYPE_NAMES = ['Mailbox', 'Thread', 'Email'] as const;
export const DIGEST_ALGORITHMS = { sha: 'sha1', 'sha-256': 'sha256' } as const;

/** RFC 9404 §4: the blob capability of every account (Blob/upload's limits). */
export const BLOB_ACCOUNT_CAPABILITY: BlobAccountCapability = {
  // Blob/upload builds the blob in memory from a JSON request: the store's upload limit is the cap.
  maxSizeBlobSet: maxUploadBytes,
  maxDataSources: 64,
  supportedTypeNames: [...BLOB_TYPE_NAMES],
  supportedDigestAlgorithms: Object.keys(DIGEST_ALGORITHMS),
};
