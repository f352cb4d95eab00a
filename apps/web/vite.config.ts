import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The BFF the dev server forwards to (apps/bff, `COLIBRI_HTTP_PORT`).
const bff = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Workspace packages resolve to their TypeScript sources (see the root tsconfig).
    conditions: ['@colibri/source', ...defaultClientConditions],
  },
  server: {
    port: 5173,
    // Same-origin in development too, so the SameSite=Strict session cookie and CSRF header work;
    // no changeOrigin, so the BFF builds the Session's absolute URLs on the dev server's origin.
    proxy: {
      '/auth': { target: bff },
      '/jmap': { target: bff },
      '/.well-known': { target: bff },
      // The meetings API only: /meet/<roomId> itself is a page of the SPA.
      '/meet/rooms': { target: bff },
      '/meet/lobby': { target: bff },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
