// `npm test` / `pnpm test`: everything CI checks, on a fresh machine.
// Installs what it needs (Debian's chromium with apt-get when missing, pnpm dependencies), then
// typecheck + build, lint, unit and integration tests, the Playwright suites, the Storybook build.
import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies, log, pnpm, run } from './toolchain.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is missing at ${chromium}: run "sudo apt-get install chromium" or set CHROMIUM_PATH.`,
    );
  }
  log('installing Debian chromium with apt-get');
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * The tests open hundreds of stores, each committing with fsync: in a folder on tmpfs
 * (/dev/shm) the unit step takes about half the time. Nothing is lost for what the tests check:
 * the durability test kills processes, and a killed process's writes survive in the page cache.
 * Only when /dev/shm is a tmpfs with room to spare (containers often give it 64 MB).
 */
function fastTempDir() {
  const shm = '/dev/shm';
  try {
    const fs = statfsSync(shm);
    const TMPFS_MAGIC = 0x01021994;
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < 4 * 1024 ** 3) return null;
    return mkdtempSync(path.join(shm, 'colibri-test-'));
  } catch {
    return null;
  }
}

const steps = [
  ['install', () => (ensureChromium(), ensureDependencies())],
  ['typecheck and build', () => pnpm(['run', 'build'])],
  ['lint', () => pnpm(['run', 'lint'])],
  ['unit and integration tests', () => pnpm(['run', 'test:unit'])],
  ['end-to-end (Playwright, Chromium)', () => pnpm(['run', 'e2e'])],
  ['storybook build', () => pnpm(['run', 'storybook:build'])],
];

const only = process.argv.slice(2);
const tempDir = fastTempDir();
if (tempDir) {
  log(`temporary files of the tests in ${tempDir} (tmpfs)`);
  process.env.TMPDIR = tempDir;
}
const results = [];
for (const [name, step] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  const started = Date.now();
  log(`── ${name}`);
  try {
    step();
    results.push([name, 'passed', Date.now() - started]);
  } catch (error) {
    results.push([name, 'FAILED', Date.now() - started]);
    console.error(`\n${error.message}`);
    break;
  }
}

if (tempDir) rmSync(tempDir, { recursive: true, force: true });

console.log('\nColibri test command');
for (const [name, status, ms] of results)
  console.log(`  ${status.padEnd(7)} ${name.padEnd(36)} ${(ms / 1000).toFixed(1)}s`);
const failed = results.filter(([, s]) => s !== 'passed').length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
