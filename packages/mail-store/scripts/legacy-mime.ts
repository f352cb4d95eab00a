// The recursive MIME parser the streaming walker replaced, loaded from git for the comparison
// scripts (compare-mime-walker.ts, time-mime-walker.ts): no second parser lives in the tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MimeTree } from '../src/mime/mime-tree.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
/** The last commit with the recursive `parseMimeTree` (before the streaming walker). */
export const legacyCommit = '2bd9650';

const files = ['mime-tree', 'header-block', 'limits', 'structured-header', 'transfer-decoding', 'charset'];

/** Writes the old files to a temporary folder (inside the package, so postal-mime resolves) and imports them. */
export async function loadLegacyParser(
  commit = legacyCommit,
): Promise<{ parseMimeTree(raw: Uint8Array): MimeTree; dispose(): void }> {
  const dir = path.join(here, `.legacy-mime-${process.pid}`);
  mkdirSync(path.join(dir, 'mime'), { recursive: true });
  for (const file of files) {
    const source = execFileSync('git', ['show', `${commit}:packages/mail-store/src/mime/${file}.ts`], {
      cwd: repoRoot,
      maxBuffer: 1 << 24,
    });
    writeFileSync(path.join(dir, 'mime', `${file}.ts`), source);
  }
  const legacy = (await import(pathToFileURL(path.join(dir, 'mime', 'mime-tree.ts')).href)) as {
    parseMimeTree(raw: Uint8Array): MimeTree;
  };
  return {
    parseMimeTree: legacy.parseMimeTree,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
