import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { newDraft } from '../lib/event-draft';
import { callsOf, mockCalendarServer } from '../testing/mock-calendar-server';
import type { MockServerData } from '../testing/mock-calendar-server';
import { EventEditor } from './event-editor';

beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterEach(cleanup);

const draft = {
  ...newDraft({
    now: new Date('2026-12-01T08:10:00Z'),
    timeZone: 'Europe/Paris',
    calendarId: 'C1',
    start: '2026-12-01T10:00',
    end: '2026-12-01T11:00',
  }),
  attendees: ['bob@colibri.test', 'guest@example.org', 'carol@colibri.test', 'dave@colibri.test'],
};

const directory = [
  { id: 'A1', name: 'Alice', email: 'alice@colibri.test' },
  { id: 'B1', name: 'Bob', email: 'bob@colibri.test' },
  { id: 'C1', name: 'Carol', email: 'carol@colibri.test' },
  { id: 'D1', name: 'Dave', email: 'dave@colibri.test' },
  // Principal/query's email filter matches substrings: this one must not be taken for Bob.
  { id: 'X1', name: 'Not Bob', email: 'notbob@colibri.test' },
];
const busy = (utcStart: string, utcEnd: string) => ({
  utcStart,
  utcEnd,
  busyStatus: 'confirmed' as const,
  event: null,
});

function renderEditor(data: Partial<MockServerData> = {}, initial = draft) {
  const server = mockCalendarServer({
    calendars: [],
    occurrences: [],
    stored: [],
    principals: directory,
    availability: {
      A1: [],
      // Bob: 10:00–11:00 Paris on the 1st, and a morning meeting on the 2nd.
      B1: [
        busy('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z'),
        busy('2026-12-02T08:00:00Z', '2026-12-02T09:00:00Z'),
      ],
      C1: { error: 'forbidden' },
      D1: { error: 'serverFail' },
    },
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

const row = (name: string) => screen.getByRole('row', { name });

describe(
  'find a time (JMAP Calendars §2.2 Principal/getAvailability; mock server)',
  { timeout: 30_000 },
  () => {
    it('shows each person’s busy time over the day, and says who is busy at the event’s time', async () => {
      const { user, dialog, requests } = renderEditor();
      await user.click(within(dialog).getByRole('button', { name: 'Find a time' }));
      await screen.findByText('Busy at this time: Bob.');
      expect(within(row('Bob')).getByText('Busy at this time')).toBeTruthy();
      expect(within(row('Bob')).getByText('Busy 10:00–11:00')).toBeTruthy();
      expect(within(row('Alice (you)')).getByText('Free at this time')).toBeTruthy();
      expect(within(row('guest@example.org')).getByText('Availability unknown')).toBeTruthy();
      expect(within(row('Carol')).getByText('Availability not shared with you')).toBeTruthy();
      expect(within(row('Dave')).getByText('Availability could not be loaded')).toBeTruthy();
      // One directory look-up, exact addresses only; availability asked of Colibri users only.
      const [query] = callsOf(requests, 'Principal/query');
      expect(query).toMatchObject({ filter: { operator: 'OR' } });
      const asked = callsOf(requests, 'Principal/getAvailability');
      expect(asked.map((a) => a.id).sort()).toEqual(['A1', 'B1', 'C1', 'D1']);
      expect(asked[0]).toMatchObject({ utcStart: '2026-11-30T23:00:00Z', utcEnd: '2026-12-01T23:00:00Z' });
    });

    it('moves the event to the next slot free for everyone, keeping its length, and saves it', async () => {
      const { user, dialog, onSave, requests } = renderEditor();
      await user.click(within(dialog).getByRole('button', { name: 'Find a time' }));
      await screen.findByText('Busy at this time: Bob.');
      await user.click(screen.getByRole('button', { name: 'Next free slot for everyone' }));
      await waitFor(() =>
        expect(within(dialog).getByLabelText<HTMLInputElement>('Starts').value).toBe('2026-12-01T11:00'),
      );
      expect(within(dialog).getByLabelText<HTMLInputElement>('Ends').value).toBe('2026-12-01T12:00');
      await screen.findByText('Everyone whose availability is known is free at this time.');
      // The search reads ahead: one call per person over the next weeks, within the 366-day limit.
      const wide = callsOf(requests, 'Principal/getAvailability').filter(
        (a) => Date.parse(a.utcEnd as string) - Date.parse(a.utcStart as string) > 7 * 86_400_000,
      );
      expect(wide.length).toBeGreaterThan(0);
      await user.click(within(dialog).getByRole('button', { name: 'Save' }));
      expect(onSave).toHaveBeenCalledWith(
        expect.objectContaining({ start: '2026-12-01T11:00', end: '2026-12-01T12:00' }),
      );
    });

    it('picks a slot by a click and goes from day to day', async () => {
      const { user, dialog, requests } = renderEditor();
      await user.click(within(dialog).getByRole('button', { name: 'Find a time' }));
      await screen.findByText('Busy at this time: Bob.');
      await user.click(screen.getByRole('button', { name: 'Pick 14:30' }));
      expect(within(dialog).getByLabelText<HTMLInputElement>('Starts').value).toBe('2026-12-01T14:30');
      expect(within(dialog).getByLabelText<HTMLInputElement>('Ends').value).toBe('2026-12-01T15:30');
      await user.click(screen.getByRole('button', { name: 'Next day' }));
      await within(row('Bob')).findByText('Busy 09:00–10:00');
      expect(
        callsOf(requests, 'Principal/getAvailability').some((a) => a.utcStart === '2026-12-01T23:00:00Z'),
      ).toBe(true);
      await user.click(screen.getByRole('button', { name: 'Pick 09:30' }));
      expect(within(dialog).getByLabelText<HTMLInputElement>('Starts').value).toBe('2026-12-02T09:30');
      await user.click(screen.getByRole('button', { name: 'Previous day' }));
      await user.click(screen.getByRole('button', { name: 'Previous day' }));
      expect(await screen.findByText(/30 November 2026/)).toBeTruthy();
    });

    it('follows the event to another day when its start is edited', async () => {
      const { user, dialog } = renderEditor();
      await user.click(within(dialog).getByRole('button', { name: 'Find a time' }));
      await screen.findByText('Busy at this time: Bob.');
      fireEvent.change(within(dialog).getByLabelText('Starts'), { target: { value: '2026-12-02T09:30' } });
      fireEvent.change(within(dialog).getByLabelText('Ends'), { target: { value: '2026-12-02T10:30' } });
      await within(row('Bob')).findByText('Busy 09:00–10:00');
      await screen.findByText('Busy at this time: Bob.');
    });

    it('for an all-day event, finds the next day free for everyone', async () => {
      const allDay = { ...draft, allDay: true, start: '2026-12-01', end: '2026-12-01' };
      const { user, dialog } = renderEditor(
        {
          availability: {
            A1: [],
            B1: [busy('2026-12-02T00:00:00Z', '2026-12-03T00:00:00Z')],
            C1: [],
            D1: [],
          },
        },
        allDay,
      );
      await user.click(within(dialog).getByRole('button', { name: 'Find a time' }));
      await screen.findByText('Everyone whose availability is known is free at this time.');
      await user.click(screen.getByRole('button', { name: 'Next free slot for everyone' }));
      await waitFor(() =>
        expect(within(dialog).getByLabelText<HTMLInputElement>('Start date').value).toBe('2026-12-03'),
      );
      expect(within(dialog).getByLabelText<HTMLInputElement>('End date').value).toBe('2026-12-03');
    });

    it('shows people who are not in the directory as unknown', async () => {
      const { user, dialog, requests } = renderEditor({ principals: [] });
      await user.click(within(dialog).getByRole('button', { name: 'Find a time' }));
      expect(await within(row('bob@colibri.test')).findByText('Availability unknown')).toBeTruthy();
      expect(within(row('alice@colibri.test (you)')).getByText('Availability unknown')).toBeTruthy();
      expect(callsOf(requests, 'Principal/getAvailability')).toEqual([]);
    });
  },
);
