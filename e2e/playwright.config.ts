import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (`playwright install` is not part of the flow).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests',
  globalSetup: './support/global-setup.ts',
  outputDir: './test-results',
  // Deterministic suites: a flaky test is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Two cores: two workers share the one server global setup starts.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    // Set by global setup before the workers start; each worker re-reads this file.
    baseURL: process.env.COLIBRI_E2E_BASE_URL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // Black-box JMAP conformance over HTTP (see e2e/CONTEXT.md): no browser.
      name: 'conformance',
      testDir: './conformance',
    },
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
});
