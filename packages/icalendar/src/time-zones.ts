/**
 * IANA time-zone math on the platform's tz database (Intl), so no zone data ships here. Local
 * seconds are wall-clock seconds (date-time.ts); UTC seconds are real instants.
 */
import { OUTLOOK_DISPLAY_NAMES, WINDOWS_ZONES } from './windows-zones.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED = 500;

function formatter(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return undefined;
  }
  if (formatters.size >= MAX_CACHED) formatters.clear();
  formatters.set(zone, f);
  return f;
}

/** True when the platform knows `zone` as an IANA name. */
export const isIanaZone = (zone: string): boolean => formatter(zone) !== undefined;

const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'zulu', 'universal', 'etc/universal']);
export const isUtcName = (zone: string): boolean => UTC_NAMES.has(zone.toLowerCase());

const offsets = new Map<string, Map<number, number>>();
let cachedCount = 0;
const MAX_OFFSETS = 200_000;

function cachedOffset(zone: string, utcSeconds: number): number {
  let byTime = offsets.get(zone);
  if (!byTime) offsets.set(zone, (byTime = new Map()));
  let offset = byTime.get(utcSeconds);
  if (offset === undefined) {
    if (++cachedCount > MAX_OFFSETS) {
      offsets.clear();
      cachedCount = 0;
    }
    offset = exactOffsetAt(zone, utcSeconds);
    byTime.set(utcSeconds, offset);
  }
  return offset;
}

/**
 * Offset of `zone` from UTC at a UTC instant, in seconds (east positive). Intl is slow (microseconds
 * a call), so the offsets at both ends of the instant's hour are cached: when they agree, no change
 * happens inside that hour (changes are far apart), and the answer needs no new Intl call.
 */
export function offsetAt(zone: string, utcSeconds: number): number {
  const t = Math.floor(utcSeconds);
  const hour = Math.floor(t / 3600) * 3600;
  const a = cachedOffset(zone, hour);
  if (a === cachedOffset(zone, hour + 3599)) return a;
  return exactOffsetAt(zone, t);
}

function exactOffsetAt(zone: string, utcSeconds: number): number {
  const f = formatter(zone);
  if (!f) return 0;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(utcSeconds * 1000))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const local =
    Date.UTC(
      year,
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    ) / 1000;
  return local - Math.floor(utcSeconds);
}

/** UTC instant -> local seconds in `zone`. */
export const utcToLocal = (zone: string, utcSeconds: number): number =>
  utcSeconds + offsetAt(zone, utcSeconds);

/**
 * Local seconds in `zone` -> UTC instant. RFC 5545 §3.3.5: a time skipped by a DST change takes
 * the offset from before the change (02:30 becomes 03:30); a repeated time is its first instance.
 */
export function localToUtc(zone: string, local: number): number {
  const before = offsetAt(zone, local - 86400);
  const after = offsetAt(zone, local + 86400);
  const candidates = [local - before, local - after].filter((t) => offsetAt(zone, t) === local - t);
  if (candidates.length > 0) return Math.min(...candidates);
  return local - before;
}

/**
 * Resolves a TZID as found in iCalendar to an IANA name: IANA names as they are, Windows names
 * (Outlook) through the common-zone table, and the path prefixes some producers put before an IANA
 * name (`/mozilla.org/20050126_1/Europe/Paris`). Undefined when none applies.
 */
export function resolveZoneName(tzid: string): string | undefined {
  const trimmed = tzid.trim().replace(/^"|"$/g, '');
  if (isUtcName(trimmed)) return 'Etc/UTC';
  if (isIanaZone(trimmed) && trimmed.includes('/')) return canonicalCase(trimmed);
  const windows =
    WINDOWS_ZONES[trimmed] ?? OUTLOOK_DISPLAY_NAMES[trimmed.replace(/^\(UTC[+-]?[\d:]*\)\s*/, '')];
  if (windows) return windows;
  const segments = trimmed.split('/').filter(Boolean);
  for (let i = 1; i < segments.length; i++) {
    const tail = segments.slice(i).join('/');
    if (tail.includes('/') && isIanaZone(tail)) return canonicalCase(tail);
  }
  if (isIanaZone(trimmed)) return canonicalCase(trimmed);
  return undefined;
}

/** Intl accepts any case ("europe/paris"); the name it resolves to has the database's case. */
function canonicalCase(zone: string): string {
  return formatter(zone)?.resolvedOptions().timeZone ?? zone;
}

export interface Transition {
  utc: number;
  from: number;
  to: number;
}

/** The offset changes of `zone` between two UTC instants, found by daily sampling and bisection. */
export function transitions(zone: string, fromUtc: number, toUtc: number): Transition[] {
  const out: Transition[] = [];
  const step = 86400;
  let t = fromUtc;
  let offset = offsetAt(zone, t);
  while (t < toUtc) {
    const next = Math.min(t + step, toUtc);
    const nextOffset = offsetAt(zone, next);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(zone, mid) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ utc: hi, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return out;
}
