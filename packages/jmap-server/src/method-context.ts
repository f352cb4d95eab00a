import type { CoreCapability, MethodName, MethodResult } from '@colibri/jmap-types';
import type { MailStore } from '@colibri/mail-store';
import type { Logger } from './logger.js';
import type { Principal } from './principal.js';

/** What a method handler gets: the store, who is asking, the limits, and the request's shared state. */
export interface MethodContext {
  store: MailStore;
  principal: Principal;
  limits: CoreCapability;
  /** RFC 8620 §3.3: creation id -> server id, seeded from the request and shared by its calls. */
  createdIds: Map<string, string>;
  log: Logger;
  /**
   * RFC 8620 §5.4: the responses of calls a method makes implicitly (the Email/set of
   * onSuccessDestroyOriginal), sent right after its own, with its call id. Fresh for each call.
   */
  implicitResponses?: [name: string, args: Record<string, unknown>][];
}

/**
 * One JMAP method. `args` has its result references resolved but is otherwise unchecked: each
 * handler parses it with its own zod schema (STYLE 8).
 */
export type MethodHandler<M extends MethodName> = (
  args: Record<string, unknown>,
  ctx: MethodContext,
) => Promise<MethodResult<M>>;
