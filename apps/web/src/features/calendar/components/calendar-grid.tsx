import { forwardRef, useCallback, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import FullCalendar from '@fullcalendar/react';
import type {
  DateSelectArg,
  DatesSetArg,
  DayCellMountArg,
  EventChangeArg,
  EventClickArg,
  EventContentArg,
  EventInput,
} from '@fullcalendar/core';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import frLocale from '@fullcalendar/core/locales/fr';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import timeGridPlugin from '@fullcalendar/timegrid';
import type { CalendarView } from '../stores/calendar-ui-store';
import { calendarMessages } from '../messages';
import { capMonthEvents, dayKey, MONTH_DAY_MAX_EVENTS } from '../lib/month-cap';
import { agendaEventContent, isJoinClick } from './agenda-event-content';

/** FullCalendar's names of our four views. */
export const FULLCALENDAR_VIEWS: Record<CalendarView, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  day: 'timeGridDay',
  agenda: 'listWeek',
};

const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const LOCALES = [enGbLocale, frLocale];
/** The month view shows at most this many events a day; its own "+k more" links do the rest. */
const VIEW_OPTIONS = { dayGridMonth: { dayMaxEvents: MONTH_DAY_MAX_EVENTS } };

/** The local midnight of a day key ("YYYY-MM-DD"). */
const dayOfKey = (key: string) => {
  const [year, month, day] = key.split('-').map(Number);
  return new Date(year!, month! - 1, day!);
};

export interface SlotSelection {
  start: Date;
  end: Date;
  allDay: boolean;
}

export interface EventMove {
  id: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
  /** Puts the event back where it was on screen (the server refused). */
  revert: () => void;
}

export interface CalendarGridProps {
  view: CalendarView;
  initialDate?: Date | string;
  events: EventInput[];
  locale: string;
  onRangeChange: (range: { start: Date; end: Date; title: string }) => void;
  onEventOpen: (id: string) => void;
  onEventMove: (move: EventMove) => void;
  onSlotSelect: (slot: SlotSelection) => void;
  /** jsdom and stories: no scroll to the current time. */
  now?: Date | string;
  /** The badge's text of an event with proposed new times awaiting an answer. */
  proposalBadge?: (count: number) => string;
  /** The month view's "+k more" link of a day: show that day (local midnight). */
  onDayOpen?: (day: Date) => void;
}

/** A month day's link to the events its cell does not show, put in FullCalendar's cell bottom. */
function MoreLink(props: { day: string; count: number; onOpen: ((day: Date) => void) | undefined }) {
  const day = dayOfKey(props.day);
  const name = new Intl.DateTimeFormat(calendarMessages.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(day);
  return (
    <button
      type="button"
      className="fc-daygrid-more-link fc-more-link calendar-month-more"
      aria-label={calendarMessages.moreEvents.label(props.count, name)}
      onClick={() => props.onOpen?.(day)}
    >
      {calendarMessages.moreEvents.text(props.count)}
    </button>
  );
}

/**
 * An event's content: FullCalendar's own (time and title) unless it has proposed new times,
 * which add a badge (a count, with its meaning as text for screen readers and as a tooltip).
 */
function eventContent(arg: EventContentArg, badge: ((count: number) => string) | undefined) {
  const count = Number(arg.event.extendedProps.pendingProposals ?? 0);
  if (!badge || count <= 0) return true;
  return (
    <div className="fc-event-main-frame">
      {arg.timeText ? <div className="fc-event-time">{arg.timeText}</div> : null}
      <div className="fc-event-title-container">
        <div className="fc-event-title fc-sticky">
          <span className="calendar-event__badge" title={badge(count)}>
            <span aria-hidden="true">{count}</span>
            <span className="visually-hidden">{badge(count)}</span>
          </span>{' '}
          {arg.event.title}
        </div>
      </div>
    </div>
  );
}

/**
 * FullCalendar, with our own toolbar outside (CalendarPage drives it through the ref):
 * events are FullCalendar inputs (lib/to-fullcalendar), shown in the browser's zone; a drag or
 * resize is reported as a move with a revert for when the server refuses.
 */
export const CalendarGrid = forwardRef<FullCalendar, CalendarGridProps>(function CalendarGrid(props, ref) {
  // Month view: FullCalendar gets only what the day cells show (it would build and measure an
  // element for every event, issue 6); each day with more gets our "+k more" link.
  const month = props.view === 'month';
  const cap = useMemo(
    () => (month ? capMonthEvents(props.events, MONTH_DAY_MAX_EVENTS) : null),
    [month, props.events],
  );
  // The month's day cells by local date, where the "+k more" links go.
  const [cells, setCells] = useState<ReadonlyMap<string, HTMLElement>>(new Map());
  const cellMounted = useCallback((arg: DayCellMountArg) => {
    if (arg.view.type !== FULLCALENDAR_VIEWS.month) return;
    const bottom = arg.el.querySelector<HTMLElement>('.fc-daygrid-day-bottom');
    if (bottom) setCells((old) => new Map(old).set(dayKey(arg.date), bottom));
  }, []);
  const cellUnmounted = useCallback((arg: DayCellMountArg) => {
    if (arg.view.type !== FULLCALENDAR_VIEWS.month) return;
    setCells((old) => {
      const next = new Map(old);
      next.delete(dayKey(arg.date));
      return next;
    });
  }, []);
  const onChange = (arg: EventChangeArg) => {
    const { event } = arg;
    if (!event.start) return arg.revert();
    props.onEventMove({
      id: event.id,
      start: event.start,
      end: event.end,
      allDay: event.allDay,
      revert: arg.revert,
    });
  };
  return (
    <>
      <FullCalendar
        ref={ref}
        plugins={PLUGINS}
        locales={LOCALES}
        locale={props.locale}
        initialView={FULLCALENDAR_VIEWS[props.view]}
        {...(props.initialDate ? { initialDate: props.initialDate } : {})}
        {...(props.now ? { now: props.now } : {})}
        headerToolbar={false}
        height="100%"
        timeZone="local"
        nowIndicator
        editable
        selectable
        selectMirror
        eventInteractive
        dayMaxEvents
        views={VIEW_OPTIONS}
        dayCellDidMount={cellMounted}
        dayCellWillUnmount={cellUnmounted}
        eventStartEditable
        eventDurationEditable
        eventAllow={(span, moving) => moving === null || span.allDay === moving.allDay}
        events={cap ? cap.shown : props.events}
        eventContent={(arg: EventContentArg) => {
          // The agenda's Join button first; elsewhere FullCalendar's content, with a proposals badge.
          const agenda = agendaEventContent(arg);
          return agenda !== true ? agenda : eventContent(arg, props.proposalBadge);
        }}
        datesSet={(arg: DatesSetArg) =>
          props.onRangeChange({ start: arg.start, end: arg.end, title: arg.view.title })
        }
        eventClick={(arg: EventClickArg) => {
          if (isJoinClick(arg.jsEvent)) return; // the Join link of the agenda opens the meeting
          arg.jsEvent.preventDefault();
          props.onEventOpen(arg.event.id);
        }}
        eventChange={onChange}
        select={(arg: DateSelectArg) => {
          props.onSlotSelect({ start: arg.start, end: arg.end, allDay: arg.allDay });
          arg.view.calendar.unselect();
        }}
      />
      {cap
        ? [...cells].map(([day, bottom]) => {
            const count = cap.hidden.get(day);
            return count && bottom.isConnected
              ? createPortal(<MoreLink day={day} count={count} onOpen={props.onDayOpen} />, bottom, day)
              : null;
          })
        : null}
    </>
  );
});
