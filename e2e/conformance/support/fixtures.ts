import { test as base } from '@playwright/test';
import { colibriServerFromEnv, envNames } from '../../support/colibri-env.js';
import type { ColibriServer } from '../../support/colibri-env.js';
import { openAccount } from './jmap-raw.js';
import type { JmapAccount } from './jmap-raw.js';
import { createThrowawayUsers } from './cli.js';
import type { Credentials } from './cli.js';

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
  /** Throwaway users made ahead of need (see UserPool). */
  userPool: UserPool;
}

/**
 * Making users runs the CLI, whose process start costs more than the users themselves, so they
 * are made in batches, and the next batch is started in the background when the current one runs
 * low: a spec file's first test rarely waits for its account.
 */
class UserPool {
  readonly #ready: Credentials[] = [];
  #making: Promise<void> | null = null;
  constructor(private readonly dataDir: string) {}

  async take(): Promise<Credentials> {
    while (this.#ready.length === 0) await this.#make();
    const user = this.#ready.shift()!;
    // A failed background batch is not lost: the next take() that finds none ready retries.
    if (this.#ready.length < 3) this.#make().catch(() => undefined);
    return user;
  }

  /** Lets a CLI run still going finish before the worker (and the server) stop. */
  async drain(): Promise<void> {
    await this.#making?.catch(() => undefined);
  }

  /** One batch at a time; callers during a batch share it. */
  #make(): Promise<void> {
    this.#making ??= createThrowawayUsers(this.dataDir, 8)
      .then((users) => {
        this.#ready.push(...users);
      })
      .finally(() => {
        this.#making = null;
      });
    return this.#making;
  }
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
  userPool: [
    async ({ server }, use) => {
      const pool = new UserPool(server.dataDir);
      await use(pool);
      await pool.drain();
    },
    { scope: 'worker' },
  ],
  newAccount: async ({ server, userPool }, use) => {
    await use(async () => {
      const { email, password } = await userPool.take();
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
