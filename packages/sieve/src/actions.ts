import { normalizeFlags } from './flags.js';
import type { Position } from './position.js';
import { SieveRuntimeError } from './run-state.js';
import type { RunState } from './run-state.js';
import type { SieveAction } from './types.js';

// RFC 5429 §2.4: reject must exclude vacation; with keep, fileinto and redirect it is "NOT
// RECOMMENDED", and this server refuses those too (a message is delivered or refused, not both).
const EXCLUDED_BY_REJECT: ReadonlySet<SieveAction['type']> = new Set([
  'keep',
  'fileinto',
  'redirect',
  'vacation',
]);

/** The action already decided that `action` repeats (RFC 5228 §2.10.3), if any. */
function duplicateOf(actions: readonly SieveAction[], action: SieveAction): SieveAction | undefined {
  return actions.find((other) => {
    if (other.type !== action.type) return false;
    if (other.type === 'fileinto' && action.type === 'fileinto')
      return other.mailbox === action.mailbox && other.mailboxId === action.mailboxId;
    if (other.type === 'redirect' && action.type === 'redirect')
      return other.address.toLowerCase() === action.address.toLowerCase();
    return other.type === 'keep' || other.type === 'discard';
  });
}

/**
 * Adds an action, applying the RFCs' rules: duplicates collapse into one (their flags joined),
 * reject excludes keep/fileinto/redirect/vacation, one reject and one vacation at most, and the
 * run's limits on redirects and actions. `cancelsKeep` is false for `:copy` (RFC 3894 §3).
 */
export function addAction(
  run: RunState,
  position: Position,
  action: SieveAction,
  cancelsKeep: boolean,
): void {
  const fail = (message: string): never => {
    throw new SieveRuntimeError(position, message);
  };
  const types = new Set(run.actions.map((other) => other.type));
  if (action.type === 'reject') {
    if (types.has('reject')) fail('only one reject or ereject per run (RFC 5429 §2.4)');
    const clash = run.actions.find((other) => EXCLUDED_BY_REJECT.has(other.type));
    if (clash !== undefined) fail(`reject cannot be combined with ${clash.type} (RFC 5429 §2.4)`);
  } else if (types.has('reject') && EXCLUDED_BY_REJECT.has(action.type)) {
    fail(`${action.type} cannot be combined with reject (RFC 5429 §2.4)`);
  }
  if (action.type === 'vacation' && types.has('vacation')) fail('only one vacation per run (RFC 5230 §4.7)');
  if (cancelsKeep) run.implicitKeep = false;

  const existing = duplicateOf(run.actions, action);
  if (existing !== undefined) {
    if ((existing.type === 'keep' || existing.type === 'fileinto') && 'flags' in action) {
      existing.flags = normalizeFlags([...existing.flags, ...action.flags]);
    }
    if (existing.type === 'fileinto' && action.type === 'fileinto') existing.create ||= action.create;
    return;
  }
  if (
    action.type === 'redirect' &&
    run.actions.filter((other) => other.type === 'redirect').length >= run.limits.maxRedirects
  ) {
    fail(`more than ${run.limits.maxRedirects} redirects`);
  }
  if (run.actions.length >= run.limits.maxActions) fail(`more than ${run.limits.maxActions} actions`);
  run.actions.push(action);
}
