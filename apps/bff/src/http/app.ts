import express from 'express';
import type { Express } from 'express';
import type { JmapEngine } from '@colibri/jmap-server';
import type { CoreCapability } from '@colibri/jmap-types';
import type { MailStore } from '@colibri/mail-store';
import { authRoutes } from '../auth/auth-routes.js';
import type { AuthServices } from '../auth/authenticate.js';
import type { ColibriConfig } from '../config/config.js';
import type { Logger } from '../logger.js';
import { downloadRoute } from './download.js';
import { errorHandler, notFound } from './errors.js';
import { jmapRoutes } from './jmap-routes.js';
import type { PushFeed } from './push/state-feed.js';
import { uploadRoute } from './upload.js';
import { jmapCors } from './cors.js';
import { securityHeaders } from './security-headers.js';
import { staticWebApp } from './static-web.js';
import { meetRoutes, noMeetingEvents, type MeetingEvents } from '../meet/meet-routes.js';

export interface AppOptions {
  config: Pick<ColibriConfig, 'http' | 'webDist' | 'meet'>;
  store: MailStore;
  engine: JmapEngine;
  limits: CoreCapability;
  auth: AuthServices;
  log: Logger;
  /** The store's state feed as push uses it (counted, so tests can check for leaks). */
  feed: PushFeed;
  /** How often open push connections re-check their credentials (tests: shorter). */
  pushCredentialRecheckMs?: number;
  /** Calendar events as meeting rooms see them (invitees); by default none. */
  meetingEvents?: MeetingEvents;
}

/**
 * The BFF's HTTP surface: the browser session API, JMAP (session, API, download), and the web
 * app. Same-origin only, unless JMAP is opened to other origins' clients (`http.corsOrigins`,
 * `cors.ts`: Authorization credentials only, never cookies).
 */
export function createApp(options: AppOptions): Express {
  const { config, log } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  // "<", ">" and "&" escaped in JSON, so a JSON answer can never be read as HTML.
  app.set('json escape', true);
  // No weak ETag hashed from every JSON answer: JMAP answers are POSTs or carry their own state,
  // downloads set a strong one (the blob id), and static files get theirs from express.static.
  app.set('etag', false);

  app.use(securityHeaders({ mediaServerUrl: config.meet.livekit?.url ?? null }));
  app.use('/auth', authRoutes(options.auth, log.child('auth')));
  app.use(['/.well-known/jmap', '/jmap'], jmapCors(config.http.corsOrigins));
  app.use(
    jmapRoutes({
      engine: options.engine,
      auth: options.auth,
      limits: options.limits,
      publicUrl: config.http.publicUrl,
      feed: options.feed,
      store: options.store,
      pushCredentialRecheckMs: options.pushCredentialRecheckMs,
    }),
  );
  app.use(downloadRoute({ store: options.store, auth: options.auth, log: log.child('download') }));
  app.use(
    uploadRoute({
      store: options.store,
      auth: options.auth,
      maxSizeUpload: options.limits.maxSizeUpload,
    }),
  );
  app.use(
    meetRoutes({
      store: options.store,
      auth: options.auth,
      livekit: config.meet.livekit,
      events: options.meetingEvents ?? noMeetingEvents,
      publicUrl: config.http.publicUrl,
      log: log.child('meet'),
    }),
  );
  app.use(staticWebApp(config.webDist));
  app.use(notFound());
  app.use(errorHandler(log.child('http')));
  return app;
}
