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

/** Short date for the message list: the time today, the day this year, else the full date. */
export function formatListDate(iso: string, locale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.toDateString() === now.toDateString();
  if (sameDay) return dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (date.getFullYear() === now.getFullYear())
    return dateFormat(locale, { day: 'numeric', month: 'short' }).format(date);
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
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
  return dateFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(date);
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
