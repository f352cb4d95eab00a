// `npm start` / `pnpm start`: install, build when needed, then run Colibri in the foreground.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildEnv, ensureBuilt, ensureDependencies, log, root } from './toolchain.mjs';

try {
  ensureDependencies();
  ensureBuilt();
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(error.exitCode ?? 1);
}

log('starting Colibri');
const server = spawn(process.execPath, [path.join(root, 'apps/bff/dist/src/main.js')], {
  stdio: 'inherit',
  env: buildEnv,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
