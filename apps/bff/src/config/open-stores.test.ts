import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores } from './open-stores.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('openStores', () => {
  it('opens S3 blobs when configured, and stops the start when the bucket does not answer', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'colibri-open-stores-'));
    // Port 1 (tcpmux) has no listener on a test machine: the connection is refused at once.
    const endpoint = 'http://127.0.0.1:1';
    const opening = openStores({
      dataDir: dir,
      blobs: {
        kind: 's3',
        bucket: 'mail',
        endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        prefix: '',
        credentials: { accessKeyId: 'id', secretAccessKey: 'not-in-messages' },
      },
    });
    await expect(opening).rejects.toThrow(`bucket "mail" failed: cannot reach the S3 server at ${endpoint}`);
    await expect(opening).rejects.not.toThrow(/not-in-messages/);
  });
});
