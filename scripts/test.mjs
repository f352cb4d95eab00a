// `npm test` / `pnpm test`: everything CI checks, on a fresh machine.
// Installs what it needs (Debian's chromium with apt-get when missing, pnpm dependencies), then
// typecheck + build, lint, unit and integration tests, the Playwright suites, the Storybook build.
import { existsSync } from 'node:fs';
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

const steps = [
  ['install', () => (ensureChromium(), ensureDependencies())],
  ['typecheck and build', () => pnpm(['run', 'build'])],
  ['lint', () => pnpm(['run', 'lint'])],
  ['unit and integration tests', () => pnpm(['run', 'test:unit'])],
  ['end-to-end (Playwright, Chromium)', () => pnpm(['run', 'e2e'])],
  ['storybook build', () => pnpm(['run', 'storybook:build'])],
];

const only = process.argv.slice(2);
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

console.log('\nColibri test command');
for (const [name, status, ms] of results)
  console.log(`  ${status.padEnd(7)} ${name.padEnd(36)} ${(ms / 1000).toFixed(1)}s`);
const failed = results.filter(([, s]) => s !== 'passed').length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
