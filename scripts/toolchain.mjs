// Shared by start.mjs and test.mjs: make a fresh machine ready using only Node and npm.
// No dependencies: this runs before `pnpm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager; // "pnpm@x.y.z"
const pnpmVersion = pinned.split('@')[1];

/** Node's headers ship with Debian's nodejs; node-gyp must build against them (no header download here). */
export const buildEnv = {
  ...process.env,
  ...(process.env.npm_config_nodedir || !existsSync('/usr/include/node/node.h')
    ? {}
    : { npm_config_nodedir: '/usr' }),
};

export function log(message) {
  console.log(`\x1b[36m[colibri]\x1b[0m ${message}`);
}

/** Runs a command, inheriting stdio; throws with the command line when it fails. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: buildEnv, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const error = new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

function output(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: buildEnv });
  return result.status === 0 ? result.stdout.trim() : null;
}

let pnpmCommand = null;
/** The pinned pnpm, installed globally with npm when missing; npx as a last resort. */
export function pnpm(args, options) {
  if (!pnpmCommand) {
    if (output('pnpm', ['--version']) === pnpmVersion) pnpmCommand = ['pnpm'];
    else {
      log(`installing pnpm ${pnpmVersion} with npm`);
      const installed = spawnSync('npm', ['install', '--global', `pnpm@${pnpmVersion}`], {
        stdio: 'inherit',
      });
      pnpmCommand =
        installed.status === 0 && output('pnpm', ['--version']) === pnpmVersion
          ? ['pnpm']
          : ['npx', '--yes', `pnpm@${pnpmVersion}`];
    }
  }
  const [cmd, ...pre] = pnpmCommand;
  run(cmd, [...pre, ...args], options);
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Installs dependencies when the lockfile changed since the last install. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.pnpm', 'lock.yaml');
  if (mtime(marker) >= mtime(path.join(root, 'pnpm-lock.yaml'))) return;
  log('installing dependencies (pnpm install --frozen-lockfile)');
  pnpm(['install', '--frozen-lockfile']);
}

function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : mtime(full));
  }
  return newest;
}

const buildStamp = path.join(root, 'node_modules', '.cache', 'colibri', 'build-stamp');

/** Builds the server packages and the web app when any source is newer than the last build. */
export function ensureBuilt({ force = false } = {}) {
  const sources = Math.max(
    newestSource(path.join(root, 'apps')),
    newestSource(path.join(root, 'packages')),
    mtime(path.join(root, 'pnpm-lock.yaml')),
  );
  const built =
    existsSync(path.join(root, 'apps/bff/dist/src/main.js')) &&
    existsSync(path.join(root, 'apps/web/dist/index.html'));
  if (!force && built && mtime(buildStamp) >= sources) return;
  log('building (pnpm build)');
  pnpm(['build']);
  mkdirSync(path.dirname(buildStamp), { recursive: true });
  writeFileSync(buildStamp, new Date().toISOString());
}
