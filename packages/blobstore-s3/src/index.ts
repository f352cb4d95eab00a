export { openS3BlobStore } from './open-s3-blob-store.js';
export { createS3BlobStore } from './s3-blob-store.js';
export type { S3BlobStore } from './s3-blob-store.js';
export { createS3Client } from './options.js';
export type { S3BlobStoreOptions } from './options.js';
export { S3BlobStoreError } from './s3-errors.js';
