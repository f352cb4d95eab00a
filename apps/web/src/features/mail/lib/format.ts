import type { EmailAddress } from '@colibri/jmap-types';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one: the list formats every frame. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

const TIME_TODAY: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DAY_THIS_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
const DAY_OTHER_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const FULL_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

/** Short date for the message list: the time today, the day this year, else the full date. */
export function formatListDate(iso: string, locale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.toDateString() === now.toDateString();
  if (sameDay) return dateFormat(locale, TIME_TODAY).format(date);
  if (date.getFullYear() === now.getFullYear()) return dateFormat(locale, DAY_THIS_YEAR).format(date);
  return dateFormat(locale, DAY_OTHER_YEAR).format(date);
}

/**
 * Builds the message list's formatters ahead of need (e.g. while the login page waits): a page's
 * first Intl formatter loads the locale's data, tens of milliseconds on a busy machine, which
 * would otherwise delay the first list. Counts use `toLocaleString`, whose formatter the engine
 * keeps once built.
 */
export function warmUpListFormats(locale: string): void {
  for (const options of [TIME_TODAY, DAY_THIS_YEAR, DAY_OTHER_YEAR, FULL_DATE]) dateFormat(locale, options);
  (0).toLocaleString(locale);
}

/** When a snoozed message wakes, short: "Sat 08:00", with the date when more than a week ahead. */
export function formatWakeTime(iso: string, locale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const withinWeek = date.getTime() - now.getTime() < 6 * 24 * 3600 * 1000;
  const day: Intl.DateTimeFormatOptions = withinWeek
    ? { weekday: 'short' }
    : { day: 'numeric', month: 'short' };
  return dateFormat(locale, { ...day, hour: '2-digit', minute: '2-digit' }).format(date);
}

export function formatFullDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(locale, FULL_DATE).format(date);
}

/** Byte sizes the way file managers show them (1 kB = 1000 bytes). */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** The name to show for a sender: the display name, else the address. */
export function senderName(addresses: readonly EmailAddress[] | null | undefined, fallback: string): string {
  const first = addresses?.[0];
  if (!first) return fallback;
  return first.name?.trim() || first.email;
}
