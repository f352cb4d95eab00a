import { MethodErrorType } from '@colibri/jmap-types';
import type { Invocation } from '@colibri/jmap-types';
import type { FollowUpResponse, RequestContext } from '../method-context.js';
import { MethodFailure } from '../method-failure.js';
import { findMethod } from '../methods/table.js';
import { resolveReferences } from './result-reference.js';
import type { ValidInvocation } from './request-schema.js';

function errorResponse(failure: MethodFailure, callId: string): Invocation {
  return ['error', failure.toMethodError(), callId];
}

/**
 * Processes one method call (RFC 8620 §3.6.2): a known method of a capability in `using`, its
 * result references resolved (§3.7), then its handler. Expected failures become an "error"
 * response; anything else is logged and answered `serverFail` with no internals. The call's own
 * response comes first, then those of the implicit calls it made (RFC 8620 §5.4, RFC 8621 §7.5),
 * with the same call id.
 */
export async function invoke(
  call: ValidInvocation,
  using: ReadonlySet<string>,
  responses: readonly Invocation[],
  ctx: RequestContext,
): Promise<Invocation[]> {
  const [name, rawArgs, callId] = call;
  try {
    const method = findMethod(name);
    // §3.3: a method whose capability the client did not ask for in `using` is not known to it.
    if (method === undefined || !using.has(method.capability)) {
      throw new MethodFailure(
        MethodErrorType.UnknownMethod,
        `Unknown method "${name}" for the capabilities in "using".`,
      );
    }
    const args = resolveReferences(rawArgs, responses);
    const followUps: FollowUpResponse[] = [];
    const result = await method.handler(args, { ...ctx, followUps });
    return [[name, result, callId], ...followUps.map(([fname, fargs]): Invocation => [fname, fargs, callId])];
  } catch (error) {
    if (error instanceof MethodFailure) return [errorResponse(error, callId)];
    ctx.log.error('method failed', {
      method: name,
      callId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return [
      errorResponse(
        new MethodFailure(MethodErrorType.ServerFail, 'The server failed to process this call.'),
        callId,
      ),
    ];
  }
}
