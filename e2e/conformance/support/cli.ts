import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@colibri/test-server';

const execFileAsync = promisify(execFile);
const cliMain = path.join(repoRoot, 'packages/cli/dist/src/main.js');

/**
 * Runs the built `colibri` CLI on the data folder of the server under test and resolves with its
 * output. The CLI writes the server's own SQLite file (WAL mode): the running server sees the
 * change at its next request, with no restart.
 */
export async function runCli(dataDir: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [cliMain, '--data', dataDir, ...args], {
    cwd: repoRoot,
    timeout: 20_000,
  });
  return stdout;
}

export interface Credentials {
  email: string;
  password: string;
}

/** New users with empty accounts (`colibri user throwaway --count`): no spec sees another's data. */
export async function createThrowawayUsers(dataDir: string, count: number): Promise<Credentials[]> {
  const stdout = await runCli(dataDir, ['user', 'throwaway', '--count', String(count)]);
  return stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [email, password] = line.split('\t');
      if (!email || !password) throw new Error(`Unexpected output of "colibri user throwaway": ${stdout}`);
      return { email, password };
    });
}
