import { mkdir } from 'node:fs/promises';
import { openMailStore } from '@colibri/mail-store';
import type { MailStore } from '@colibri/mail-store';
import type { BlobsConfig } from './blob-config.js';
import type { ColibriConfig } from './config.js';

/** The storage roles the BFF works with; later issues add search, pub/sub... that fall back to `mail`. */
export interface Stores {
  mail: MailStore;
}

/**
 * The one place that chooses storage backends (DESIGN.md): the embedded store (SQLite) in the
 * data folder, with its blobs there too or on S3 (`COLIBRI_BLOBS`); PostgreSQL will be chosen here.
 */
export async function openStores(
  config: Pick<ColibriConfig, 'dataDir' | 'uploadTtlMs'> & { blobs?: BlobsConfig },
): Promise<Stores> {
  await mkdir(config.dataDir, { recursive: true });
  const options = { dataDir: config.dataDir, uploadTtlMs: config.uploadTtlMs };
  if (config.blobs?.kind !== 's3') return { mail: await openMailStore(options) };
  const { bucket, endpoint, region, forcePathStyle, prefix, credentials } = config.blobs;
  // Loaded only for S3: the AWS SDK is a large part of the start-up time of a process without it.
  const { openS3BlobStore } = await import('@colibri/blobstore-s3');
  // Checks the bucket now: a wrong endpoint or bucket stops the start with a clear message.
  const blobs = await openS3BlobStore({
    bucket,
    region,
    forcePathStyle,
    prefix,
    ...(endpoint !== null ? { endpoint } : {}),
    ...(credentials !== null ? { credentials } : {}),
  });
  const mail = await openMailStore({ ...options, blobStore: blobs });
  return {
    mail: {
      ...mail,
      async close() {
        await mail.close();
        blobs.close();
      },
    },
  };
}
