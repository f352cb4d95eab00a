import { validMailbox } from '../address-list.js';
import { addAction } from '../actions.js';
import type { TestNode } from '../ast.js';
import { SIEVE_LIMITS } from '../limits.js';
import { SieveRuntimeError, argString, tagNumber, tagStrings } from '../run-state.js';
import type { RunState } from '../run-state.js';

/** RFC 5230 §4.1: seven days when the script says nothing. */
const DEFAULT_DAYS = 7;

/** FNV-1a, twice with other seeds: a stable 64-bit digest with no dependency, for handles. */
function digest(text: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193]) {
    let hash = seed;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

/** RFC 5230 §4.2: without `:handle`, responses are told apart by reason, subject, from and `:mime`. */
export function defaultHandle(
  reason: string,
  subject: string | undefined,
  from: string | undefined,
  mime: boolean,
): string {
  return `sieve-${digest(JSON.stringify([reason, subject ?? null, from ?? null, mime]))}`;
}

/** RFC 5230 `vacation`, with RFC 6131 `:seconds`; the period is clamped to SIEVE_LIMITS. */
export function vacation(run: RunState, node: TestNode): void {
  const reason = argString(run, node, 0);
  const subject = tagStrings(run, node, 'subject')?.[0];
  const from = tagStrings(run, node, 'from')?.[0];
  if (from !== undefined && validMailbox(from) === null)
    throw new SieveRuntimeError(node.position, `invalid :from address "${from}"`);
  const mime = node.tags.has('mime');
  const seconds = tagNumber(node, 'seconds') ?? (tagNumber(node, 'days') ?? DEFAULT_DAYS) * 86_400;
  const periodSeconds = Math.min(
    SIEVE_LIMITS.maxVacationSeconds,
    Math.max(SIEVE_LIMITS.minVacationSeconds, seconds),
  );
  const action = {
    type: 'vacation' as const,
    reason,
    mime,
    addresses: tagStrings(run, node, 'addresses') ?? [],
    periodSeconds,
    handle: tagStrings(run, node, 'handle')?.[0] ?? defaultHandle(reason, subject, from, mime),
    ...(subject === undefined ? {} : { subject }),
    ...(from === undefined ? {} : { from }),
  };
  // RFC 5230 §4.7: vacation does not cancel the implicit keep.
  addAction(run, node.position, action, false);
}
