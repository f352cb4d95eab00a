import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEFAULT_CORE_LIMITS, createJmapEngine, withQuotaStates } from '@colibri/jmap-server';
import type { CoreCapability } from '@colibri/jmap-types';
import { ApiTokenStore } from './auth/api-tokens.js';
import type { AuthServices } from './auth/authenticate.js';
import { CredentialEvents } from './auth/credential-events.js';
import { CredentialChecker } from './auth/credentials.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { SessionStore } from './auth/session-store.js';
import type { ColibriConfig } from './config/config.js';
import { openStores } from './config/open-stores.js';
import { seedDemoOnce } from './demo/seed-demo.js';
import type { DemoSeedResult } from './demo/seed-demo.js';
import { createApp } from './http/app.js';
import { storeMeetingEvents } from './meet/store-meeting-events.js';
import { countingFeed } from './http/push/state-feed.js';
import { attachJmapWebSocket } from './http/push/websocket.js';
import { startPushDispatcher, withPushVerification } from './http/push/push-dispatcher.js';
import type { PushDispatcher } from './http/push/push-dispatcher.js';
import { createLogger } from './logger.js';
import type { Logger } from './logger.js';
import { startInboundSmtp } from './smtp/inbound-smtp.js';
import type { InboundSmtp } from './smtp/inbound-smtp.js';
import { startGcScheduler } from './gc-scheduler.js';
import { startSnoozeScheduler, type SnoozeScheduler } from './snooze-scheduler.js';
import type { DnsResolver } from './smtp/dns-resolver.js';
import { startOutboundWorker } from './smtp/outbound/outbound-worker.js';
import type { OutboundWorker } from './smtp/outbound/outbound-worker.js';
import type { SendOutgoing } from './smtp/outgoing.js';

/** RFC 8620 §2: the core limits, announced by the engine and enforced by both it and the BFF. */
export const JMAP_LIMITS: CoreCapability = { ...DEFAULT_CORE_LIMITS };

/** A running Colibri: where it listens, what the demo seeding did, and how to stop it. */
export interface RunningColibri {
  /** e.g. "http://localhost:8080", no trailing slash. */
  httpUrl: string;
  smtpPort: number;
  /** null when LMTP is off. */
  lmtpPort: number | null;
  demo: DemoSeedResult;
  /** Queues a system message (bounce, auto-reply) for the outbound worker. */
  sendOutgoing: SendOutgoing;
  /** Store state-feed listeners held by push connections right now (0 once all have closed). */
  pushListenerCount(): number;
  /** Stops accepting connections, closes HTTP, SMTP, LMTP and the store. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts everything in-process: opens the store, seeds the demo once (before listening, so the
 * first answered request already sees it), then HTTP, SMTP and LMTP. Port 0 picks free ports (tests).
 */
export async function startColibri(
  config: ColibriConfig,
  options: {
    log?: Logger;
    dnsResolver?: DnsResolver;
    /** How often open push connections re-check their credentials (default 10 s; tests: shorter). */
    pushCredentialRecheckMs?: number;
  } = {},
): Promise<RunningColibri> {
  const log = options.log ?? createLogger(config.logLevel);
  const stores = await openStores(config);
  const store = stores.mail;
  const sessions = new SessionStore();
  let http: Server | null = null;
  let smtp: InboundSmtp | null = null;
  let outbound: OutboundWorker | null = null;
  let dispatcher: PushDispatcher | null = null;
  try {
    const demo = config.demo.enabled
      ? await seedDemoOnce(store, { password: config.demo.password, log: log.child('demo') })
      : { seeded: false, generatedPassword: null, messages: {} };
    // RFC 8620 §7.2: PushSubscription pushes, and the verification of new subscriptions.
    // Every push channel hears the store's state changes plus Quota's (RFC 9425 §4).
    const stateFeed = withQuotaStates(store);
    const pushDispatcher = startPushDispatcher({ store, feed: stateFeed, log: log.child('push') });
    dispatcher = pushDispatcher;
    // Started below, once the servers are up; a snooze set through JMAP before then is found
    // by the scheduler's first look.
    let snoozeScheduler: SnoozeScheduler | null = null;
    const hooks = { snoozeSet: () => snoozeScheduler?.poke() };
    const engine = withPushVerification(
      createJmapEngine({
        store,
        limits: JMAP_LIMITS,
        logger: log.child('jmap'),
        hooks,
        policy: { freeBusy: config.freeBusy },
      }),
      pushDispatcher,
    );
    const auth: AuthServices = {
      sessions,
      credentials: new CredentialChecker({ store, throttle: new LoginThrottle(), log: log.child('auth') }),
      apiTokens: new ApiTokenStore(store),
      events: new CredentialEvents(),
    };
    const feed = countingFeed(stateFeed);
    const { pushCredentialRecheckMs } = options;
    const app = createApp({
      config,
      store,
      engine,
      limits: JMAP_LIMITS,
      auth,
      log,
      feed,
      pushCredentialRecheckMs,
      meetingEvents: storeMeetingEvents(store),
    });

    const server = app.listen(config.http.port, config.http.host);
    http = server;
    // RFC 8887: JMAP over WebSocket, on the same HTTP server.
    attachJmapWebSocket(server, {
      engine,
      auth,
      store,
      feed,
      limits: JMAP_LIMITS,
      publicUrl: config.http.publicUrl,
      log: log.child('websocket'),
      credentialRecheckMs: pushCredentialRecheckMs,
    });
    await once(server, 'listening');
    const worker = startOutboundWorker({
      store,
      relay: config.outbound.relay,
      serverName: config.smtp.serverName,
      log: log.child('outbound'),
    });
    outbound = worker;
    // Inbound delivery queues vacation auto-replies (RFC 3834) through the outbound worker.
    const inbound = {
      store,
      sendOutgoing: worker.sendOutgoing,
      host: config.smtp.host,
      serverName: config.smtp.serverName,
      dnsResolver: options.dnsResolver,
    };
    const smtpServer = await startInboundSmtp({
      ...inbound,
      port: config.smtp.port,
      log: log.child('smtp'),
      spoolDir: path.join(config.dataDir, 'spool', 'smtp'),
    });
    smtp = smtpServer;
    const lmtp =
      config.smtp.lmtpPort === null
        ? null
        : await startInboundSmtp({
            ...inbound,
            port: config.smtp.lmtpPort,
            log: log.child('lmtp'),
            lmtp: true,
            spoolDir: path.join(config.dataDir, 'spool', 'lmtp'),
          });

    const snoozes = startSnoozeScheduler(store, { log: log.child('snooze') });
    snoozeScheduler = snoozes;
    const gc = startGcScheduler(store, { log: log.child('gc') });

    let closing: Promise<void> | null = null;
    const close = () =>
      (closing ??= (async () => {
        const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Keep-alive connections would hold close() open; idle ones go now, busy ones finish.
        server.closeIdleConnections();
        feed.shutdown();
        await Promise.all([
          httpClosed,
          smtpServer.close(),
          lmtp?.close(),
          snoozes.close(),
          gc.close(),
          pushDispatcher.close(),
        ]);
        await worker.close();
        sessions.close();
        await store.close();
      })());

    return {
      httpUrl: urlOf(config.http.host, (server.address() as AddressInfo).port),
      smtpPort: smtpServer.port,
      lmtpPort: lmtp?.port ?? null,
      demo,
      sendOutgoing: worker.sendOutgoing,
      pushListenerCount: feed.listenerCount,
      close,
    };
  } catch (error) {
    http?.close();
    await smtp?.close();
    await outbound?.close();
    await dispatcher?.close();
    sessions.close();
    await store.close();
    throw error;
  }
}

/** The URL to print: wildcard addresses are reached through localhost, IPv6 needs brackets. */
function urlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
