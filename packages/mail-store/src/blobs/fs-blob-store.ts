import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { BlobId } from '../model.js';
import { blobIdOf } from './blob-id.js';
import type { BlobStore } from './blob-store.js';

/**
 * Blobs as files under `<root>/ab/cd/<hash>`. Written to a temporary file, fsynced, renamed into
 * place and the directory fsynced, so that a crash leaves either no blob or the whole blob.
 */
export function createFsBlobStore(root: string): BlobStore {
  const pathOf = (id: BlobId) => {
    const hex = id.slice(1);
    return path.join(root, hex.slice(0, 2), hex.slice(2, 4), hex);
  };

  async function exists(file: string): Promise<boolean> {
    try {
      await stat(file);
      return true;
    } catch {
      return false;
    }
  }

  return {
    async put(bytes) {
      const id = blobIdOf(bytes);
      const file = pathOf(id);
      if (await exists(file)) return id;
      const dir = path.dirname(file);
      await mkdir(dir, { recursive: true });
      const temp = path.join(root, `.tmp-${randomBytes(8).toString('hex')}`);
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temp, file);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      const dirHandle = await open(dir, 'r');
      try {
        await dirHandle.sync();
      } finally {
        await dirHandle.close();
      }
      return id;
    },
    async has(id) {
      return exists(pathOf(id));
    },
    async read(id) {
      try {
        return new Uint8Array(await readFile(pathOf(id)));
      } catch {
        return null;
      }
    },
    async open(id) {
      // Open now, so that a missing blob is a null here rather than an error event later.
      let handle;
      try {
        handle = await open(pathOf(id), 'r');
      } catch {
        return null;
      }
      const { size } = await handle.stat();
      return { size, stream: handle.createReadStream() };
    },
  };
}
