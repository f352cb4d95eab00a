import { randomBytes } from 'node:crypto';
import { startColibriProcess } from '@colibri/test-server';
import { envNames } from './colibri-env.js';

/**
 * Playwright global setup: one real BFF for the whole run, on a fresh temporary data folder with
 * the demo organisation. Workers inherit the environment set here and read it through
 * `support/colibri.ts`; the returned function is the teardown.
 *
 * To test a server that is already running instead, set COLIBRI_E2E_BASE_URL,
 * COLIBRI_E2E_SMTP_PORT and COLIBRI_E2E_DEMO_PASSWORD before `playwright test`.
 */
// eslint-disable-next-line no-restricted-syntax -- Playwright loads globalSetup from a default export.
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[envNames.baseURL]) return undefined;
  const server = await startColibriProcess({
    label: 'e2e',
    keepData: process.env.COLIBRI_E2E_KEEP_DATA === '1',
    // Meetings on: the BFF mints real LiveKit tokens, but no LiveKit server can run here, so the
    // URL points at a closed loopback port (a browser that joins is told it cannot be reached).
    // The secret is made for this run only.
    env: {
      LIVEKIT_URL: 'ws://127.0.0.1:9',
      LIVEKIT_API_KEY: 'APIe2e',
      LIVEKIT_API_SECRET: randomBytes(32).toString('base64url'),
    },
  });
  process.env[envNames.baseURL] = server.baseURL;
  process.env[envNames.smtpPort] = String(server.smtpPort);
  process.env[envNames.demoPassword] = server.demoPassword;
  process.env[envNames.dataDir] = server.dataDir;
  console.log(
    `[e2e] Colibri (pid ${server.pid}) on ${server.baseURL}, SMTP ${server.smtpPort}, data ${server.dataDir}`,
  );
  return () => server.stop();
}
