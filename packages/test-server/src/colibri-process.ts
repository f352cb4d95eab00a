import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

/** The monorepo root, from packages/test-server/src or its dist/src build. */
export const repoRoot = fileURLToPath(
  new URL(import.meta.url.includes('/test-server/dist/') ? '../../../../' : '../../../', import.meta.url),
);
const bffMain = path.join(repoRoot, 'apps/bff/dist/src/main.js');
const webIndex = path.join(repoRoot, 'apps/web/dist/index.html');

/** A BFF running as a child process on a temporary data folder. */
export interface ColibriProcess {
  baseURL: string;
  smtpPort: number;
  /** The LMTP (RFC 2033) listener's port. */
  lmtpPort: number;
  demoPassword: string;
  dataDir: string;
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL) and removes the data folder unless kept. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Names the temp folder and the demo password (e.g. "e2e", "bench"). */
  label?: string;
  /** Also require the built web app (browser suites need it; the bench does not). */
  requireWeb?: boolean;
  /** How long to wait for `GET /auth/me` to answer; the demo seeding happens before that. */
  readyTimeoutMs?: number;
  /** Extra environment for the server, e.g. `{ COLIBRI_LOG_LEVEL: 'debug' }`. */
  env?: Record<string, string>;
  /** Keep the data folder after stopping (to inspect a failure). */
  keepData?: boolean;
}

/** Fails early with the fix when the build has not run: the suites test the built artefacts. */
export function assertBuilt(requireWeb = true): void {
  const missing = (requireWeb ? [bffMain, webIndex] : [bffMain]).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Colibri is not built (missing ${missing.map((f) => path.relative(repoRoot, f)).join(', ')}). Run \`pnpm build\` at the repository root first.`,
    );
  }
}

/** Keeps the last bytes of a stream, to quote the server's output when it fails. */
function tail(limit = 8000): { push(chunk: Buffer): void; text(): string } {
  let text = '';
  return {
    push(chunk) {
      text = (text + chunk.toString('utf8')).slice(-limit);
    },
    text: () => text,
  };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilReady(
  child: ChildProcess,
  url: string,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: string | null = null;
  child.once('exit', (code, signal) => {
    exit = `exited with ${signal ?? `code ${code}`}`;
  });
  for (;;) {
    if (exit !== null)
      throw new Error(`The Colibri server ${exit} before it was ready.\n--- server output ---\n${output()}`);
    try {
      // Any HTTP answer means the server listens; 401 is the expected one without a session.
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The Colibri server did not answer ${url} within ${timeoutMs} ms.\n--- server output ---\n${output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts `node apps/bff/dist/src/main.js` on free loopback ports and a fresh data folder, with a
 * random demo password, and resolves once `GET /auth/me` answers.
 */
export async function startColibriProcess(options: StartOptions = {}): Promise<ColibriProcess> {
  assertBuilt(options.requireWeb ?? true);
  const label = options.label ?? 'test';
  const dataDir = await mkdtemp(path.join(tmpdir(), `colibri-${label}-`));
  const [httpPort, smtpPort, lmtpPort] = [await freePort(), await freePort(), await freePort()];
  const demoPassword = `${label}-${randomBytes(9).toString('base64url')}`;
  const output = tail();
  const child = spawn(process.execPath, [bffMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      COLIBRI_DATA: dataDir,
      COLIBRI_HTTP_HOST: '127.0.0.1',
      COLIBRI_HTTP_PORT: String(httpPort),
      COLIBRI_SMTP_PORT: String(smtpPort),
      COLIBRI_LMTP_PORT: String(lmtpPort),
      COLIBRI_DEMO: '1',
      COLIBRI_DEMO_PASSWORD: demoPassword,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', output.push);
  child.stderr?.on('data', output.push);
  // If the runner dies without tearing down, do not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    if (!options.keepData) await rm(dataDir, { recursive: true, force: true });
  };

  const baseURL = `http://127.0.0.1:${httpPort}`;
  try {
    await waitUntilReady(child, `${baseURL}/auth/me`, options.readyTimeoutMs ?? 60_000, output.text);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error('The Colibri server has no pid.');
  return { baseURL, smtpPort, lmtpPort, demoPassword, dataDir, pid: child.pid, stop };
}
