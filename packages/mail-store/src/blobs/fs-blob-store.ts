import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { TooLargeError } from '../errors.js';
import type { BlobId } from '../model.js';
import { blobIdOf, toBlobId } from './blob-id.js';
import type { BlobStore } from './blob-store.js';

/** Fan-out folders remembered as existing (all of them: 256 * 256). */
const maxRememberedDirs = 65_536;

/** A temporary file this old was left by a crash (no write takes an hour): it is removed at open. */
const staleTemporaryMs = 60 * 60 * 1000;

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function fsyncPath(file: string, flags: string): Promise<void> {
  const handle = await open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Marks an existing blob as just put (its mtime), so that garbage collection, which keeps blobs
 * put within its idle period, cannot remove it under an import that found it already stored.
 * False when the file is not (or no longer) there: the caller writes it.
 */
async function claimExisting(file: string): Promise<boolean> {
  try {
    const now = new Date();
    await utimes(file, now, now);
    return true;
  } catch {
    return false;
  }
}

/** Writes a new file (never an existing one) and fsyncs it, so a rename publishes whole bytes. */
async function writeSynced(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The names in a folder that match `pattern`, sorted; none when the folder is gone. */
async function sortedNames(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => pattern.test(name)).sort();
  } catch {
    return [];
  }
}

const fanOutName = /^[0-9a-f]{2}$/;
const blobFileName = /^[0-9a-f]{64}$/;

function sweepTemporaryFiles(dir: string): number {
  let swept = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > staleTemporaryMs) {
        rmSync(file, { force: true });
        swept++;
      }
    } catch {
      // Another process finished (renamed) it meanwhile: nothing to clean.
    }
  }
  return swept;
}

/**
 * Blobs as files under `<root>/ab/cd/<sha256 hex>`. Written to `<root>/tmp/`, fsynced, renamed
 * into place and the directory fsynced, so that a crash leaves either no blob or the whole blob
 * (never a torn one); identical bytes are stored once.
 */
export function createFsBlobStore(root: string): BlobStore {
  const tmp = path.join(root, 'tmp');
  mkdirSync(tmp, { recursive: true });
  sweepTemporaryFiles(tmp);

  // The 65,536 fan-out folders, once made, are not made again (putMany skips their mkdir).
  const madeDirs = new Set<string>();
  const temporaryPathFor = (id: BlobId) =>
    path.join(tmp, `${id.slice(1, 17)}-${randomBytes(8).toString('hex')}`);

  /** Makes a fan-out folder once: one step less (a trip through the thread pool) per later put. */
  const madeDir = async (dir: string) => {
    if (madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    if (madeDirs.size < maxRememberedDirs) madeDirs.add(dir);
  };

  /** Renames a temporary file into its fan-out folder, made again should it have gone meanwhile. */
  const renameInto = async (temp: string, file: string) => {
    try {
      await rename(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const dir = path.dirname(file);
      madeDirs.delete(dir);
      await madeDir(dir);
      await rename(temp, file);
    }
  };

  const pathOf = (id: BlobId): string | null => {
    // Ids reach here from callers; only a well-formed one may become a path.
    if (toBlobId(id) === null) return null;
    const hex = id.slice(1);
    return path.join(root, hex.slice(0, 2), hex.slice(2, 4), hex);
  };

  return {
    async put(bytes) {
      const id = blobIdOf(bytes);
      const file = pathOf(id)!;
      if (await claimExisting(file)) return id;
      const dir = path.dirname(file);
      await madeDir(dir);
      const temp = temporaryPathFor(id);
      try {
        await writeSynced(temp, bytes);
        await renameInto(temp, file);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      await fsyncPath(dir, 'r');
      return id;
    },
    async putStream(source, maxBytes) {
      const temp = path.join(tmp, `stream-${randomBytes(12).toString('hex')}`);
      const hash = createHash('sha256');
      let size = 0;
      try {
        const handle = await open(temp, 'wx');
        try {
          for await (const chunk of source) {
            size += chunk.byteLength;
            if (size > maxBytes) throw new TooLargeError(`Blobs are limited to ${maxBytes} bytes`);
            hash.update(chunk);
            await handle.write(chunk);
          }
          await handle.sync();
        } finally {
          await handle.close();
        }
        const blobId = `G${hash.digest('hex')}` as BlobId;
        const file = pathOf(blobId)!;
        if (await claimExisting(file)) {
          await unlink(temp);
          return { blobId, size };
        }
        const dir = path.dirname(file);
        await madeDir(dir);
        await renameInto(temp, file);
        await fsyncPath(dir, 'r');
        return { blobId, size };
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
    async putMany(list) {
      // Same steps as put, but in rounds over the whole batch: write and fsync every temporary file
      // (in parallel), rename each into place, then fsync each touched directory once. A blob is
      // reported stored only after its rename and directory fsync, as with put.
      const ids = list.map((bytes) => blobIdOf(bytes));
      const pending = new Map<BlobId, Uint8Array>();
      await Promise.all(
        ids.map(async (id, i) => {
          // An existing blob is claimed (mtime refreshed) so that GC's idle period protects it too.
          if (!pending.has(id) && !(await claimExisting(pathOf(id)!))) pending.set(id, list[i]!);
        }),
      );
      const temps = new Map<BlobId, string>();
      try {
        await Promise.all(
          [...pending].map(async ([id, bytes]) => {
            const temp = temporaryPathFor(id);
            temps.set(id, temp);
            await writeSynced(temp, bytes);
          }),
        );
        const dirs = new Set<string>();
        for (const id of pending.keys()) {
          const file = pathOf(id)!;
          dirs.add(path.dirname(file));
        }
        await Promise.all(
          [...dirs].filter((dir) => !madeDirs.has(dir)).map((dir) => mkdir(dir, { recursive: true })),
        );
        for (const dir of dirs) if (madeDirs.size < maxRememberedDirs) madeDirs.add(dir);
        await Promise.all([...temps].map(([id, temp]) => renameInto(temp, pathOf(id)!)));
        await Promise.all([...dirs].map((dir) => fsyncPath(dir, 'r')));
      } catch (error) {
        await Promise.all([...temps.values()].map((t) => unlink(t).catch(() => undefined)));
        throw error;
      }
      return ids;
    },
    async has(id) {
      const file = pathOf(id);
      return file !== null && exists(file);
    },
    async read(id) {
      const file = pathOf(id);
      if (file === null) return null;
      try {
        return new Uint8Array(await readFile(file));
      } catch {
        return null;
      }
    },
    async open(id) {
      const file = pathOf(id);
      if (file === null) return null;
      // Open now, so that a missing blob is a null here rather than an error event on the stream.
      let handle;
      try {
        handle = await open(file, 'r');
      } catch {
        return null;
      }
      try {
        const { size } = await handle.stat();
        return { size, stream: handle.createReadStream() };
      } catch {
        await handle.close();
        return null;
      }
    },
    async delete(id, options = {}) {
      const file = pathOf(id);
      if (file === null) return false;
      const idleMs = options.idleMs ?? 0;
      const isIdle = async (f: string) => Date.now() - (await stat(f)).mtimeMs >= idleMs;
      try {
        if (!(await isIdle(file))) return false;
        // Moved aside first, then looked at again: a put that claimed the file before the move
        // shows in its mtime (and the file goes back); one after the move finds no file and writes
        // it anew. So a claimed blob is never lost between the check and the unlink.
        const aside = path.join(tmp, `gc-${id.slice(1, 17)}-${randomBytes(8).toString('hex')}`);
        await rename(file, aside);
        if (!(await isIdle(aside))) {
          await rename(aside, file);
          return false;
        }
        await unlink(aside);
        return true;
      } catch {
        return false;
      }
    },
    async *list(options = {}) {
      // Folder by folder in name order (= blob id order), one folder's names in memory at a time:
      // at most 256 + 256 + the blobs of one leaf folder. `tmp/` and stray names never match.
      const after = options.after !== undefined && toBlobId(options.after) ? options.after.slice(1) : '';
      for (const a of await sortedNames(root, fanOutName)) {
        if (a < after.slice(0, 2)) continue;
        for (const b of await sortedNames(path.join(root, a), fanOutName)) {
          if (a + b < after.slice(0, 4)) continue;
          const dir = path.join(root, a, b);
          for (const name of await sortedNames(dir, blobFileName)) {
            if (name <= after || !name.startsWith(a + b)) continue;
            let modifiedMs: number;
            try {
              modifiedMs = (await stat(path.join(dir, name))).mtimeMs;
            } catch {
              continue; // Collected meanwhile.
            }
            yield { blobId: `G${name}` as BlobId, modifiedAt: new Date(modifiedMs) };
          }
        }
      }
    },
    async sweepTemporaries() {
      return sweepTemporaryFiles(tmp);
    },
  };
}
