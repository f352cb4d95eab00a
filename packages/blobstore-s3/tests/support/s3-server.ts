import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A running S3-compatible server on loopback, for tests. */
export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** Test-only credentials: s3rver accepts these (and checks the signature). */
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

const runner = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run-s3rver.mjs');

/**
 * Starts s3rver (an emulator of S3, from npm) in a child process, so that its own memory does
 * not blur the store's measurements, on a free port and a fresh folder with one bucket.
 */
export async function startS3Server(bucket = 'colibri-test'): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'colibri-s3rver-'));
  const child = spawn(process.execPath, [runner, directory, bucket], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before listening:\n${stderr}`)));
    setTimeout(() => reject(new Error(`s3rver did not start within 10 s:\n${stderr}`)), 10_000).unref();
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
