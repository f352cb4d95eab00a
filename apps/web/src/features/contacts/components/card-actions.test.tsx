import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { EventLauncherProvider } from '../../../lib/event-launcher';
import { MeetingRoomsProvider } from '../../../lib/meeting-rooms';
import type { MeetingRooms } from '../../../lib/meeting-rooms';
import { useToastStore } from '../../../lib/toast-store';
import { renderContactsPage } from '../testing/render-contacts';

/** The shell's services, in memory: the calendar launcher and the rooms API (lib/*). */
function shell(created: Awaited<ReturnType<MeetingRooms['create']>>) {
  const openNewEvent = vi.fn();
  const rooms: MeetingRooms = {
    create: vi.fn(async () => created),
    attach: vi.fn(async () => true),
    remove: vi.fn(async () => true),
  };
  const wrap = (page: React.ReactNode) => (
    <EventLauncherProvider open={openNewEvent}>
      <MeetingRoomsProvider rooms={rooms}>{page}</MeetingRoomsProvider>
    </EventLauncherProvider>
  );
  return { openNewEvent, rooms, wrap };
}

beforeEach(() => useToastStore.setState({ toasts: [] }));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('from a card: mail, meeting, Meet now (mock server)', { timeout: 30_000 }, () => {
  it('"Invite to a meeting" opens the calendar\'s new event with the contact as attendee', async () => {
    const { openNewEvent, wrap } = shell({ ok: true, roomId: 'r1', url: '/meet/r1' });
    const { user } = renderContactsPage({}, wrap);
    await user.click(await screen.findByRole('button', { name: /Grace Hopper/ }));
    const detail = await screen.findByRole('article', { name: 'Grace Hopper' });
    await user.click(within(detail).getByRole('button', { name: 'Invite to a meeting' }));
    expect(openNewEvent).toHaveBeenCalledWith({ attendees: ['grace@example.org'] });
  });

  it('"Meet now" creates a room titled with the contact\'s name and opens it', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { rooms, wrap } = shell({ ok: true, roomId: 'r1', url: '/meet/r1' });
    const { user } = renderContactsPage({}, wrap);
    await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
    const detail = await screen.findByRole('article', { name: 'Ada Lovelace' });
    await user.click(within(detail).getByRole('button', { name: 'Meet now' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('/meet/r1', '_blank', 'noopener'));
    expect(rooms.create).toHaveBeenCalledWith({ title: 'Ada Lovelace' });
  });

  it('says when the room cannot be created, and opens nothing', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { wrap } = shell({ ok: false });
    const { user } = renderContactsPage({}, wrap);
    await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
    await user.click(await screen.findByRole('button', { name: 'Meet now' }));
    await waitFor(() =>
      expect(useToastStore.getState().toasts.at(-1)?.message).toBe('The video room could not be created.'),
    );
    expect(open).not.toHaveBeenCalled();
  });

  it("without the shell's services (or an email), the card offers neither", async () => {
    const { user } = renderContactsPage();
    await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
    const detail = await screen.findByRole('article', { name: 'Ada Lovelace' });
    expect(within(detail).getByRole('button', { name: 'Write a mail' })).toBeTruthy();
    expect(within(detail).queryByRole('button', { name: 'Invite to a meeting' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: 'Meet now' })).toBeNull();
  });
});
