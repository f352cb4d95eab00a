/**
 * Wall-clock date-times as plain numbers. A "local second" counts seconds since 1970-01-01T00:00:00
 * of a calendar with no zone (as if it were UTC); arithmetic on it is calendar arithmetic, which is
 * what recurrence rules need (RFC 5545 §3.3.10: rules are evaluated in local time).
 */

export interface Fields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;
const UTC_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

/** Parses RFC 8984 §1.4.4 LocalDateTime; undefined when malformed or not a real date. */
export function parseLocal(text: string): Fields | undefined {
  const m = LOCAL_RE.exec(text);
  return m ? checked(m) : undefined;
}

/** Parses RFC 8984 §1.4.3 UTCDateTime. */
export function parseUtc(text: string): Fields | undefined {
  const m = UTC_RE.exec(text);
  return m ? checked(m) : undefined;
}

function checked(m: RegExpExecArray): Fields | undefined {
  const f: Fields = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
  };
  return validFields(f) ? f : undefined;
}

export function validFields(f: Fields): boolean {
  return (
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= daysInMonth(f.year, f.month) &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    f.second <= 60
  );
}

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** Fields -> local seconds (leap second 60 folds onto the next minute's 0). */
export function toSeconds(f: Fields): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, Math.min(f.second, 59)) / 1000;
}

export function fromSeconds(s: number): Fields {
  const d = new Date(s * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatLocal(f: Fields): string {
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}
export const formatUtc = (f: Fields): string => `${formatLocal(f)}Z`;
export const localFromSeconds = (s: number): string => formatLocal(fromSeconds(s));

/** iCalendar basic format: `19970714T133000` (plus `Z` for UTC), or `19970714` for a DATE. */
export function formatIcal(f: Fields, kind: 'date' | 'local' | 'utc'): string {
  const date = `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}`;
  if (kind === 'date') return date;
  return `${date}T${pad(f.hour)}${pad(f.minute)}${pad(f.second)}${kind === 'utc' ? 'Z' : ''}`;
}

/** 0 = Monday .. 6 = Sunday, for local seconds. */
export function weekday(s: number): number {
  return (new Date(s * 1000).getUTCDay() + 6) % 7;
}

const DURATION_RE = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** RFC 8984 §1.4.6/§1.4.7 (and RFC 5545 §3.3.6) duration -> seconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION_RE.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  if (m.slice(2).every((g) => g === undefined)) return undefined;
  const [w, d, h, mi, s] = m.slice(2).map((g) => (g === undefined ? 0 : Number(g))) as number[];
  const total = (w ?? 0) * 604800 + (d ?? 0) * 86400 + (h ?? 0) * 3600 + (mi ?? 0) * 60 + Math.floor(s ?? 0);
  return m[1] === '-' ? -total : total;
}

/** Seconds -> the shortest RFC 8984 Duration (`PT0S` for zero); weeks are not used. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(Math.trunc(seconds));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const h = Math.floor(rest / 3600);
  const mi = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  let out = `${sign}P${days ? `${days}D` : ''}`;
  if (h || mi || s) out += `T${h ? `${h}H` : ''}${mi ? `${mi}M` : ''}${s ? `${s}S` : ''}`;
  return out === `${sign}P` ? 'PT0S' : out;
}
