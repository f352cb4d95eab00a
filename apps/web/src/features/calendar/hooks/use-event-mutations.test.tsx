import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { JmapClientProvider } from '../../../lib/jmap';
import { useToastStore } from '../../../lib/toast-store';
import { calendarKeys } from '../api/keys';
import type { RangeEvents } from '../api/query-events';
import { moveEdit } from '../lib/move';
import { calendar, callsOf, mockCalendarServer } from '../testing/mock-calendar-server';
import { holiday, lunch, weeklyMaster, weeklyOccurrence } from '../testing/fixtures';
import { useUpdateEvent } from './use-event-mutations';

const range = { after: '2026-11-30T00:00:00', before: '2026-12-07T00:00:00', timeZone: 'Europe/Paris' };

function setup(refuse: { type: string; description?: string } | null) {
  const server = mockCalendarServer({
    calendars: [calendar('C1', 'Work'), calendar('C2', 'Personal')],
    occurrences: [lunch, weeklyOccurrence, holiday],
    stored: [lunch, weeklyMaster],
    refuse,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  queryClient.setQueryData<RangeEvents>(calendarKeys.range('A1', range), {
    events: [lunch, weeklyOccurrence, holiday],
    truncated: false,
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <JmapClientProvider client={server.client}>{children}</JmapClientProvider>
    </QueryClientProvider>
  );
  const { result } = renderHook(() => useUpdateEvent('A1', 'Europe/Paris'), { wrapper });
  const cached = () =>
    queryClient.getQueryData<RangeEvents>(calendarKeys.range('A1', range))?.events.find((e) => e.id === 'E2');
  return { ...server, result, cached };
}

beforeEach(() => useToastStore.setState({ toasts: [] }));
afterEach(() => vi.restoreAllMocks());

describe('drag to move (mock server)', () => {
  it('keeps the zone of the event and the length of a resize', () => {
    // Dropped at 15:00 Paris time (14:00 UTC), resized to 90 minutes.
    expect(
      moveEdit(lunch, new Date('2026-12-02T14:00:00Z'), new Date('2026-12-02T15:30:00Z'), 'Europe/Paris'),
    ).toEqual({
      start: '2026-12-02T15:00:00',
      duration: 'PT1H30M',
    });
    const newYork = { ...lunch, timeZone: 'America/New_York' };
    expect(moveEdit(newYork, new Date('2026-12-02T14:00:00Z'), null, 'Europe/Paris')).toEqual({
      start: '2026-12-02T09:00:00',
      duration: 'PT1H',
    });
    // An all-day event dropped on 10 December, stretched over two days.
    expect(
      moveEdit(holiday, new Date('2026-12-09T23:00:00Z'), new Date('2026-12-11T23:00:00Z'), 'Europe/Paris'),
    ).toEqual({ start: '2026-12-10T00:00:00', duration: 'P2D' });
  });

  it('moves the event on screen at once and sends the new time', async () => {
    const { result, cached, requests } = setup(null);
    const edited = moveEdit(
      lunch,
      new Date('2026-12-02T14:00:00Z'),
      new Date('2026-12-02T15:00:00Z'),
      'Europe/Paris',
    );
    act(() => result.current.mutate({ occurrence: lunch, edited, scope: 'series', move: true }));
    await waitFor(() => expect(cached()?.utcStart).toBe('2026-12-02T14:00:00.000Z'));
    await waitFor(() => expect(callsOf(requests, 'CalendarEvent/set')).toHaveLength(1));
    expect(callsOf(requests, 'CalendarEvent/set')[0]?.update).toEqual({
      E2: { start: '2026-12-02T15:00:00', duration: 'PT1H' },
    });
  });

  it('puts the event back where it was when the server refuses, and says so', async () => {
    const { result, cached } = setup({ type: 'forbidden', description: 'Read-only calendar' });
    const revert = vi.fn();
    const edited = moveEdit(
      lunch,
      new Date('2026-12-02T14:00:00Z'),
      new Date('2026-12-02T15:00:00Z'),
      'Europe/Paris',
    );
    act(() =>
      result.current.mutate({ occurrence: lunch, edited, scope: 'series', move: true, onRefused: revert }),
    );
    await waitFor(() => expect(revert).toHaveBeenCalled());
    expect(cached()).toMatchObject({ start: '2026-12-02T12:30:00', utcStart: '2026-12-02T11:30:00Z' });
    expect(useToastStore.getState().toasts.map((t) => [t.tone, t.message])).toEqual([
      ['error', 'Could not move the event, it is back in its place: Read-only calendar'],
    ]);
  });
});
