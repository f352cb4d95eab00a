import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { isNotFound, S3BlobStoreError } from './s3-errors.js';

/** What a HEAD tells: enough for the idle rule and for "was it rewritten meanwhile". */
export interface ObjectHead {
  /** When the store put (or claimed) it, by the store's clock; else the server's LastModified. */
  putAtMs: number;
  etag: string;
  size: number;
}

/** User metadata (`x-amz-meta-colibri-put-at`): the store's clock, in ms, when it put the object. */
const putAtField = 'colibri-put-at';

/**
 * The few object operations the blob store needs, on one bucket: a missing object is `null` or
 * `false`, any other failure an `S3BlobStoreError` that says what was tried where.
 */
export interface S3Objects {
  head(key: string): Promise<ObjectHead | null>;
  put(key: string, body: Uint8Array | string, putAtMs: number): Promise<void>;
  /** Server-side copy (no bytes through us), stamped anew when `putAtMs` is given; false when the source is missing. */
  copy(from: string, to: string, putAtMs?: number): Promise<boolean>;
  remove(key: string): Promise<void>;
  get(key: string): Promise<{ size: number; stream: Readable } | null>;
  /** Keys (with LastModified) under a prefix, page by page. */
  /** Keys under `prefix` in key order, from just after `startAfter` when given. */
  list(prefix: string, startAfter?: string): AsyncIterable<{ key: string; lastModifiedMs: number }>;
  fail(operation: string, cause: unknown): S3BlobStoreError;
}

export function s3Objects(client: S3Client, bucket: string, endpoint: string): S3Objects {
  const where = { bucket, endpoint };
  const fail = (operation: string, cause: unknown) =>
    cause instanceof S3BlobStoreError ? cause : new S3BlobStoreError(operation, where, cause);
  // S3 copy sources are "bucket/key", URL-encoded (keys here are hex and slashes, but prefixes vary).
  const source = (key: string) => `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;

  return {
    fail,
    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        const stamped = Number(out.Metadata?.[putAtField]);
        return {
          putAtMs: Number.isFinite(stamped) ? stamped : (out.LastModified?.getTime() ?? 0),
          etag: out.ETag ?? '',
          size: out.ContentLength ?? 0,
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw fail(`HEAD ${key}`, error);
      }
    },
    async put(key, body, putAtMs) {
      try {
        const Metadata = { [putAtField]: String(putAtMs) };
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, Metadata }));
      } catch (error) {
        throw fail(`PUT ${key}`, error);
      }
    },
    async copy(from, to, putAtMs) {
      try {
        const stamp =
          putAtMs === undefined
            ? {}
            : { MetadataDirective: 'REPLACE' as const, Metadata: { [putAtField]: String(putAtMs) } };
        await client.send(
          new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: source(from), ...stamp }),
        );
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw fail(`COPY ${from} to ${to}`, error);
      }
    },
    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        if (!isNotFound(error)) throw fail(`DELETE ${key}`, error);
      }
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        // In Node the body is an http.IncomingMessage: a Readable that streams from the socket.
        return { size: out.ContentLength ?? 0, stream: out.Body as Readable };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw fail(`GET ${key}`, error);
      }
    },
    async *list(prefix, startAfter) {
      let token: string | undefined;
      do {
        let page;
        try {
          page = await client.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix,
              ContinuationToken: token,
              ...(token === undefined && startAfter !== undefined ? { StartAfter: startAfter } : {}),
            }),
          );
        } catch (error) {
          throw fail(`LIST ${prefix}`, error);
        }
        for (const item of page.Contents ?? [])
          if (item.Key !== undefined)
            yield { key: item.Key, lastModifiedMs: item.LastModified?.getTime() ?? 0 };
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    },
  };
}
