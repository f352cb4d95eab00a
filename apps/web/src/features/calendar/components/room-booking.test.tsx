import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { CalendarEvent } from '@colibri/jmap-types';
import { JmapClientProvider } from '../../../lib/jmap';
import { draftOfEvent, eventPropertiesOf, newDraft } from '../lib/event-draft';
import type { EventDraft } from '../lib/event-draft';
import { calendar, callsOf, mockCalendarServer, mockRooms } from '../testing/mock-calendar-server';
import type { MockServerData } from '../testing/mock-calendar-server';
import { useCalendarUiStore } from '../stores/calendar-ui-store';
import { lunch } from '../testing/fixtures';
import { CalendarPage } from './calendar-page';
import { EventDetails } from './event-details';
import { EventEditor } from './event-editor';

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
afterEach(cleanup);

const busy = (utcStart: string, utcEnd: string) => ({
  utcStart,
  utcEnd,
  busyStatus: 'confirmed' as const,
  event: null,
});

const directory = [{ id: 'A1', name: 'Alice', email: 'alice@colibri.test' }, ...mockRooms];
/** 10:00–11:00 Paris is 09:00–10:00Z: Salle Azur's meeting ends as it starts, Boardroom's overlaps. */
const availability = {
  R1: [busy('2026-12-01T08:00:00Z', '2026-12-01T09:00:00Z')],
  R2: [busy('2026-12-01T09:30:00Z', '2026-12-01T10:30:00Z')],
};

const draft: EventDraft = newDraft({
  now: new Date('2026-12-01T08:10:00Z'),
  timeZone: 'Europe/Paris',
  calendarId: 'C1',
  start: '2026-12-01T10:00',
  end: '2026-12-01T11:00',
});

function renderEditor(data: Partial<MockServerData> = {}, initial = draft) {
  const server = mockCalendarServer({
    calendars: [],
    occurrences: [],
    stored: [],
    principals: directory,
    availability,
    ...data,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onSave = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={server.client}>
        <EventEditor
          open
          mode="create"
          initial={initial}
          calendars={[{ id: 'C1', name: 'Work' }]}
          onSave={onSave}
          onCancel={() => {}}
          findTime={{ accountId: 'A1', userEmail: 'alice@colibri.test' }}
        />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { ...server, onSave, user: userEvent.setup(), dialog: screen.getByRole('dialog') };
}

const available = () => screen.getByRole('list', { name: 'Available rooms' });
const room = (name: string) => within(available()).getByRole('listitem', { name });

describe('booking a room (RFC 9670 location principals; mock server)', { timeout: 30_000 }, () => {
  it('lists the organisation’s rooms, each free or busy over the event’s time', async () => {
    const { user, dialog, requests } = renderEditor();
    expect(within(dialog).getByText('No room booked.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Book a room' }));
    await waitFor(() => expect(within(room('Salle Azur')).getByText('Free')).toBeTruthy());
    await waitFor(() => expect(within(room('Boardroom')).getByText('Busy')).toBeTruthy());
    // Rooms only (not Alice), sorted by name.
    expect(
      within(available())
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Boardroom', 'Salle Azur']);
    expect(callsOf(requests, 'Principal/query')).toEqual([
      expect.objectContaining({ filter: { type: 'location' } }),
    ]);
    const asked = callsOf(requests, 'Principal/getAvailability');
    expect(asked.map((a) => a.id).sort()).toEqual(['R1', 'R2']);
    expect(asked[0]).toMatchObject({ utcStart: '2026-12-01T09:00:00Z', utcEnd: '2026-12-01T10:00:00Z' });
  });

  it('follows the event’s time: a room busy at the new time shows Busy', async () => {
    const { user, dialog } = renderEditor();
    await user.click(within(dialog).getByRole('button', { name: 'Book a room' }));
    await waitFor(() => expect(within(room('Salle Azur')).getByText('Free')).toBeTruthy());
    const starts = within(dialog).getByLabelText<HTMLInputElement>('Starts');
    const ends = within(dialog).getByLabelText<HTMLInputElement>('Ends');
    await user.clear(starts);
    await user.type(starts, '2026-12-01T09:00');
    await user.clear(ends);
    await user.type(ends, '2026-12-01T10:00');
    await waitFor(() => expect(within(room('Salle Azur')).getByText('Busy')).toBeTruthy());
    await waitFor(() => expect(within(room('Boardroom')).getByText('Free')).toBeTruthy());
  });

  it('"Add" puts the room on the event as a participant of kind location, and as its location', async () => {
    const { user, dialog, onSave } = renderEditor();
    await user.click(within(dialog).getByRole('button', { name: 'Book a room' }));
    await user.click(await screen.findByRole('button', { name: 'Add Salle Azur' }));
    expect(
      within(within(dialog).getByRole('list', { name: 'Rooms booked' })).getByText('Salle Azur'),
    ).toBeTruthy();
    expect(within(dialog).getByLabelText<HTMLInputElement>('Location').value).toBe('Salle Azur');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const saved = onSave.mock.calls[0]![0] as EventDraft;
    const properties = eventPropertiesOf(saved, 'alice@colibri.test');
    expect(Object.values(properties.participants ?? {})).toContainEqual({
      '@type': 'Participant',
      name: 'Salle Azur',
      kind: 'location',
      email: 'salle.azur@colibri.test',
      sendTo: { imip: 'mailto:salle.azur@colibri.test' },
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
    });
    expect(properties.locations).toEqual({ main: { '@type': 'Location', name: 'Salle Azur' } });
  });

  it('keeps a location already given, and "Remove" takes the room off', async () => {
    const { user, dialog, onSave } = renderEditor({}, { ...draft, location: 'Floor 3' });
    await user.click(within(dialog).getByRole('button', { name: 'Book a room' }));
    await user.click(await screen.findByRole('button', { name: 'Add Boardroom' }));
    expect(within(dialog).getByLabelText<HTMLInputElement>('Location').value).toBe('Floor 3');
    await user.click(within(available()).getByRole('button', { name: 'Remove Boardroom' }));
    expect(within(dialog).getByText('No room booked.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(eventPropertiesOf(onSave.mock.calls[0]![0] as EventDraft, 'alice@colibri.test').participants).toBe(
      null,
    );
  });

  it('an event’s room stays a room when edited, with its answer, and is not shown as a guest', () => {
    const booked: CalendarEvent = {
      ...lunch,
      participants: {
        alice: {
          '@type': 'Participant',
          email: 'alice@colibri.test',
          roles: { owner: true, attendee: true },
          participationStatus: 'accepted',
        },
        azur: {
          '@type': 'Participant',
          name: 'Salle Azur',
          kind: 'location',
          email: 'salle.azur@colibri.test',
          sendTo: { imip: 'mailto:salle.azur@colibri.test' },
          roles: { attendee: true },
          participationStatus: 'accepted',
        },
      },
    };
    const edited = draftOfEvent(booked, 'Europe/Paris', 'alice@colibri.test');
    expect(edited.attendees).toEqual([]);
    expect(edited.rooms).toEqual([
      {
        email: 'salle.azur@colibri.test',
        name: 'Salle Azur',
        calendarAddress: 'mailto:salle.azur@colibri.test',
      },
    ]);
    const properties = eventPropertiesOf(edited, 'alice@colibri.test', booked.participants ?? null);
    expect(properties.participants?.azur).toEqual(booked.participants?.azur);
  });

  it('the details show a room’s answer, with the comment of a decline', () => {
    const declined: CalendarEvent = {
      ...lunch,
      participants: {
        alice: {
          '@type': 'Participant',
          email: 'alice@colibri.test',
          roles: { owner: true, attendee: true },
          participationStatus: 'accepted',
        },
        board: {
          '@type': 'Participant',
          name: 'Boardroom',
          kind: 'location',
          email: 'boardroom@colibri.test',
          roles: { attendee: true },
          participationStatus: 'declined',
          participationComment: 'Already booked at this time',
        },
      },
    };
    render(
      <EventDetails
        open
        event={declined}
        userEmail="alice@colibri.test"
        displayTimeZone="Europe/Paris"
        canEdit
        onClose={() => {}}
        onEdit={() => {}}
        onDelete={() => {}}
        onRsvp={() => {}}
        onPropose={() => {}}
      />,
    );
    const guests = screen.getByRole('list', { name: 'Guests' });
    const board = within(guests)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('Boardroom'));
    expect(board?.textContent).toBe('Boardroom (room) — Declined — Already booked at this time');
  });

  it('saves a booked room with scheduling messages (CalendarEvent/set)', async () => {
    useCalendarUiStore.setState({ view: 'week', detailsId: null, editor: null });
    const server = mockCalendarServer({
      calendars: [calendar('C1', 'Work', { isDefault: true })],
      occurrences: [],
      stored: [],
      principals: directory,
      availability,
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
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New event' }));
    const editor = await screen.findByRole('dialog', { name: 'New event' });
    await user.type(within(editor).getByLabelText('Title'), 'Planning');
    await user.click(within(editor).getByRole('button', { name: 'Book a room' }));
    await user.click(await within(editor).findByRole('button', { name: 'Add Salle Azur' }));
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsOf(server.requests, 'CalendarEvent/set')).toHaveLength(1));
    const set = callsOf(server.requests, 'CalendarEvent/set')[0]!;
    expect(set.sendSchedulingMessages).toBe(true);
    const created = (set.create as Record<string, CalendarEvent>).new!;
    expect(Object.values(created.participants ?? {})).toContainEqual(
      expect.objectContaining({ kind: 'location', email: 'salle.azur@colibri.test', expectReply: true }),
    );
    expect(created.locations).toEqual({ main: { '@type': 'Location', name: 'Salle Azur' } });
  });
});
