import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFsBlobStore } from '../src/blobs/fs-blob-store.js';
import { describeBlobStoreConformance } from '../src/testing/index.js';

/** The blob files under `root` (ab/cd/<hex>), not the temporary ones. */
function blobFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((rel) => !rel.startsWith('tmp') && statSync(path.join(root, rel)).isFile())
    .map((rel) => path.join(root, rel));
}

// STYLE 17: the port's suite, run here for the filesystem store and in blobstore-s3 for S3.
describeBlobStoreConformance('filesystem', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'colibri-fs-blobs-'));
  return {
    blobs: createFsBlobStore(root),
    async elapse(ms) {
      for (const file of blobFiles(root)) {
        const earlier = new Date(statSync(file).mtimeMs - ms);
        utimesSync(file, earlier, earlier);
      }
    },
    async storedCount() {
      return blobFiles(root).length;
    },
    async cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
});
