import type { CoreCapability, MethodName, MethodResult } from '@colibri/jmap-types';
import type { MailStore } from '@colibri/mail-store';
import type { Logger } from './logger.js';
import type { Principal } from './principal.js';

/** What every call of a request shares: the store, who is asking, the limits, the created ids. */
export interface RequestContext {
  store: MailStore;
  principal: Principal;
  limits: CoreCapability;
  /** RFC 8620 §3.3: creation id -> server id, seeded from the request and shared by its calls. */
  createdIds: Map<string, string>;
  log: Logger;
  /** RFC 8620 §3.3 `using`: extensions change some methods' properties (e.g. Email `snoozed`). */
  using: ReadonlySet<string>;
  hooks: EngineHooks;
  policy: ServerPolicy;
}

/**
 * Who may see a colleague's free/busy (Principal/getAvailability, JMAP Calendars §2.2):
 * `organisation`, everyone of the same domain, as mail suites do by default (issue 7: the
 * directory's free/busy is reachable from the calendar); `shared`, only those a calendar is
 * shared with mayReadFreeBusy (RFC 9670 shareWith). The owner always sees their own.
 */
export type FreeBusyPolicy = 'organisation' | 'shared';

/** Settings of the server that change what methods allow. */
export interface ServerPolicy {
  freeBusy: FreeBusyPolicy;
}

export const DEFAULT_SERVER_POLICY: ServerPolicy = { freeBusy: 'organisation' };

/** What the engine tells its host after some writes, so that the host's background work follows. */
export interface EngineHooks {
  /** A snooze was set or moved (Email/set `snoozed`): its waking scheduler should look again. */
  snoozeSet?: (until: Date) => void;
}

/** The response of an implicit call made by a method: [name, arguments]. */
export type FollowUpResponse = [name: string, args: Record<string, unknown>];

/** What a method handler gets: the request's shared state, and where its implicit calls answer. */
export interface MethodContext extends RequestContext {
  /**
   * Responses of implicit calls (the Email/set of EmailSubmission/set's onSuccess arguments,
   * RFC 8621 §7.5, and of Email/copy's onSuccessDestroyOriginal, RFC 8620 §5.4), sent right after
   * this call's own response, with its method call id. Fresh for each call.
   */
  followUps: FollowUpResponse[];
}

/**
 * One JMAP method. `args` has its result references resolved but is otherwise unchecked: each
 * handler parses it with its own zod schema (STYLE 8).
 */
export type MethodHandler<M extends MethodName> = (
  args: Record<string, unknown>,
  ctx: MethodContext,
) => Promise<MethodResult<M>>;
