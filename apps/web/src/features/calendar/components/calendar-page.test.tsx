import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { useToastStore } from '../../../lib/toast-store';
import { calendar, callsOf, mockCalendarServer } from '../testing/mock-calendar-server';
import type { MockServerData } from '../testing/mock-calendar-server';
import {
  bobsProposal,
  holiday,
  invitation,
  lunch,
  weeklyMaster,
  weeklyOccurrence,
} from '../testing/fixtures';
import { useCalendarUiStore } from '../stores/calendar-ui-store';
import { CalendarPage } from './calendar-page';

// FullCalendar lays out a whole week per render in jsdom: slow on a busy machine (not timed).
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

function renderPage(data: Partial<MockServerData> = {}, view: 'week' | 'month' = 'week') {
  useCalendarUiStore.setState({ view, detailsId: null, editor: null });
  const server = mockCalendarServer({
    calendars: [calendar('C1', 'Work', { isDefault: true, color: '#1a73e8' }), calendar('C2', 'Personal')],
    occurrences: [invitation, lunch, weeklyOccurrence, holiday],
    stored: [weeklyMaster, lunch, invitation],
    ...data,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={server.client}>
        <div style={{ height: 800 }}>
          <CalendarPage initialDate="2026-12-01" now="2026-12-01T08:00:00" />
        </div>
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { ...server, queryClient, user: userEvent.setup() };
}

/** Opens an event as a keyboard user does: focus it in the grid, press Enter (FullCalendar eventInteractive). */
async function open(user: ReturnType<typeof userEvent.setup>, title: string) {
  const element = await eventIn(title);
  element.focus();
  await user.keyboard('{Enter}');
}

const grid = () => document.querySelector<HTMLElement>('.fc')!;
const eventIn = async (title: string) =>
  waitFor(() => {
    const found = [...grid().querySelectorAll<HTMLElement>('.fc-event')].find((e) =>
      e.textContent?.includes(title),
    );
    if (!found) throw new Error(`${title} is not in the grid`);
    return found;
  });

beforeEach(() => {
  localStorage.clear();
  useToastStore.setState({ toasts: [] });
});
afterEach(cleanup);

// FullCalendar lays out a whole week per render in jsdom: slow on a busy machine, not timed.
describe('calendar page (mock server)', { timeout: 30_000 }, () => {
  it('loads the visible week with one expanded query and shows timed and all-day events', async () => {
    const { requests } = renderPage();
    await eventIn('Lunch with Carol');
    const [query] = callsOf(requests, 'CalendarEvent/query');
    expect(query).toMatchObject({ expandRecurrences: true });
    expect((query?.filter as { after: string }).after.slice(0, 10)).toBe('2026-11-30');
    expect((query?.filter as { before: string }).before.slice(0, 10)).toBe('2026-12-07');
    // The recurring occurrence and the invitation without a title ("(No title)") are shown too.
    await eventIn('Team meeting');
    await eventIn('(No title)');
    // showWithoutTime: in the all-day row, not in the time grid.
    const allDayRow = grid().querySelector('.fc-daygrid-body')!;
    expect(allDayRow.textContent).toContain('Company holiday');
    expect(grid().querySelector('.fc-timegrid-body')!.textContent).not.toContain('Company holiday');
    expect(screen.getByRole('heading', { level: 2, name: /Nov|Dec/ })).toBeTruthy();
  });

  it('switches to the month and agenda views with m and a, loading each range', async () => {
    const { requests, user } = renderPage();
    await eventIn('Lunch with Carol');
    await user.keyboard('m');
    await waitFor(() => expect(grid().querySelector('.fc-dayGridMonth-view')).not.toBeNull());
    await eventIn('Lunch with Carol');
    expect(screen.getByRole('button', { name: 'Month' }).getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('a');
    await waitFor(() => expect(grid().querySelector('.fc-list')).not.toBeNull());
    await waitFor(() => expect(grid().textContent).toContain('Team meeting'));
    // The month (30 Nov – 10 Jan, six weeks) was asked for on its own.
    const afters = callsOf(requests, 'CalendarEvent/query').map((q) =>
      (q.filter as { after: string }).after.slice(0, 10),
    );
    expect(afters).toContain('2026-11-30');
    const befores = callsOf(requests, 'CalendarEvent/query').map((q) =>
      (q.filter as { before: string }).before.slice(0, 10),
    );
    expect(befores).toContain('2027-01-11');
  });

  it('the month view draws a busy day\'s first events and a "+k more" button that opens the day', async () => {
    // Three meetings before lunch on Wednesday 2 December: lunch is the day's fourth event.
    const early = ['08', '09', '10'].map((hour) => ({
      ...lunch,
      id: `early-${hour}`,
      uid: `early-${hour}@colibri.test`,
      title: `Early ${Number(hour)}`,
      start: `2026-12-02T${hour}:00:00`,
      timeZone: 'Etc/UTC',
      utcStart: `2026-12-02T${hour}:00:00Z`,
      utcEnd: `2026-12-02T${hour}:30:00Z`,
    }));
    const { user } = renderPage({ occurrences: [lunch, ...early] }, 'month');
    await eventIn('Early 10');
    expect(grid().textContent).not.toContain('Lunch with Carol');
    await user.click(screen.getByRole('button', { name: '1 more event on Wednesday 2 December' }));
    await waitFor(() => expect(grid().querySelector('.fc-timeGridDay-view')).not.toBeNull());
    await eventIn('Lunch with Carol');
    expect(screen.getByRole('button', { name: 'Day' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { level: 2, name: /2 December/ })).toBeTruthy();
  });

  it('hiding a calendar hides its events at once and tells the server (Calendar/set isVisible)', async () => {
    const { requests, user } = renderPage();
    await eventIn('Lunch with Carol');
    await user.click(screen.getByRole('checkbox', { name: 'Show Personal' }));
    await waitFor(() => expect(grid().textContent).not.toContain('Lunch with Carol'));
    expect(grid().textContent).toContain('Team meeting');
    await waitFor(() =>
      expect(callsOf(requests, 'Calendar/set')).toEqual([
        { accountId: 'A1', update: { C2: { isVisible: false } } },
      ]),
    );
  });

  it('editing one occurrence of a recurring event asks, then writes its override', async () => {
    const { requests, user } = renderPage();
    await open(user, 'Team meeting');
    const details = await screen.findByRole('dialog', { name: 'Team meeting' });
    expect(within(details).getByText(/bob@colibri.test/)).toBeTruthy();
    expect(within(details).getByText('Maybe')).toBeTruthy();
    await user.click(within(details).getByRole('button', { name: 'Edit' }));
    const editor = await screen.findByRole('dialog', { name: 'Edit event' });
    const title = within(editor).getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Team meeting (room 2)');
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    const scope = await screen.findByRole('dialog', { name: 'Recurring event' });
    await user.click(within(scope).getByRole('button', { name: 'This occurrence' }));
    await waitFor(() => expect(callsOf(requests, 'CalendarEvent/set')).toHaveLength(1));
    expect(callsOf(requests, 'CalendarEvent/set')[0]?.update).toEqual({
      E1: { recurrenceOverrides: { '2026-12-03T10:00:00': { title: 'Team meeting (room 2)' } } },
    });
  });

  it('editing all occurrences patches the base event', async () => {
    const { requests, user } = renderPage();
    await open(user, 'Team meeting');
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Team meeting' })).getByRole('button', {
        name: 'Edit',
      }),
    );
    const editor = await screen.findByRole('dialog', { name: 'Edit event' });
    expect((within(editor).getByRole('combobox', { name: 'Repeat' }) as HTMLSelectElement).value).toBe(
      'weekly',
    );
    await user.type(within(editor).getByLabelText('Location'), 'Room 2');
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Recurring event' })).getByRole('button', {
        name: 'All occurrences',
      }),
    );
    await waitFor(() => expect(callsOf(requests, 'CalendarEvent/set')).toHaveLength(1));
    const patch = (
      callsOf(requests, 'CalendarEvent/set')[0]?.update as Record<string, Record<string, unknown>>
    ).E1;
    expect(patch).toMatchObject({
      start: '2026-11-05T10:00:00',
      locations: { main: { '@type': 'Location', name: 'Room 2' } },
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
    });
  });

  it('answers an invitation from the details, showing the answer at once', async () => {
    const { requests, user } = renderPage();
    await open(user, '(No title)');
    const details = await screen.findByRole('dialog', { name: '(No title)' });
    expect(within(details).getByText(/Awaiting answer/)).toBeTruthy();
    await user.click(within(details).getByRole('button', { name: 'Yes' }));
    await waitFor(() =>
      expect(callsOf(requests, 'CalendarEvent/set')[0]?.update).toEqual({
        E4: { 'participants/me/participationStatus': 'accepted' },
      }),
    );
    expect(within(details).getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).toBe('true');
    // Someone else's invitation: no editing.
    expect(within(details).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('deletes an event with an Undo that creates it again', async () => {
    const { requests, user } = renderPage();
    await open(user, 'Lunch with Carol');
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Lunch with Carol' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() => expect(grid().textContent).not.toContain('Lunch with Carol'));
    await waitFor(() =>
      expect(useToastStore.getState().toasts.map((t) => t.message)).toContain('Event deleted.'),
    );
    expect(callsOf(requests, 'CalendarEvent/set')[0]).toMatchObject({ destroy: ['E2'] });
    const toast = useToastStore.getState().toasts.find((t) => t.message === 'Event deleted.');
    act(() => toast?.action?.run());
    await waitFor(() => expect(callsOf(requests, 'CalendarEvent/set')).toHaveLength(2));
    expect(callsOf(requests, 'CalendarEvent/set')[1]).toMatchObject({
      create: { new: { title: 'Lunch with Carol' } },
    });
  });

  it('a refused change puts the event back and says why', async () => {
    const { user } = renderPage({ refuse: { type: 'forbidden', description: 'Read-only calendar' } });
    await open(user, 'Lunch with Carol');
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Lunch with Carol' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() =>
      expect(useToastStore.getState().toasts.map((t) => t.message)).toContain(
        'Could not delete the event: Read-only calendar',
      ),
    );
    await eventIn('Lunch with Carol');
  });

  it('creates an event from the New event button with the keyboard', async () => {
    const { requests, user } = renderPage();
    await eventIn('Lunch with Carol');
    await user.keyboard('c');
    const editor = await screen.findByRole('dialog', { name: 'New event' });
    expect(document.activeElement).toBe(within(editor).getByLabelText('Title'));
    await user.type(within(editor).getByLabelText('Title'), 'Dentist');
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsOf(requests, 'CalendarEvent/set')).toHaveLength(1));
    const created = (
      callsOf(requests, 'CalendarEvent/set')[0]?.create as Record<string, Record<string, unknown>>
    ).new;
    expect(created).toMatchObject({
      '@type': 'Event',
      title: 'Dentist',
      calendarIds: { C1: true },
      duration: 'PT1H',
    });
  });

  it('the organiser sees a proposed time as a badge and a diff, and accepts it (CalendarEventProposal/set)', async () => {
    const { requests, user } = renderPage({ proposals: [bobsProposal] });
    const event = await eventIn('Team meeting');
    await waitFor(() => expect(event.textContent).toContain('1 proposed new time'));
    // Only the occurrence proposed about has the badge.
    expect(grid().querySelectorAll('.calendar-event--proposals')).toHaveLength(1);
    await open(user, 'Team meeting');
    const details = await screen.findByRole('dialog', { name: 'Team meeting' });
    const item = within(details).getByRole('listitem', { name: 'Proposal from bob@colibri.test' });
    // Shown in the user's zone (the test runs in UTC): 10:00 Paris is 09:00 UTC.
    expect(item.textContent).toMatch(/for the occurrence of Thursday,? 3 December 2026 at 09:00/);
    expect(item.querySelector('del')?.textContent).toMatch(/3 December 2026.*09:00.10:00/);
    expect(item.querySelector('ins')?.textContent).toMatch(/3 December 2026.*10:00.11:00/);
    expect(item.textContent).toContain('I have a clash at 10.');
    await user.click(within(item).getByRole('button', { name: 'Accept the new time' }));
    await waitFor(() =>
      expect(callsOf(requests, 'CalendarEventProposal/set')).toEqual([
        { accountId: 'A1', update: { [bobsProposal.id]: { status: 'accepted' } } },
      ]),
    );
    // Answered: the proposals are read again and the badge goes.
    await waitFor(() => expect(grid().querySelectorAll('.calendar-event--proposals')).toHaveLength(0));
  });

  it('the organiser sees the people’s availability at the proposed time (Principal/getAvailability)', async () => {
    const { requests, user } = renderPage({
      proposals: [bobsProposal],
      principals: [
        { id: 'A1', name: 'Alice', email: 'alice@colibri.test' },
        { id: 'B1', name: 'Bob', email: 'bob@colibri.test' },
      ],
      availability: {
        // Alice has another meeting over the proposed 11:00–12:00 Paris; Bob is free.
        A1: [
          {
            utcStart: '2026-12-03T10:30:00Z',
            utcEnd: '2026-12-03T11:30:00Z',
            busyStatus: 'confirmed',
            event: null,
          },
        ],
        B1: [],
      },
    });
    await open(user, 'Team meeting');
    const details = await screen.findByRole('dialog', { name: 'Team meeting' });
    const item = within(details).getByRole('listitem', { name: 'Proposal from bob@colibri.test' });
    await within(item).findByText('Busy at this time: Alice (you).');
    expect(
      within(within(item).getByRole('row', { name: 'Bob' })).getByText('Free at this time'),
    ).toBeTruthy();
    // Compact: the proposal's day only (in the user's zone, UTC here), nothing to pick there.
    expect(within(item).queryByRole('button', { name: /^Pick / })).toBeNull();
    expect(callsOf(requests, 'Principal/getAvailability')).toContainEqual(
      expect.objectContaining({ id: 'B1', utcStart: '2026-12-03T00:00:00Z', utcEnd: '2026-12-04T00:00:00Z' }),
    );
  });

  it('the organiser declines a proposal with a note', async () => {
    const { requests, user } = renderPage({ proposals: [bobsProposal] });
    await open(user, 'Team meeting');
    const details = await screen.findByRole('dialog', { name: 'Team meeting' });
    const item = await within(details).findByRole('listitem', { name: /Proposal from bob/ });
    await user.click(within(item).getByRole('button', { name: 'Decline' }));
    await user.type(within(item).getByLabelText(/Note for the guest/), 'Only 10 works for Carol.');
    await user.click(within(item).getByRole('button', { name: 'Decline the proposal' }));
    await waitFor(() =>
      expect(callsOf(requests, 'CalendarEventProposal/set')[0]?.update).toEqual({
        [bobsProposal.id]: { status: 'declined', comment: 'Only 10 works for Carol.' },
      }),
    );
  });

  it('the proposer is told when the organiser declined their proposal', async () => {
    const declined = {
      ...bobsProposal,
      id: 'E4-P00000000000000a1',
      calendarEventId: 'E4',
      recurrenceId: null,
      from: 'alice@colibri.test',
      utcStart: '2026-12-01T16:00:00Z',
      utcEnd: '2026-12-01T16:30:00Z',
      status: 'declined' as const,
    };
    const { user } = renderPage({ proposals: [declined] });
    await open(user, '(No title)');
    const details = await screen.findByRole('dialog', { name: '(No title)' });
    expect(within(details).getByRole('status').textContent).toMatch(
      /The organiser declined your proposal of .*1 December 2026/,
    );
    // Not the organiser: nothing to accept.
    expect(within(details).queryByRole('button', { name: 'Accept the new time' })).toBeNull();
    expect(grid().querySelectorAll('.calendar-event--proposals')).toHaveLength(0);
  });

  it('the mini month follows the grid and takes it to a picked day', async () => {
    const { requests, user } = renderPage();
    await eventIn('Lunch with Carol');
    const navigator = screen.getByRole('table', { name: 'December 2026' });
    // The week shown (30 November - 6 December) is highlighted, today marked.
    const pressed = within(navigator)
      .getAllByRole('button', { pressed: true })
      .map((b) => b.textContent);
    expect(pressed).toEqual(['30', '1', '2', '3', '4', '5', '6']);
    expect(
      within(navigator)
        .getByRole('button', { name: /Tuesday,? 1 December 2026/ })
        .getAttribute('aria-current'),
    ).toBe('date');
    await user.click(within(navigator).getByRole('button', { name: /Thursday,? 17 December 2026/ }));
    await waitFor(() =>
      expect(
        callsOf(requests, 'CalendarEvent/query').map((q) =>
          (q.filter as { after: string }).after.slice(0, 10),
        ),
      ).toContain('2026-12-14'),
    );
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(screen.getByRole('table', { name: 'January 2027' })).toBeTruthy();
  });
});
