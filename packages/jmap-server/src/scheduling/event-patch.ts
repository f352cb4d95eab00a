/**
 * The RFC 8620 §5.3 PatchObject that turns `before` into `after`: a path per changed leaf, into
 * objects present on both sides (JSON Pointer, `~` and `/` escaped); arrays and values that change
 * type are replaced whole; a property gone is `null`. What a CalendarEventNotification's
 * `eventPatch` carries (JMAP Calendars §7).
 */
export function diffPatch(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  walk(before, after, '', patch);
  return patch;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function walk(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix: string,
  patch: Record<string, unknown>,
): void {
  for (const key of Object.keys(before))
    if (!(key in after) || after[key] === undefined) patch[prefix + escape(key)] = null;
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const path = prefix + escape(key);
    const old = before[key];
    if (isObject(old) && isObject(value)) walk(old, value, `${path}/`, patch);
    else if (JSON.stringify(old) !== JSON.stringify(value)) patch[path] = value;
  }
}
