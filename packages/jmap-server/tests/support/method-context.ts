import { DEFAULT_CORE_LIMITS, DEFAULT_SERVER_POLICY } from '../../src/index.js';
import type { MethodContext } from '../../src/method-context.js';
import type { Fixture } from './fixture.js';

/**
 * A call's context for alice, for handlers' inner functions tested past the account check: a
 * principal has only its own account until sharing (RFC 9670), so cross-account /copy paths can
 * only be reached this way.
 */
export function aliceContext(f: Fixture): MethodContext {
  return {
    store: f.store,
    principal: f.alice,
    limits: DEFAULT_CORE_LIMITS,
    createdIds: new Map(),
    log: f.log,
    using: new Set(),
    hooks: {},
    policy: DEFAULT_SERVER_POLICY,
    followUps: [],
  };
}
