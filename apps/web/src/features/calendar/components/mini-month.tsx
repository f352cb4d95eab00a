import { useId, useState } from 'react';
import { middleOf, monthGrid, monthOf, weekStartOf } from '../lib/mini-month';
import type { LocalDate } from '../lib/mini-month';
import { calendarMessages } from '../messages';

const m = calendarMessages.miniMonth;

export interface MiniMonthProps {
  /** Today, in the user's zone. */
  today: LocalDate;
  /** The days the main grid shows: [first, last). */
  shown: { first: LocalDate; end: LocalDate } | null;
  locale: string;
  /** A day was picked: the main grid goes to it. */
  onPick: (date: LocalDate) => void;
}

const dateOf = (value: LocalDate) => new Date(`${value}T12:00:00Z`);

/**
 * The side pane's month navigator: the month of the main grid (or another, with its own
 * previous and next), the days the grid shows highlighted, today marked; a day is a button
 * that takes the grid there.
 */
export function MiniMonth({ today, shown, locale, onPick }: MiniMonthProps) {
  const id = useId();
  // The navigator follows the main grid: the month of the middle of what it shows.
  const focus = shown ? middleOf(shown.first, shown.end) : today;
  const [month, setMonth] = useState(() => monthOf(focus));
  const [followed, setFollowed] = useState(focus);
  if (followed !== focus) {
    setFollowed(focus);
    setMonth(monthOf(focus));
  }
  const weekStart = weekStartOf(locale);
  const weeks = monthGrid(month, weekStart);
  const title = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    dateOf(month),
  );
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  const fullDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return (
    <section className="calendar-mini-month" aria-labelledby={`${id}-title`}>
      <div className="calendar-mini-month__head">
        <button type="button" aria-label={m.previous} onClick={() => setMonth(monthOf(month, -1))}>
          ‹
        </button>
        <p id={`${id}-title`} className="calendar-mini-month__title" aria-live="polite">
          {title}
        </p>
        <button type="button" aria-label={m.next} onClick={() => setMonth(monthOf(month, 1))}>
          ›
        </button>
      </div>
      <table className="calendar-mini-month__grid" aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            {weeks[0]!.map((day) => (
              <th key={day} scope="col" abbr={longDay.format(dateOf(day))}>
                {dayName.format(dateOf(day))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day.slice(0, 7) === month.slice(0, 7);
                const isShown = shown !== null && day >= shown.first && day < shown.end;
                const classes = [
                  'calendar-mini-month__day',
                  inMonth ? '' : 'calendar-mini-month__day--other',
                  isShown ? 'calendar-mini-month__day--shown' : '',
                  day === today ? 'calendar-mini-month__day--today' : '',
                ].filter(Boolean);
                return (
                  <td key={day}>
                    <button
                      type="button"
                      className={classes.join(' ')}
                      aria-label={fullDate.format(dateOf(day))}
                      aria-current={day === today ? 'date' : undefined}
                      aria-pressed={isShown}
                      onClick={() => onPick(day)}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
