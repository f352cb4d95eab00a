import { test as base } from '@playwright/test';
import { colibriServerFromEnv, envNames } from '../../support/colibri-env.js';
import type { ColibriServer } from '../../support/colibri-env.js';
import { openAccount } from './jmap-raw.js';
import type { JmapAccount } from './jmap-raw.js';
import { createThrowawayUser } from './cli.js';

export interface ConformanceServer extends ColibriServer {
  /** The server's data folder, where the CLI makes throwaway users. */
  dataDir: string;
}

export interface ConformanceFixtures {
  /** This spec file's own fresh, empty account: made once per file, shared by its tests. */
  account: JmapAccount;
  /** Another fresh, empty account, for tests that need a second user (copy, delivery). */
  newAccount: () => Promise<JmapAccount>;
}

export interface ConformanceWorkerFixtures {
  server: ConformanceServer;
}

// A spec file runs whole in one worker (fullyParallel is off), so a per-worker map keyed by the
// file gives every file one account of its own and no file sees another's changes.
const accountsByFile = new Map<string, Promise<JmapAccount>>();

/** The conformance suites' `test`: Playwright's, plus fresh accounts on the server under test. */
export const test = base.extend<ConformanceFixtures, ConformanceWorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures destructure their dependencies.
    async ({}, use) => {
      const dataDir = process.env[envNames.dataDir];
      if (!dataDir)
        throw new Error(
          `${envNames.dataDir} is not set: the conformance suite makes its users with the CLI on the server's data folder.`,
        );
      await use({ ...colibriServerFromEnv(), dataDir });
    },
    { scope: 'worker' },
  ],
  newAccount: async ({ server }, use) => {
    await use(async () => {
      const { email, password } = await createThrowawayUser(server.dataDir);
      return openAccount(server.baseURL, email, password);
    });
  },
  account: async ({ newAccount }, use, testInfo) => {
    let account = accountsByFile.get(testInfo.file);
    if (!account) {
      account = newAccount();
      accountsByFile.set(testInfo.file, account);
    }
    await use(await account);
  },
});

export { expect } from '@playwright/test';
