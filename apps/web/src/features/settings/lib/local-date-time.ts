/*
 * RFC 8620 §1.4 UTCDate <-> the value of an <input type="datetime-local"> (the user's local
 * time, minutes precision): the vacation period is entered in local time and stored in UTC.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-07-01T08:00:00Z" -> "2026-07-01T10:00" in a UTC+2 browser; null -> "". */
export function utcToLocalInput(utc: string | null): string {
  if (!utc) return '';
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The input's local time as a UTCDate without fractional seconds (RFC 8620 §1.4); "" -> null. */
export function localInputToUtc(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
