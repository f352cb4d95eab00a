import { randomBytes } from 'node:crypto';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import {
  createS3BlobStore,
  createS3Client,
  type S3BlobStore,
  type S3BlobStoreOptions,
} from '../../src/index.js';
import type { TestS3Server } from './s3-server.js';

/** A store of its own in the shared test bucket (a fresh key prefix), with a clock tests can move. */
export interface TestS3Store {
  blobs: S3BlobStore;
  client: S3Client;
  prefix: string;
  options: S3BlobStoreOptions;
  elapse(ms: number): void;
  /** Every key under the store's prefix, relative to it, sorted. */
  keys(): Promise<string[]>;
}

export function s3Options(server: TestS3Server, extra: Partial<S3BlobStoreOptions> = {}): S3BlobStoreOptions {
  return {
    endpoint: server.endpoint,
    bucket: server.bucket,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: server.credentials,
    prefix: `t-${randomBytes(6).toString('hex')}/`,
    ...extra,
  };
}

export function openTestS3Store(server: TestS3Server, extra: Partial<S3BlobStoreOptions> = {}): TestS3Store {
  let offset = 0;
  const options = s3Options(server, { now: () => Date.now() + offset, ...extra });
  const client = createS3Client(options);
  const prefix = options.prefix!;
  return {
    blobs: createS3BlobStore(client, options),
    client,
    prefix,
    options,
    elapse(ms) {
      offset += ms;
    },
    async keys() {
      const out = await client.send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: prefix }));
      return (out.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
    },
  };
}
