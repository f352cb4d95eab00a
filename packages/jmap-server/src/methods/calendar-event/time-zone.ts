/**
 * RFC 8984 §4.7.1: a `timeZone` is an IANA zone name. One the platform's tz database (Intl) does
 * not know is refused: recurrence expansion could not place its times.
 */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
