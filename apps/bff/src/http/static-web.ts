import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Request, Response, Router } from 'express';

/** Paths the web app never owns: an unknown one there is a JSON 404, not the SPA. */
const API_PREFIXES = ['/jmap/', '/auth/', '/.well-known/'];
/** Vite names built assets after their content hash, so they can be cached for ever. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

/**
 * Serves the built web app (apps/web/dist): files as they are, and index.html for every other
 * GET that looks like a page of the SPA (client-side routes such as /mail/...). When the app is
 * not built, a plain page says how to build it.
 */
export function staticWebApp(webDist: string): Router {
  const router = express.Router();
  const indexFile = path.join(webDist, 'index.html');
  router.use(
    express.static(webDist, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      setHeaders: (res, file) => {
        res.set(
          'Cache-Control',
          file.includes(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  router.use((req: Request, res: Response, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isSpaPath(req)) {
      next();
      return;
    }
    // Checked per request so that building the web app while the server runs is enough.
    if (!existsSync(indexFile)) {
      res.status(503).type('html').set('Cache-Control', 'no-store').send(notBuiltPage(webDist));
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}

/** A client-side route: not an API path, and either extension-less or asked for as HTML. */
function isSpaPath(req: Request): boolean {
  if (API_PREFIXES.some((prefix) => req.path.startsWith(prefix)) || req.path.startsWith('/assets/'))
    return false;
  const last = req.path.slice(req.path.lastIndexOf('/') + 1);
  return !last.includes('.') || (req.get('accept') ?? '').includes('text/html');
}

function notBuiltPage(webDist: string): string {
  const escaped = webDist.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Colibri</title></head>
<body>
<h1>The Colibri web app is not built</h1>
<p>No <code>index.html</code> in <code>${escaped}</code>. Build it with <code>pnpm --filter @colibri/web build</code>
(or <code>pnpm build</code> at the repository root), or run <code>pnpm dev</code> for the development server.
JMAP is served all the same at <code>/.well-known/jmap</code>.</p>
</body></html>
`;
}
