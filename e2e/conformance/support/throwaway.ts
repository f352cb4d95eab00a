import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@colibri/test-server';

const run = promisify(execFile);
const cliMain = path.join(repoRoot, 'packages/cli/dist/src/main.js');

export interface Credentials {
  email: string;
  password: string;
}

/**
 * A new user with an empty account, made by the built CLI (`colibri user throwaway`) on the data
 * folder of the server under test. The CLI writes the server's own SQLite file (WAL mode), so the
 * running server sees the user at its next request: no restart, no shared state between specs.
 */
export async function createThrowawayUser(dataDir: string): Promise<Credentials> {
  const { stdout } = await run(process.execPath, [cliMain, '--data', dataDir, 'user', 'throwaway'], {
    cwd: repoRoot,
    timeout: 20_000,
  });
  const [email, password] = stdout.trim().split('\t');
  if (!email || !password) throw new Error(`Unexpected output of "colibri user throwaway": ${stdout}`);
  return { email, password };
}
