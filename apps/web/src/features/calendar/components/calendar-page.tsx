import { useMemo, useRef, useState } from 'react';
import type FullCalendar from '@fullcalendar/react';
import type { Id } from '@colibri/jmap-types';
import { Button } from '@colibri/ui';
import { useCalendarAccount } from '../api/get-session';
import { useCalendars } from '../api/get-calendars';
import { MAX_OCCURRENCES_IN_RANGE, useEventsInRange } from '../api/query-events';
import type { EventRange } from '../api/keys';
import { browserTimeZone, toLocalDateTime } from '../lib/time';
import { calendarMessages } from '../messages';
import { CalendarScreen } from './calendar-screen';

/**
 * `/calendar`: the calendars of the user's primary calendar account (draft §2.1) in FullCalendar,
 * in the browser's time zone. Loading, errors and a server without calendars are shown here.
 */
export function CalendarPage({
  initialDate,
  now,
}: { initialDate?: Date | string; now?: Date | string } = {}) {
  const account = useCalendarAccount();
  if (account.isPending) return <p className="calendar-status">{calendarMessages.loading}</p>;
  if (account.isError)
    return (
      <div className="calendar-status" role="alert">
        <p>{calendarMessages.loadError}</p>
        <Button onClick={() => void account.refetch()}>{calendarMessages.retry}</Button>
      </div>
    );
  const { accountId, username, maxObjectsInGet } = account.data;
  if (!accountId) return <p className="calendar-status">{calendarMessages.unavailable}</p>;
  return (
    <CalendarData
      accountId={accountId}
      userEmail={username}
      pageSize={maxObjectsInGet}
      {...(initialDate ? { initialDate } : {})}
      {...(now ? { now } : {})}
    />
  );
}

function CalendarData({
  accountId,
  userEmail,
  pageSize,
  initialDate,
  now,
}: {
  accountId: Id;
  userEmail: string;
  pageSize: number;
  initialDate?: Date | string;
  now?: Date | string;
}) {
  const timeZone = useMemo(browserTimeZone, []);
  const [range, setRange] = useState<EventRange | null>(null);
  const [title, setTitle] = useState('');
  const gridRef = useRef<FullCalendar>(null);
  const calendars = useCalendars(accountId, calendarMessages.locale);
  const events = useEventsInRange(accountId, range, pageSize);
  const onRangeChange = (next: { start: Date; end: Date; title: string }) => {
    setTitle(next.title);
    const after = toLocalDateTime(next.start, timeZone);
    const before = toLocalDateTime(next.end, timeZone);
    setRange((current) =>
      current && current.after === after && current.before === before ? current : { after, before, timeZone },
    );
  };
  const failed = calendars.isError || events.isError;
  return (
    <>
      {failed ? (
        <div className="calendar-status" role="alert">
          <p>{calendarMessages.loadError}</p>
          <Button onClick={() => void Promise.all([calendars.refetch(), events.refetch()])}>
            {calendarMessages.retry}
          </Button>
        </div>
      ) : null}
      {events.data?.truncated ? (
        <p role="status">{calendarMessages.truncated(MAX_OCCURRENCES_IN_RANGE)}</p>
      ) : null}
      <CalendarScreen
        accountId={accountId}
        userEmail={userEmail}
        timeZone={timeZone}
        calendars={calendars.data ?? []}
        occurrences={events.data?.events ?? []}
        title={title}
        gridRef={gridRef}
        onRangeChange={onRangeChange}
        {...(initialDate ? { initialDate } : {})}
        {...(now ? { now } : {})}
      />
    </>
  );
}
