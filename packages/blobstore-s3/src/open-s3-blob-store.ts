import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { createS3Client, type S3BlobStoreOptions } from './options.js';
import { createS3BlobStore, type S3BlobStore } from './s3-blob-store.js';
import { S3BlobStoreError } from './s3-errors.js';

/**
 * Opens the S3 blob store and checks that the bucket answers (HEAD bucket), so that a wrong
 * endpoint, bucket or key fails at start with a clear `S3BlobStoreError`, not at the first mail.
 */
export async function openS3BlobStore(options: S3BlobStoreOptions): Promise<S3BlobStore> {
  const client = createS3Client(options);
  try {
    await client.send(new HeadBucketCommand({ Bucket: options.bucket }));
  } catch (error) {
    client.destroy();
    throw new S3BlobStoreError(
      'HEAD bucket',
      { bucket: options.bucket, endpoint: options.endpoint ?? 'AWS S3' },
      error,
    );
  }
  return createS3BlobStore(client, options);
}
