import { writeFileSync } from 'node:fs';
import { enableDeliveryTimings } from '@colibri/mail-store';
import { ConfigError, loadConfig } from './config/config.js';
import { USERS } from './demo/people.js';
import { createLogger } from './logger.js';
import { startColibri } from './server.js';

// The process entry: configuration from the environment, start, and a clean stop on signals.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = createLogger(config.logLevel);
// Measurement only (bench): per-delivery latency by phase, written as JSON to this file at exit.
const timingsFile = process.env['COLIBRI_DELIVERY_TIMINGS'];
if (timingsFile) {
  const timings = enableDeliveryTimings();
  process.on('exit', () => writeFileSync(timingsFile, JSON.stringify(timings.summary())));
}
const colibri = await startColibri(config, { log }).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const { address, port } = error as { address?: string; port?: number };
    log.error(
      `Cannot listen on ${address ?? ''}:${port ?? ''} (${code}). Set COLIBRI_HTTP_PORT / COLIBRI_SMTP_PORT to free ports.`,
    );
  } else {
    log.error('Colibri could not start', { error });
  }
  process.exit(1);
});

const users = Object.values(USERS)
  .map((u) => u.email)
  .join(', ');
console.log(
  `\nColibri is running: ${colibri.httpUrl}  (SMTP on port ${colibri.smtpPort}${colibri.lmtpPort === null ? '' : `, LMTP on ${colibri.lmtpPort}`}, data in ${config.dataDir})`,
);
if (colibri.demo.generatedPassword !== null) {
  console.log(
    `Demo users ${users}\n  password: ${colibri.demo.generatedPassword}\n  (generated now and shown only this once; set COLIBRI_DEMO_PASSWORD to choose it)`,
  );
} else if (colibri.demo.seeded) {
  console.log(`Demo users ${users} log in with the password from COLIBRI_DEMO_PASSWORD.`);
} else if (config.demo.enabled) {
  // Later starts reuse the data folder: the password is the one printed (or set) at the first start.
  console.log(`Demo users ${users} (password as printed or set at the first start).`);
}
console.log('');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received, stopping`);
    colibri.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('error while stopping', { error });
        process.exit(1);
      },
    );
  });
}
