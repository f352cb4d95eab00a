// The real BFF in a child process, for the SIGKILL durability test. It loads its modules first and
// prints "LOADED", so the test can prepare the next server while the current one runs; on a "go"
// line on stdin it starts (configured from the environment like main.ts) and prints "READY <port>".
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import { startColibri } from '../../src/server.js';

process.stdout.write('LOADED\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') continue;
  const colibri = await startColibri(loadConfig(process.env, process.cwd()), { log: createLogger('silent') });
  process.stdout.write(`READY ${colibri.lmtpPort}\n`);
  break;
}
