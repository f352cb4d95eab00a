import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, configure, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { handOverNewEvent } from '../../../lib/event-launcher';
import { JmapClientProvider } from '../../../lib/jmap';
import { calendar, mockCalendarServer } from '../testing/mock-calendar-server';
import { useCalendarUiStore } from '../stores/calendar-ui-store';
import { CalendarPage } from './calendar-page';

// FullCalendar lays out a whole week per render in jsdom: slow on a busy machine (not timed).
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});
afterEach(cleanup);

describe(
  'a new event asked for by another screen (lib/event-launcher, mock server)',
  { timeout: 30_000 },
  () => {
    it('opens the new-event editor with the attendees handed over', async () => {
      useCalendarUiStore.setState({ view: 'week', detailsId: null, editor: null });
      handOverNewEvent({ attendees: ['grace@example.org'] });
      const server = mockCalendarServer({
        calendars: [calendar('C1', 'Work', { isDefault: true })],
        occurrences: [],
        stored: [],
      });
      render(
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <JmapClientProvider client={server.client}>
            <CalendarPage initialDate="2026-12-01" now="2026-12-01T08:00:00" />
          </JmapClientProvider>
        </QueryClientProvider>,
      );
      const guests = await screen.findByLabelText('Guests');
      expect((guests as HTMLInputElement).value).toBe('grace@example.org');
    });
  },
);
