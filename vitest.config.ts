import { defineConfig } from 'vitest/config';

// One run over every package: Node packages in a Node environment, browser code in jsdom.
// The "@colibri/source" condition makes workspace packages resolve to their TypeScript sources.
const conditions = ['@colibri/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine.
    // Most test files wait on child processes, sockets and disk as much as they compute.
    maxWorkers: 2,
    projects: [
      {
        resolve: { conditions },
        ssr: {
          resolve: { conditions: ['@colibri/source', 'node'], externalConditions: ['@colibri/source'] },
        },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/{jmap-types,mail-store,sieve,icalendar,vcard,blobstore-s3,jmap-server,jmap-client,cli}/{src,tests}/**/*.test.ts',
            'apps/bff/{src,tests}/**/*.test.ts',
            'tools/**/*.test.ts',
            'bench/src/**/*.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { conditions: ['@colibri/source', 'module', 'browser', 'import', 'default'] },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['packages/ui/src/**/*.test.{ts,tsx}', 'apps/web/src/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
