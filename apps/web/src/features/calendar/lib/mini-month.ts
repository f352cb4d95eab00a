/** A calendar date "YYYY-MM-DD" (no time, no zone). */
export type LocalDate = string;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date): LocalDate =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The first of the month of a date, and that month moved by `months`. */
export function monthOf(date: LocalDate, months = 0): LocalDate {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return iso(new Date(Date.UTC(year, month - 1 + months, 1)));
}

/** The day in the middle of [first, end) (rounded down). */
export function middleOf(first: LocalDate, end: LocalDate): LocalDate {
  const a = Date.parse(`${first}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  const days = Math.max(0, Math.floor((b - a) / 86_400_000 / 2));
  return iso(new Date(a + days * 86_400_000));
}

/**
 * The six weeks a month navigator shows for `month` (any date in it): from the `weekStart` day
 * (0 = Sunday, 1 = Monday) on or before the 1st, 42 dates, so the height never jumps.
 */
export function monthGrid(month: LocalDate, weekStart: number): LocalDate[][] {
  const first = new Date(`${monthOf(month)}T00:00:00Z`);
  const back = (first.getUTCDay() - weekStart + 7) % 7;
  const weeks: LocalDate[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: LocalDate[] = [];
    for (let d = 0; d < 7; d++) {
      week.push(iso(new Date(first.getTime() + (w * 7 + d - back) * 86_400_000)));
    }
    weeks.push(week);
  }
  return weeks;
}

/** The first day of the week of a locale (Intl.Locale weekInfo where the browser has it). */
export function weekStartOf(locale: string): number {
  try {
    const info = (new Intl.Locale(locale) as Intl.Locale & { weekInfo?: { firstDay: number } }).weekInfo;
    // weekInfo counts 1 = Monday … 7 = Sunday.
    if (info) return info.firstDay % 7;
  } catch {
    // An unknown locale: the ISO week.
  }
  return /-(US|CA|JP|BR|IL)$/i.test(locale) ? 0 : 1;
}
