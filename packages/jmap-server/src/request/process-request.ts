import { Capability } from '@colibri/jmap-types';
import type { CoreCapability, Invocation, JmapResponse } from '@colibri/jmap-types';
import type { MailStore } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import type { EngineHooks, RequestContext, ServerPolicy } from '../method-context.js';
import type { Principal } from '../principal.js';
import { currentSessionState } from '../session.js';
import { invoke } from './invoke.js';
import { limitExceeded, notJson, notRequest, unknownCapability } from './problem.js';
import type { ProblemAnswer } from './problem.js';
import { describeIssues, requestSchema } from './request-schema.js';

/** The capabilities this server implements (RFC 8620 §2 Session `capabilities` keys). */
export const SUPPORTED_CAPABILITIES: ReadonlySet<string> = new Set([
  Capability.Core,
  Capability.Mail,
  // RFC 8621 §1.3.2 (Identity methods), §1.3.3, RFC 9425 §3.
  Capability.Submission,
  Capability.VacationResponse,
  Capability.Quota,
  Capability.Blob,
  // RFC 9007 §3
  Capability.Mdn,
  // RFC 9661 §1.2
  Capability.Sieve,
  // RFC 9610 §1.4.1
  Capability.Contacts,
  // RFC 9670 §1.5.1
  Capability.Principals,
  // JMAP Calendars (draft-ietf-jmap-calendars)
  Capability.Calendars,
  // Colibri's counter-proposals (CalendarEventProposal)
  Capability.CalendarProposals,
  // RFC 8887: a client may list it in `using`; it adds no methods.
  Capability.WebSocket,
  // Email `snoozed` (see CONTEXT.md); no methods of its own.
  Capability.Snooze,
]);

export interface RequestDeps {
  store: MailStore;
  limits: CoreCapability;
  log: Logger;
  hooks: EngineHooks;
  policy: ServerPolicy;
}

/** The body as received: parsed JSON, or the raw text when the BFF could not parse it. */
function parseBody(body: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof body !== 'string') return { ok: true, value: body };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

/** RFC 8620 §3.3-§3.6: validates a Request, then runs its method calls in order. */
export async function processRequest(
  deps: RequestDeps,
  principal: Principal,
  body: unknown,
): Promise<ProblemAnswer | { status: 200; body: JmapResponse }> {
  const parsedBody = parseBody(body);
  if (!parsedBody.ok) return notJson();
  const parsed = requestSchema.safeParse(parsedBody.value);
  if (!parsed.success) return notRequest(describeIssues(parsed.error));
  const request = parsed.data;

  const unknown = request.using.filter((urn) => !SUPPORTED_CAPABILITIES.has(urn));
  if (unknown.length > 0) return unknownCapability(unknown);
  if (request.methodCalls.length > deps.limits.maxCallsInRequest) {
    return limitExceeded(
      'maxCallsInRequest',
      400,
      `At most ${deps.limits.maxCallsInRequest} method calls per request.`,
    );
  }

  const using = new Set(request.using);
  const ctx: RequestContext = {
    store: deps.store,
    principal,
    limits: deps.limits,
    createdIds: new Map(Object.entries(request.createdIds ?? {})),
    log: deps.log,
    using,
    hooks: deps.hooks,
    policy: deps.policy,
  };
  const methodResponses: Invocation[] = [];
  // §3.6: strictly in order, since a call may reference the results of earlier ones (§3.7).
  for (const call of request.methodCalls) {
    methodResponses.push(...(await invoke(call, using, methodResponses, ctx)));
  }
  const response: JmapResponse = {
    methodResponses,
    sessionState: await currentSessionState(deps.store, principal),
  };
  // §3.4: createdIds is returned only when the request carried it.
  if (request.createdIds !== undefined) response.createdIds = Object.fromEntries(ctx.createdIds);
  return { status: 200, body: response };
}
