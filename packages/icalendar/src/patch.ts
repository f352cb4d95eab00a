/**
 * RFC 8984 §1.4.9 PatchObject: keys are JSON-pointer-like paths ("participants/p1/participationStatus",
 * with `~1` for `/` and `~0` for `~`), values replace (null removes). Applying a patch to an event
 * gives one occurrence (RFC 8984 §4.3.5).
 */
import type { JSCalendarEvent, PatchObject } from './types.js';

const MAX_PATH_SEGMENTS = 16;

/** Returns a new event with `patch` applied; paths through missing objects create them. */
export function applyPatch(event: JSCalendarEvent, patch: PatchObject): JSCalendarEvent {
  const copy = structuredClone(event) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(patch)) {
    const segments = path
      .replace(/^\//, '')
      .split('/')
      .slice(0, MAX_PATH_SEGMENTS)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let target = copy;
    for (const segment of segments.slice(0, -1)) {
      if (segment === '__proto__' || segment === 'constructor') break;
      const next = target[segment];
      if (typeof next !== 'object' || next === null) target[segment] = {};
      target = target[segment] as Record<string, unknown>;
    }
    const last = segments[segments.length - 1]!;
    if (last === '__proto__' || last === 'constructor') continue;
    if (value === null) delete target[last];
    else target[last] = structuredClone(value);
  }
  return copy as unknown as JSCalendarEvent;
}
