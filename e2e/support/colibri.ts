import { test as base } from '@playwright/test';
import type { JmapClient } from '@colibri/jmap-client';
import { colibriServerFromEnv } from './colibri-env.js';
import type { ColibriServer } from './colibri-env.js';
import { basicAuth, jmapClientFor } from './jmap.js';

export interface ColibriFixtures {
  /** A JMAP client for a demo user (Basic auth), e.g. `jmapAs(colibri.users.carol)`. */
  jmapAs: (username: string) => JmapClient;
}

export interface ColibriWorkerFixtures {
  /** The real BFF started by global setup: base URL, SMTP port, demo password and users. */
  colibri: ColibriServer;
}

/**
 * The suites' `test`: Playwright's, plus the running Colibri server. `baseURL` is already set by
 * playwright.config.ts, so `page.goto('/')` and `request.get('/auth/me')` reach the server.
 */
export const test = base.extend<ColibriFixtures, ColibriWorkerFixtures>({
  colibri: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures destructure their dependencies.
    async ({}, use) => {
      await use(colibriServerFromEnv());
    },
    { scope: 'worker' },
  ],
  jmapAs: async ({ colibri }, use) => {
    await use((username) => jmapClientFor(colibri.baseURL, username, colibri.demoPassword));
  },
});

export { expect } from '@playwright/test';
export { basicAuth, jmapClientFor };
export { demoUsers } from './colibri-env.js';
export type { ColibriServer } from './colibri-env.js';
