import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import type { CalendarEvent } from '@colibri/jmap-types';
import { invitation } from '../testing/fixtures';
import { calendar, callsOf, mockCalendarServer } from '../testing/mock-calendar-server';
import { InvitationCard } from './invitation-card';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const LINK = 'https://mail.colibri.test/meet/abcdefghijklmnopqrstuvwxyz';

const ics = (method: string, extra?: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    'UID:review@example.org',
    ...(extra ? [extra] : []),
    'DTSTAMP:20261101T100000Z',
    'DTSTART;TZID=Europe/Paris:20261201T150000',
    'DTEND;TZID=Europe/Paris:20261201T153000',
    'SUMMARY:Design review',
    'ORGANIZER;CN=Dan:mailto:dan@example.org',
    'ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:alice@colibri.test',
    `CONFERENCE;VALUE=URI;FEATURE=VIDEO:${LINK}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

/** Alice's copy of the invitation in her calendar, as the server stored it. */
const copy: CalendarEvent = {
  ...invitation,
  uid: 'review@example.org',
  title: 'Design review',
  virtualLocations: { v1: { '@type': 'VirtualLocation', uri: LINK, features: { video: true } } },
};

/** A mock JMAP server (calendar) and a mock download of the email's text/calendar part. */
function renderCard(method: string, copies: CalendarEvent[] = [copy], extra?: string) {
  const downloads: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      downloads.push(String(url));
      return new Response(ics(method, extra), { status: 200, headers: { 'Content-Type': 'text/calendar' } });
    }),
  );
  const server = mockCalendarServer({
    calendars: [calendar('C1', 'Work', { isDefault: true })],
    occurrences: copies,
    stored: copies,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={server.client}>
        <InvitationCard
          accountId="A1"
          email={{
            id: 'M1',
            subject: 'Invitation: Design review',
            attachments: [
              { partId: '2', blobId: 'B-ics', type: 'text/calendar', size: 600 },
              { partId: '3', blobId: 'B-pdf', type: 'application/pdf', size: 9000 },
            ],
          }}
        />
      </JmapClientProvider>
    </QueryClientProvider>,
  );
  return { ...server, downloads, user: userEvent.setup() };
}

describe('the invitation card of the mail reader (mock JMAP server)', { timeout: 30_000 }, () => {
  it('shows what, when, who organises and Join; Accept answers on the copy with a scheduling message', async () => {
    const { requests, downloads, user } = renderCard('REQUEST');
    const card = await screen.findByRole('region', { name: 'Invitation: Design review' });
    expect(downloads[0]).toContain('/B-ics/');
    expect(within(card).getByText('Dan <dan@example.org>')).toBeTruthy();
    expect(within(card).getByText(/1 December 2026/)).toBeTruthy();
    const join = within(card).getByRole('link', { name: 'Join the video meeting: Design review' });
    expect(join.getAttribute('href')).toBe(LINK);
    expect(join.getAttribute('target')).toBe('_blank');
    // The copy is looked up by the invitation's UID (draft §5.8.1).
    expect(callsOf(requests, 'CalendarEvent/query')[0]).toMatchObject({
      filter: { uid: 'review@example.org' },
    });

    const answers = await within(card).findByRole('group', { name: 'Going?' });
    await user.click(within(answers).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(callsOf(requests, 'CalendarEvent/set')).toHaveLength(1));
    expect(callsOf(requests, 'CalendarEvent/set')[0]).toMatchObject({
      update: { E4: { 'participants/me/participationStatus': 'accepted' } },
      sendSchedulingMessages: true,
    });
    await waitFor(() =>
      expect(within(answers).getByRole('button', { name: 'Accept' }).getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
  });

  it('an invitation to one occurrence (RECURRENCE-ID) is answered in that occurrence’s override only', async () => {
    const series: CalendarEvent = {
      ...copy,
      start: '2026-11-03T15:00:00',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
      recurrenceOverrides: null,
    };
    const { requests, user } = renderCard(
      'REQUEST',
      [series],
      'RECURRENCE-ID;TZID=Europe/Paris:20261201T150000',
    );
    const card = await screen.findByRole('region', { name: 'Invitation: Design review' });
    expect(within(card).getByText(/1 December 2026/)).toBeTruthy();
    const answers = await within(card).findByRole('group', { name: 'Going?' });
    await user.click(within(answers).getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(callsOf(requests, 'CalendarEvent/set')).toHaveLength(1));
    expect(callsOf(requests, 'CalendarEvent/set')[0]).toMatchObject({
      update: {
        E4: {
          recurrenceOverrides: {
            '2026-12-01T15:00:00': { 'participants/me/participationStatus': 'declined' },
          },
        },
      },
      sendSchedulingMessages: true,
    });
  });

  it('a cancellation says so, with no answers and no Join', async () => {
    renderCard('CANCEL');
    const card = await screen.findByRole('region', { name: 'Cancelled: Design review' });
    expect(within(card).getByText('The organiser cancelled this event.')).toBeTruthy();
    expect(within(card).queryByRole('group', { name: 'Going?' })).toBeNull();
    expect(within(card).queryByRole('link')).toBeNull();
  });

  it('an invitation that is not in the calendar offers Join but no answers, and says why', async () => {
    renderCard('REQUEST', []);
    const card = await screen.findByRole('region', { name: 'Invitation: Design review' });
    expect(await within(card).findByText(/not in your calendar/)).toBeTruthy();
    expect(within(card).queryByRole('group', { name: 'Going?' })).toBeNull();
    expect(
      within(card)
        .getByRole('link', { name: /Join the video meeting/ })
        .getAttribute('href'),
    ).toBe(LINK);
  });

  it('shows nothing for a message without a calendar part', () => {
    const { container } = render(
      <InvitationCard
        accountId="A1"
        email={{ id: 'M2', attachments: [{ blobId: 'B', type: 'application/pdf' }] }}
      />,
    );
    expect(container.innerHTML).toBe('');
  });
});
