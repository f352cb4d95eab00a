import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@colibri/test-server';

/**
 * Runs the real `colibri import` CLI as a child process on the server's data folder (what an
 * administrator does to bring a mailbox in) and returns the rate it printed.
 */
export function runImport(
  dataDir: string,
  user: string,
  file: string,
): Promise<{ perSecond: number; line: string }> {
  const main = path.join(repoRoot, 'packages/cli/dist/src/main.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, '--data', dataDir, 'import', user, file], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stderr.split('\n').find((l) => l.startsWith('Done:')) ?? '';
      const rate = /\((\d+) msg\/s\)/.exec(line);
      if (code !== 0 || !rate)
        reject(new Error(`colibri import failed (exit ${code}): ${stderr.slice(-500)}`));
      else resolve({ perSecond: Number(rate[1]), line });
    });
  });
}
