export interface DateFormatOptions {
  /** BCP 47 locale(s); the browser's when omitted. */
  locale?: string | readonly string[];
  /** IANA time zone; the browser's when omitted. */
  timeZone?: string;
}

/**
 * The date for people ("12 Mar 2026, 09:41") and in full for a tooltip, or null when the ISO
 * string is not a date (then the caller shows it as it is).
 */
export function formatMessageDate(
  iso: string,
  { locale, timeZone }: DateFormatOptions = {},
): { short: string; full: string } | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const locales = locale === undefined ? undefined : typeof locale === 'string' ? locale : [...locale];
  const short = new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const full = new Intl.DateTimeFormat(locales, { dateStyle: 'full', timeStyle: 'long', timeZone });
  return { short: short.format(date), full: full.format(date) };
}
