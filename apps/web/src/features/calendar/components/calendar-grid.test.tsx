import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EventInput } from '@fullcalendar/core';
import { MONTH_DAY_MAX_EVENTS } from '../lib/month-cap';
import { CalendarGrid } from './calendar-grid';
import type { CalendarGridProps } from './calendar-grid';

// FullCalendar lays out a whole month per render in jsdom: slow on a busy machine (not timed).
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

/** Timed events on 17 December 2026 (a Thursday), in the browser's zone, from 08:00 on. */
const busyDay = (count: number): EventInput[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    title: `Meeting ${i}`,
    allDay: false,
    start: new Date(2026, 11, 17, 8 + i).toISOString(),
    end: new Date(2026, 11, 17, 8 + i, 30).toISOString(),
  }));

function renderGrid(view: CalendarGridProps['view'], events: EventInput[], onDayOpen = vi.fn()) {
  render(
    <div style={{ height: 800 }}>
      <CalendarGrid
        view={view}
        events={events}
        locale="en-gb"
        initialDate="2026-12-17"
        now="2026-12-01T08:00:00"
        onRangeChange={() => {}}
        onEventOpen={() => {}}
        onEventMove={() => {}}
        onSlotSelect={() => {}}
        onDayOpen={onDayOpen}
      />
    </div>,
  );
  return onDayOpen;
}

const titlesShown = () =>
  [...document.querySelectorAll('.fc-event-title')].map((element) => element.textContent ?? '');

describe('CalendarGrid month view with a busy day', () => {
  it('draws only the first events of the day and a "+k more" button that opens the day', async () => {
    const onDayOpen = renderGrid('month', busyDay(MONTH_DAY_MAX_EVENTS + 2));
    const more = await screen.findByRole('button', { name: '2 more events on Thursday 17 December' });
    expect(more.textContent).toBe('+2 more');
    // Only the day's first events (by start) were given to FullCalendar.
    expect(titlesShown()).toEqual(['Meeting 0', 'Meeting 1', 'Meeting 2']);
    await userEvent.setup().click(more);
    expect(onDayOpen).toHaveBeenCalledTimes(1);
    const day = onDayOpen.mock.calls[0]![0] as Date;
    expect([day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2026, 11, 17, 0]);
  });

  it('has no "+k more" button when every event fits', async () => {
    renderGrid('month', busyDay(MONTH_DAY_MAX_EVENTS));
    await waitFor(() => expect(titlesShown()).toHaveLength(MONTH_DAY_MAX_EVENTS));
    expect(screen.queryByRole('button', { name: /more events? on/ })).toBeNull();
  });

  it('leaves the day view alone: every event is drawn', async () => {
    renderGrid('day', busyDay(MONTH_DAY_MAX_EVENTS + 2));
    await waitFor(() => expect(titlesShown()).toHaveLength(MONTH_DAY_MAX_EVENTS + 2));
    expect(screen.queryByRole('button', { name: /more events? on/ })).toBeNull();
  });
});
