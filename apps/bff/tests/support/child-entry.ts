import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bffRoot = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = path.resolve(bffRoot, '../..');

/** The newest modification time of the TypeScript files under `dir` (0 when there is none). */
function newestSource(dir: string): number {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** `tsc -b` rewrites a project's build info whenever it compiles it: sources newer than it are not built. */
function isBuilt(projectDir: string, sourceDirs: string[]): boolean {
  let builtAt: number;
  try {
    builtAt = statSync(path.join(projectDir, 'dist', 'tsconfig.tsbuildinfo')).mtimeMs;
  } catch {
    return false;
  }
  return sourceDirs.every((dir) => newestSource(path.join(projectDir, dir)) <= builtAt);
}

function compiledIsCurrent(): boolean {
  if (!isBuilt(bffRoot, ['src', 'tests'])) return false;
  const packages = readdirSync(path.join(repoRoot, 'packages'), { withFileTypes: true });
  return packages
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(repoRoot, 'packages', entry.name))
    .filter((dir) => statSync(path.join(dir, 'dist'), { throwIfNoEntry: false }) !== undefined)
    .every((dir) => isBuilt(dir, ['src']));
}

/**
 * Node's arguments to run a test's child BFF (`tests/support/<name>.ts`, from the BFF's folder).
 * Tests that start many children (the SIGKILL durability test starts 51) spend most of their time
 * loading modules; the compiled output loads about three times faster than the sources through
 * tsx. It is used only when `tsc -b` has built every source as it is now (CI builds first), so a
 * test never runs stale code.
 */
export function childNodeArgs(name: string): string[] {
  if (compiledIsCurrent()) return [path.join('dist', 'tests', 'support', `${name}.js`)];
  return ['--import', 'tsx', '--conditions=@colibri/source', path.join('tests', 'support', `${name}.ts`)];
}
