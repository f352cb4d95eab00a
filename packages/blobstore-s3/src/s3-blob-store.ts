import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { TooLargeError, toBlobId } from '@colibri/mail-store';
import type { BlobId, BlobStore } from '@colibri/mail-store';
import { keyLayout, type S3BlobStoreOptions } from './options.js';
import { s3Objects } from './s3-objects.js';

const mib = 1024 * 1024;
/** S3 refuses multipart parts under 5 MiB (but the last). */
const minPartSize = 5 * mib;
/** `putMany` requests in flight at once. */
const putManyConcurrency = 8;

/** The BlobStore port on S3, plus what only S3 needs. */
export interface S3BlobStore extends BlobStore {
  /**
   * Cleans up after crashes, for objects older than `olderThanMs` (default one hour): removes
   * what a `putStream` left under `tmp/`, and puts back a blob a `delete` left under `gc/` (it
   * may have been claimed; an unreferenced one is collected again). Returns how many.
   */
  sweepTemporaries(olderThanMs?: number): Promise<number>;
  /** Closes the SDK client's connections. */
  close(): void;
}

const hexOf = (id: BlobId) => id.slice(1);
const nonce = () => randomBytes(12).toString('hex');

/**
 * Content-addressed blobs as objects `<prefix>blobs/<sha256 hex>` (see CONTEXT.md for the
 * layout, the streaming scheme and the claim rule). `client` is made from `options` by
 * `openS3BlobStore`; tests may pass their own.
 */
export function createS3BlobStore(client: S3Client, options: S3BlobStoreOptions): S3BlobStore {
  const keys = keyLayout(options.prefix);
  const now = options.now ?? Date.now;
  const objects = s3Objects(client, options.bucket, options.endpoint ?? 'AWS S3');
  const partSize = Math.max(options.partSize ?? 8 * mib, minPartSize);
  const queueSize = Math.max(1, options.queueSize ?? 2);

  /**
   * The claim: an existing blob is marked as just put, so that garbage collection keeps it for
   * its idle period. A first HEAD spares new bytes a marker; the marker is then written before
   * the HEAD that decides, which is what makes `delete` safe against it (CONTEXT.md). False when
   * the blob is not stored: the caller writes it.
   */
  async function claimExisting(hex: string): Promise<boolean> {
    if ((await objects.head(keys.blob(hex))) === null) return false;
    await objects.put(keys.claim(hex), nonce(), now());
    return (await objects.head(keys.blob(hex))) !== null;
  }

  async function put(bytes: Uint8Array): Promise<BlobId> {
    const hex = createHash('sha256').update(bytes).digest('hex');
    if (!(await claimExisting(hex))) await objects.put(keys.blob(hex), bytes, now());
    return `G${hex}` as BlobId;
  }

  /** Puts a blob set aside by `delete` back (unless a put stored it again), then drops the copy. */
  async function putBack(aside: string, key: string): Promise<void> {
    if ((await objects.head(key)) === null) await objects.copy(aside, key);
    await objects.remove(aside);
  }

  /** Only a well-formed id may become a key. */
  const blobKey = (id: BlobId) => (toBlobId(id) === null ? null : keys.blob(hexOf(id)));

  async function open(id: BlobId) {
    const key = blobKey(id);
    return key === null ? null : objects.get(key);
  }

  return {
    put,
    async putStream(source, maxBytes) {
      const temp = keys.temporary(`stream-${nonce()}`);
      const hash = createHash('sha256');
      let size = 0;
      let refused: TooLargeError | undefined;
      async function* hashed() {
        for await (const chunk of source) {
          size += chunk.byteLength;
          if (size > maxBytes) throw (refused = new TooLargeError(`Blobs are limited to ${maxBytes} bytes`));
          hash.update(chunk);
          yield chunk;
        }
      }
      try {
        // The hash (the key) is known only at the end: upload to a temporary key in parts (at
        // most partSize × queueSize bytes held), then copy server-side to the content address.
        const upload = new Upload({
          client,
          params: { Bucket: options.bucket, Key: temp, Body: Readable.from(hashed()) },
          partSize,
          queueSize,
          leavePartsOnError: false,
        });
        try {
          await upload.done();
        } catch (error) {
          // Ours even when aborting the multipart upload failed too (and became the rejection).
          if (refused) throw refused;
          throw objects.fail(`streamed upload to ${temp}`, error);
        }
        const hex = hash.digest('hex');
        if (!(await claimExisting(hex)) && !(await objects.copy(temp, keys.blob(hex), now())))
          throw objects.fail(`COPY ${temp}`, new Error('the uploaded temporary object is missing'));
        return { blobId: `G${hex}` as BlobId, size };
      } finally {
        await objects.remove(temp).catch(() => undefined);
      }
    },
    async putMany(list) {
      const ids: BlobId[] = new Array<BlobId>(list.length);
      let next = 0;
      const worker = async () => {
        while (next < list.length) {
          const i = next++;
          ids[i] = await put(list[i]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(putManyConcurrency, list.length) }, worker));
      return ids;
    },
    async has(id) {
      const key = blobKey(id);
      return key !== null && (await objects.head(key)) !== null;
    },
    open,
    async read(id) {
      const opened = await open(id);
      if (opened === null) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    async delete(id, deleteOptions = {}) {
      const key = blobKey(id);
      if (key === null) return false;
      const hex = hexOf(id);
      const idleMs = deleteOptions.idleMs ?? 0;
      const blob = await objects.head(key);
      if (blob === null) return false;
      const claim = await objects.head(keys.claim(hex));
      const lastPut = Math.max(blob.putAtMs, claim?.putAtMs ?? 0);
      if (now() - lastPut < idleMs) return false;
      // S3 has no atomic rename: the blob is copied aside and deleted, then the claim marker is
      // read again; a put that claimed meanwhile changed it, and the blob is copied back.
      const aside = keys.aside(`${hex}-${nonce()}`);
      if (!(await objects.copy(key, aside))) return false;
      let claimedMeanwhile: boolean;
      try {
        await objects.remove(key);
        // Each claim writes a fresh nonce, so its ETag changes even within one clock tick.
        claimedMeanwhile = (await objects.head(keys.claim(hex)))?.etag !== claim?.etag;
      } catch (error) {
        // Unsure whether a put claimed it: back it goes (left in gc/ for the sweep if even that fails).
        await putBack(aside, key);
        throw error;
      }
      if (claimedMeanwhile) {
        await putBack(aside, key);
        return false;
      }
      await objects.remove(aside);
      await objects.remove(keys.claim(hex));
      return true;
    },
    async *list(listOptions = {}) {
      // Keys are `blobs/<hex>`, so key order is id order. LastModified is the server's time of
      // the write, not a later claim: GC only picks candidates from it, and its delete re-reads
      // the put time and the claim before removing anything.
      const after = listOptions.after === undefined ? undefined : blobKey(listOptions.after);
      for await (const { key, lastModifiedMs } of objects.list(keys.blobs, after ?? undefined)) {
        const blobId = toBlobId(`G${key.slice(keys.blobs.length)}`);
        if (blobId !== null) yield { blobId, modifiedAt: new Date(lastModifiedMs) };
      }
    },
    async sweepTemporaries(olderThanMs = 60 * 60 * 1000) {
      let swept = 0;
      for (const prefix of [keys.temporaries, keys.asides])
        for await (const { key, lastModifiedMs } of objects.list(prefix)) {
          if (now() - lastModifiedMs < olderThanMs) continue;
          // A blob set aside by a delete that died may be claimed: it goes back, never away.
          const hex = key.slice(keys.asides.length).split('-')[0] ?? '';
          if (prefix === keys.asides && toBlobId(`G${hex}`) !== null) await putBack(key, keys.blob(hex));
          else await objects.remove(key);
          swept++;
        }
      return swept;
    },
    close() {
      client.destroy();
    },
  };
}
