import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { staticWebApp } from './static-web.js';

describe('staticWebApp without a built web app', () => {
  it('answers pages with a plain explanation of how to build it', async () => {
    const app = express().use(staticWebApp(path.join('/nonexistent', 'web', 'dist')));
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mail`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const text = await response.text();
      expect(text).toContain('not built');
      expect(text).toContain('pnpm --filter @colibri/web build');
    } finally {
      server.close();
    }
  });
});
