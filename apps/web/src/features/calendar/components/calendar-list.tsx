import type { Id, Calendar } from '@colibri/jmap-types';
import { calendarColor } from '../lib/to-fullcalendar';
import { calendarMessages } from '../messages';

/** The side pane's calendars: each with its colour and a checkbox that shows or hides its events. */
export function CalendarList({
  calendars,
  onVisibilityChange,
}: {
  calendars: readonly Calendar[];
  onVisibilityChange: (calendarId: Id, isVisible: boolean) => void;
}) {
  return (
    <section className="calendar-list" aria-labelledby="calendar-list-title">
      <h2 id="calendar-list-title">{calendarMessages.calendarsHeading}</h2>
      {calendars.length === 0 ? <p>{calendarMessages.noCalendars}</p> : null}
      <ul>
        {calendars.map((calendar, index) => {
          const color = calendarColor(calendar, index);
          return (
            <li key={calendar.id}>
              <label
                className="calendar-list__item"
                style={{ '--calendar-color': color } as React.CSSProperties}
              >
                <input
                  type="checkbox"
                  checked={calendar.isVisible !== false}
                  aria-label={calendarMessages.showCalendar(calendar.name)}
                  onChange={(e) => onVisibilityChange(calendar.id, e.target.checked)}
                />
                <span className="calendar-list__swatch" aria-hidden="true" />
                <bdi>{calendar.name}</bdi>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
