import { Button } from '@colibri/ui';
import { CALENDAR_VIEWS } from '../stores/calendar-ui-store';
import type { CalendarView } from '../stores/calendar-ui-store';
import { calendarMessages } from '../messages';

/** Today, previous, next, the period's title and the view switch. */
export function CalendarToolbar({
  title,
  view,
  onToday,
  onPrevious,
  onNext,
  onViewChange,
  onCreate,
}: {
  title: string;
  view: CalendarView;
  onToday: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onViewChange: (view: CalendarView) => void;
  onCreate: () => void;
}) {
  return (
    <div className="calendar-toolbar" role="toolbar" aria-label={calendarMessages.title}>
      <Button variant="primary" onClick={onCreate} aria-keyshortcuts="c">
        {calendarMessages.newEvent}
      </Button>
      <Button onClick={onToday} aria-keyshortcuts="t">
        {calendarMessages.today}
      </Button>
      <Button
        variant="ghost"
        onClick={onPrevious}
        aria-label={calendarMessages.previous}
        aria-keyshortcuts="p"
      >
        ‹
      </Button>
      <Button variant="ghost" onClick={onNext} aria-label={calendarMessages.next} aria-keyshortcuts="n">
        ›
      </Button>
      <h2 className="calendar-toolbar__title" aria-live="polite">
        {title}
      </h2>
      <div role="group" aria-label={calendarMessages.viewsLabel} className="calendar-toolbar__views">
        {CALENDAR_VIEWS.map((v) => (
          <Button
            key={v}
            variant={v === view ? 'primary' : 'secondary'}
            aria-pressed={v === view}
            aria-keyshortcuts={v[0]}
            onClick={() => onViewChange(v)}
          >
            {calendarMessages.views[v]}
          </Button>
        ))}
      </div>
    </div>
  );
}
