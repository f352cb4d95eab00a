import type { CoreCapability, JmapResponse, ProblemDetails, Session } from '@colibri/jmap-types';
import type { MailStore } from '@colibri/mail-store';
import { DEFAULT_CORE_LIMITS } from './limits.js';
import { consoleLogger } from './logger.js';
import type { Logger } from './logger.js';
import { DEFAULT_SERVER_POLICY } from './method-context.js';
import type { EngineHooks, ServerPolicy } from './method-context.js';
import type { Principal } from './principal.js';
import { limitExceeded } from './request/problem.js';
import { processRequest } from './request/process-request.js';
import { buildSession } from './session.js';

export interface JmapEngineOptions {
  store: MailStore;
  /** Overrides of the RFC 8620 §2 core limits announced in the Session and enforced here. */
  limits?: Partial<CoreCapability>;
  /** Where unexpected failures are logged (their details never reach the client). */
  logger?: Logger;
  /** Called after some writes, e.g. to wake a snooze on time (`EngineHooks`). */
  hooks?: EngineHooks;
  /** Server settings that change what methods allow; DEFAULT_SERVER_POLICY by default. */
  policy?: Partial<ServerPolicy>;
}

export interface JmapEngine {
  /** RFC 8620 §2: the Session object; `baseUrl` is the public origin, e.g. "http://localhost:8080". */
  getSession(principal: Principal, baseUrl: string): Promise<Session>;
  /**
   * RFC 8620 §3: one API request. `body` is the parsed JSON, or the raw text when it was not
   * JSON. Request-level errors come back as problem details with their HTTP status.
   */
  handleRequest(
    principal: Principal,
    body: unknown,
  ): Promise<{ status: number; body: JmapResponse | ProblemDetails }>;
}

/** Creates the framework-free JMAP engine over a mail store. */
export function createJmapEngine(options: JmapEngineOptions): JmapEngine {
  const limits: CoreCapability = { ...DEFAULT_CORE_LIMITS, ...options.limits };
  const log = options.logger ?? consoleLogger('request');
  const policy: ServerPolicy = { ...DEFAULT_SERVER_POLICY, ...options.policy };
  const deps = { store: options.store, limits, log, hooks: options.hooks ?? {}, policy };
  // RFC 8620 §2 maxConcurrentRequests, counted per account in this process.
  const inFlight = new Map<string, number>();

  return {
    getSession: (principal, baseUrl) => buildSession(options.store, limits, principal, baseUrl),
    async handleRequest(principal, body) {
      const running = inFlight.get(principal.accountId) ?? 0;
      if (running >= limits.maxConcurrentRequests) {
        return limitExceeded(
          'maxConcurrentRequests',
          429,
          `At most ${limits.maxConcurrentRequests} concurrent requests.`,
        );
      }
      inFlight.set(principal.accountId, running + 1);
      try {
        return await processRequest(deps, principal, body);
      } finally {
        const left = (inFlight.get(principal.accountId) ?? 1) - 1;
        if (left === 0) inFlight.delete(principal.accountId);
        else inFlight.set(principal.accountId, left);
      }
    },
  };
}
