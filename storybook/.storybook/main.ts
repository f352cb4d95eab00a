import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

/** Whether a folder holds any story, so that an empty glob does not warn on every build. */
function hasStories(relativeDir: string): boolean {
  const dir = fileURLToPath(new URL(relativeDir, import.meta.url));
  try {
    return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.stories.tsx'));
  } catch {
    return false;
  }
}

const config: StorybookConfig = {
  stories: [
    '../../packages/ui/src/**/*.stories.tsx',
    ...(hasStories('../../apps/web/src/') ? ['../../apps/web/src/**/*.stories.tsx'] : []),
  ],
  // Controls, actions, toolbars and viewports are built into Storybook 10; no addon is needed yet.
  addons: [],
  framework: { name: '@storybook/react-vite', options: {} },
  core: {
    // Nothing leaves the machine: builds run offline, in CI too.
    disableTelemetry: true,
    enableCrashReports: false,
    disableWhatsNewNotifications: true,
    disableProjectJson: true,
  },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      // Workspace packages resolve to their TypeScript sources, as in the web app and vitest.
      resolve: { conditions: ['@colibri/source', ...defaultClientConditions] },
      build: {
        // Storybook's preview runtime is one large chunk by design; it is a tool, not shipped to users.
        chunkSizeWarningLimit: 2048,
        // Timing reports depend on the machine's load: noise in CI logs.
        rolldownOptions: {
          checks: { bundlerTimings: false },
          onwarn(warning, warn) {
            // TanStack Query marks its modules "use client" for React Server Components; a client
            // bundle drops the directive by design (the web app's own Vite build stays quiet too).
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
            warn(warning);
          },
        },
      },
    });
  },
};

export default config;
