import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3BlobStore, createS3Client, openS3BlobStore, S3BlobStoreError } from '../src/index.js';
import type { BlobId } from '@colibri/mail-store';
import { openTestS3Store, s3Options } from './support/s3-fixture.js';
import { startS3Server, type TestS3Server } from './support/s3-server.js';

let server: TestS3Server;
beforeAll(async () => {
  server = await startS3Server();
});
afterAll(() => server?.stop());

const mib = 1024 * 1024;
const bytes = (s: string) => new TextEncoder().encode(s);
const idOf = (b: Uint8Array) => `G${createHash('sha256').update(b).digest('hex')}` as BlobId;

/** `total` bytes of a repeating pattern, made chunk by chunk (never whole), and their id. */
function generated(total: number, chunk = 64 * 1024) {
  const hash = createHash('sha256');
  for (let at = 0; at < total; at += chunk) hash.update(patternChunk(at, Math.min(chunk, total - at)));
  return {
    id: `G${hash.digest('hex')}` as BlobId,
    async *stream() {
      for (let at = 0; at < total; at += chunk) yield patternChunk(at, Math.min(chunk, total - at));
    },
  };
}
function patternChunk(at: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = ((at + i) * 31) % 251;
  return out;
}

// A collection on demand (no --expose-gc needed), so that memory samples count live bytes only;
// array buffers swept in the collection itself, else a busy machine still counts dead ones.
setFlagsFromString('--expose-gc');
setFlagsFromString('--no-concurrent-array-buffer-sweeping');
const collect = runInNewContext('gc') as () => void;
const live = () => {
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Peak growth of live memory (heapUsed + arrayBuffers after a collection) over the baseline, with
 * `sample` called by the work itself (every few chunks) while the blob is on its way.
 */
async function peakLiveGrowth(work: (sample: () => void) => Promise<void>): Promise<number> {
  const baseline = live();
  let peak = 0;
  await work(() => (peak = Math.max(peak, live() - baseline)));
  return peak;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('S3 blob store against s3rver (local S3-compatible emulator)', () => {
  it('keeps blobs at <prefix>blobs/<sha256 hex> and leaves no temporary object behind', async () => {
    const { blobs, keys } = openTestS3Store(server);
    const id = await blobs.put(bytes('hello'));
    const streamed = await blobs.putStream(generated(6 * mib).stream(), 10 * mib);
    await blobs.put(bytes('hello'));
    expect(await keys()).toEqual(
      [`blobs/${id.slice(1)}`, `blobs/${streamed.blobId.slice(1)}`, `claims/${id.slice(1)}`].sort(),
    );
    expect(await blobs.delete(id)).toBe(true);
    expect(await keys()).toEqual([`blobs/${streamed.blobId.slice(1)}`]);
    blobs.close();
  });

  it('keeps stores with different prefixes in one bucket apart', async () => {
    const one = openTestS3Store(server);
    const two = openTestS3Store(server);
    const id = await one.blobs.put(bytes('only in one'));
    expect(await two.blobs.has(id)).toBe(false);
    expect(await two.blobs.read(id)).toBeNull();
    one.blobs.close();
    two.blobs.close();
  });

  it(
    'streams a 32 MiB blob in and out in multipart parts, never holding it whole',
    { timeout: 60_000 },
    async () => {
      // queueSize 1: the upload holds one 5 MiB part being filled and one being sent.
      const { blobs } = openTestS3Store(server, { partSize: 5 * mib, queueSize: 1 });
      const big = generated(32 * mib);
      let stored: { blobId: BlobId; size: number } | undefined;
      const putGrowth = await peakLiveGrowth(async (sample) => {
        async function* sampled() {
          let n = 0;
          for await (const chunk of big.stream()) {
            if (n++ % 32 === 0) sample();
            yield chunk;
          }
        }
        stored = await blobs.putStream(sampled(), 50 * mib);
      });
      expect(stored).toEqual({ blobId: big.id, size: 32 * mib });
      let size = 0;
      const hash = createHash('sha256');
      const getGrowth = await peakLiveGrowth(async (sample) => {
        const opened = await blobs.open(big.id);
        expect(opened?.size).toBe(32 * mib);
        let n = 0;
        for await (const chunk of opened!.stream) {
          if (n++ % 128 === 0) sample();
          size += (chunk as Buffer).byteLength;
          hash.update(chunk as Buffer);
        }
      });
      expect(size).toBe(32 * mib);
      expect(`G${hash.digest('hex')}`).toBe(big.id);
      // Generous bounds (measured: put +11 MiB, one 5 MiB part filling and one in flight; open
      // +0.3 MiB), well under the 32 MiB that holding the blob whole would add.
      expect(putGrowth).toBeLessThan(20 * mib);
      expect(getGrowth).toBeLessThan(8 * mib);
      blobs.close();
    },
  );

  it('putStream over maxBytes aborts its multipart upload and leaves no object', async () => {
    const { blobs, keys } = openTestS3Store(server, { partSize: 5 * mib });
    await expect(blobs.putStream(generated(12 * mib).stream(), 11 * mib)).rejects.toMatchObject({
      code: 'tooLarge',
    });
    expect(await keys()).toEqual([]);
    blobs.close();
  });

  it('sweeps what a crashed putStream left, and puts back a blob a crashed delete set aside', async () => {
    const store = openTestS3Store(server);
    const kept = await store.blobs.put(bytes('a blob stays'));
    const aside = bytes('set aside by a delete that died');
    const asideHex = idOf(aside).slice(1);
    const put = (key: string, body: Uint8Array | string) =>
      store.client.send(
        new PutObjectCommand({ Bucket: server.bucket, Key: `${store.prefix}${key}`, Body: body }),
      );
    await put('tmp/stream-left', 'half');
    await put(`gc/${asideHex}-0123`, aside);
    expect(await store.blobs.sweepTemporaries()).toBe(0);
    store.elapse(2 * 60 * 60 * 1000);
    expect(await store.blobs.sweepTemporaries()).toBe(2);
    expect(await store.keys()).toEqual([`blobs/${kept.slice(1)}`, `blobs/${asideHex}`].sort());
    expect(await store.blobs.read(idOf(aside))).toEqual(aside);
    store.blobs.close();
  });

  describe('the claim rule against a concurrent delete (S3 has no atomic rename)', () => {
    type Importer = ReturnType<typeof openTestS3Store>;
    /**
     * A GC store and an importer on the same prefix: `during` runs once, on the GC client, just
     * before the request `when` picks (`removed`: the blob's removal has been sent), so that the
     * importer's put lands exactly in the gap between two of delete's steps.
     */
    function interleaved(
      when: (command: string, key: string, removed: boolean) => boolean,
      during: (importer: Importer) => Promise<unknown>,
    ) {
      const gc = openTestS3Store(server);
      const importer = openTestS3Store(server, { prefix: gc.prefix });
      let fired = false;
      let removed = false;
      gc.client.middlewareStack.add(
        (next, context) => async (args) => {
          const command = context.commandName ?? '';
          const key = String((args.input as { Key?: string }).Key ?? '').slice(gc.prefix.length);
          if (!fired && when(command, key, removed)) {
            fired = true;
            await during(importer);
          }
          const result = await next(args);
          if (command === 'DeleteObjectCommand' && key.startsWith('blobs/')) removed = true;
          return result;
        },
        { step: 'initialize', name: 'interleave' },
      );
      const close = () => {
        gc.blobs.close();
        importer.blobs.close();
      };
      return { gc, close };
    }
    const idle = { idleMs: 15 * 60 * 1000 };
    const hour = 60 * 60 * 1000;

    it('restores a blob claimed between its copy aside and its removal', async () => {
      const content = bytes('claimed at the worst moment');
      const { gc, close } = interleaved(
        (command, key) => command === 'DeleteObjectCommand' && key.startsWith('blobs/'),
        (importer) => importer.blobs.put(content),
      );
      const id = await gc.blobs.put(content);
      gc.elapse(hour);
      // The importer found the blob stored (and will reference it): delete must not win.
      expect(await gc.blobs.delete(id, idle)).toBe(false);
      expect(await gc.blobs.read(id)).toEqual(content);
      expect((await gc.keys()).filter((k) => !k.startsWith('claims/'))).toEqual([`blobs/${id.slice(1)}`]);
      close();
    });

    it('lets a put after the removal store the blob anew', async () => {
      const content = bytes('put just after the delete');
      const { gc, close } = interleaved(
        (command, key, removed) => removed && command === 'HeadObjectCommand' && key.startsWith('claims/'),
        (importer) => importer.blobs.put(content),
      );
      const id = await gc.blobs.put(content);
      gc.elapse(hour);
      await gc.blobs.delete(id, idle);
      expect(await gc.blobs.read(id)).toEqual(content);
      close();
    });

    it('puts the blob back when delete fails after removing it', async () => {
      const content = bytes('the network went away mid-delete');
      const { gc, close } = interleaved(
        (command, key, removed) => removed && command === 'HeadObjectCommand' && key.startsWith('claims/'),
        async () => {
          throw new Error('connection lost');
        },
      );
      const id = await gc.blobs.put(content);
      gc.elapse(hour);
      await expect(gc.blobs.delete(id, idle)).rejects.toThrow(/connection lost/);
      expect(await gc.blobs.read(id)).toEqual(content);
      expect(await gc.keys()).toEqual([`blobs/${id.slice(1)}`]);
      close();
    });
  });

  it('fails with a clear error, naming endpoint and bucket but no secret, when S3 is unreachable', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const options = s3Options(server, {
      endpoint,
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'do-not-print-me' },
    });
    const opening = openS3BlobStore(options);
    await expect(opening).rejects.toBeInstanceOf(S3BlobStoreError);
    await expect(opening).rejects.toMatchObject({ unreachable: true });
    await expect(opening).rejects.toThrow(
      `S3 blob store: HEAD bucket in bucket "${server.bucket}" failed: cannot reach the S3 server at ${endpoint}`,
    );
    await expect(opening).rejects.not.toThrow(/do-not-print-me/);
    // Once open, an operation fails the same way (not as a missing blob).
    const blobs = createS3BlobStore(createS3Client(options), options);
    await expect(blobs.has(idOf(bytes('x')))).rejects.toThrow(/HEAD .*blobs\/.* cannot reach the S3 server/);
    await expect(blobs.put(bytes('x'))).rejects.toMatchObject({ unreachable: true });
    blobs.close();
  });

  it('refuses to open on a bucket that does not exist', async () => {
    const opening = openS3BlobStore(s3Options(server, { bucket: 'no-such-bucket', maxAttempts: 1 }));
    await expect(opening).rejects.toThrow(
      /HEAD bucket in bucket "no-such-bucket" failed: the S3 server .* answered HTTP 404/,
    );
    await expect(opening).rejects.toMatchObject({ unreachable: false });
  });
});
