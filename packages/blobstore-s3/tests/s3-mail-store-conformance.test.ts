import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openMailStore } from '@colibri/mail-store';
import { describeMailStoreConformance } from '@colibri/mail-store/testing';
import { afterAll, beforeAll } from 'vitest';
import { openTestS3Store } from './support/s3-fixture.js';
import { startS3Server, type TestS3Server } from './support/s3-server.js';

let server: TestS3Server;
beforeAll(async () => {
  server = await startS3Server();
});
afterAll(() => server?.stop());

// The whole store suite with its blobs on S3: proof that the port is all the store needs.
describeMailStoreConformance(
  'SQLite metadata + S3 blobs on s3rver (local S3-compatible emulator)',
  async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'colibri-s3-store-'));
    const { blobs } = openTestS3Store(server);
    const store = await openMailStore({ dataDir, blobStore: blobs });
    return {
      store,
      async cleanup() {
        await store.close();
        blobs.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
);
