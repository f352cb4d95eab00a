import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentHash } from './hash.js';
import type { ImportSource } from './source-message.js';

export async function hasEmlFiles(dir: string): Promise<boolean> {
  return (await readdir(dir)).some((n) => n.toLowerCase().endsWith('.eml'));
}

/** One `.eml` file, or a folder of them (not recursive), in name order; receivedAt = mtime. */
export async function openEml(target: string, realTarget: string, isFolder: boolean): Promise<ImportSource> {
  const files = isFolder
    ? (await readdir(target))
        .filter((n) => n.toLowerCase().endsWith('.eml'))
        .sort()
        .map((n) => path.join(target, n))
    : [target];
  return {
    kind: 'eml',
    total: files.length,
    unit: 'messages',
    async *messages() {
      for (const [i, file] of files.entries()) {
        const raw = await readFile(file);
        const name = isFolder ? path.basename(file) : '';
        yield {
          raw,
          key: `eml:${realTarget}:${name}:${contentHash(raw)}`,
          where: file,
          folder: [],
          keywords: [],
          receivedAt: (await stat(file)).mtime,
          progress: i + 1,
        };
      }
    },
  };
}
