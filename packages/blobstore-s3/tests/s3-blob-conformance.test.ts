import { describeBlobStoreConformance } from '@colibri/mail-store/testing';
import { afterAll, beforeAll } from 'vitest';
import { openTestS3Store } from './support/s3-fixture.js';
import { startS3Server, type TestS3Server } from './support/s3-server.js';

let server: TestS3Server;
beforeAll(async () => {
  server = await startS3Server();
});
afterAll(() => server?.stop());

// STYLE 17: the port's suite, the same the filesystem store passes, on a real S3 server.
describeBlobStoreConformance('S3 against s3rver (local S3-compatible emulator)', async () => {
  const store = openTestS3Store(server);
  return {
    blobs: store.blobs,
    async elapse(ms) {
      store.elapse(ms);
    },
    async storedCount() {
      return (await store.keys()).filter((key) => key.startsWith('blobs/')).length;
    },
    async cleanup() {
      store.blobs.close();
    },
  };
});
