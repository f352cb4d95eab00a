import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { MEETING_ROOM_ID, meetingRoomLimits } from '../sqlite/meeting-rooms.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeMeetingRooms(factory: MailStoreFactory): void {
  describe('meeting rooms', () => {
    const f = useFixture(factory);

    it('creates a room with an unguessable id, finds it by id, lists it for its event, deletes it', async () => {
      const { store, account } = f();
      const room = await store.createMeetingRoom(account.id, { title: 'Weekly', eventId: 'ev1' });
      expect(room).toMatchObject({
        accountId: account.id,
        title: 'Weekly',
        eventId: 'ev1',
        inviteesOnly: false,
      });
      expect(room.id).toMatch(MEETING_ROOM_ID);
      const other = await store.createMeetingRoom(account.id, { title: 'Now' });
      expect(other.id).not.toBe(room.id);
      expect(await store.getMeetingRoom(room.id)).toEqual(room);
      expect(await store.getMeetingRoom(room.id.toUpperCase())).toBeNull();
      expect(await store.getMeetingRoom('../../etc')).toBeNull();
      expect(await store.listMeetingRoomsForEvent(account.id, 'ev1')).toEqual([room]);
      const locked = await store.setMeetingRoomInviteesOnly(account.id, room.id, true);
      expect(locked.inviteesOnly).toBe(true);
      await store.deleteMeetingRoom(account.id, room.id);
      expect(await store.getMeetingRoom(room.id)).toBeNull();
      await expect(store.deleteMeetingRoom(account.id, room.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('ties a room made before its event to the event; another account cannot', async () => {
      const { store, account, addAccount } = f();
      const { account: other } = await addAccount('bob');
      const room = await store.createMeetingRoom(account.id, { title: 'New event' });
      expect(await store.listMeetingRoomsForEvent(account.id, 'ev9')).toEqual([]);
      await expect(store.setMeetingRoomEvent(other.id, room.id, 'ev9')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.setMeetingRoomEvent(account.id, room.id, '')).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      const tied = await store.setMeetingRoomEvent(account.id, room.id, 'ev9');
      expect(tied.eventId).toBe('ev9');
      expect(await store.listMeetingRoomsForEvent(account.id, 'ev9')).toEqual([tied]);
    });

    it("another account cannot change or delete a room; the owner's deletion removes its rooms", async () => {
      const { store, account, addAccount } = f();
      const { account: other } = await addAccount('bob');
      const room = await store.createMeetingRoom(account.id, { title: 'Mine' });
      await expect(store.setMeetingRoomInviteesOnly(other.id, room.id, true)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(store.deleteMeetingRoom(other.id, room.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.getMeetingRoom(room.id))?.inviteesOnly).toBe(false);
      await store.deleteAccount(account.id);
      expect(await store.getMeetingRoom(room.id)).toBeNull();
    });

    it('a room lives while an event carries its link: moved to the event that keeps it, else deleted', async () => {
      const { store, account } = f();
      const [calendar] = await store.listCalendars(account.id);
      const room = await store.createMeetingRoom(account.id, { title: 'Weekly' });
      const link = `https://mail.example/meet/${room.id}`;
      const withLink = (uid: string, title: string) => ({
        '@type': 'Event',
        uid,
        title,
        start: '2026-03-10T09:00:00',
        virtualLocations: { 'colibri-meet': { '@type': 'VirtualLocation', uri: link } },
      });
      const input = (uid: string, data: Record<string, unknown>) => ({
        calendarIds: [calendar!.id],
        uid,
        utcStart: new Date('2026-03-10T09:00:00Z'),
        utcEnd: new Date('2026-03-10T10:00:00Z'),
        data,
      });
      const series = await store.createCalendarEvent(
        account.id,
        input('series', withLink('series', 'Weekly')),
      );
      await store.setMeetingRoomEvent(account.id, room.id, series.id);
      // Another change that keeps the link keeps the room where it is.
      await store.updateCalendarEvent(account.id, series.id, { data: withLink('series', 'Weekly sync') });
      expect((await store.getMeetingRoom(room.id))?.eventId).toBe(series.id);
      // "This and following": the second half carries the same link; the first half drops it.
      const following = await store.createCalendarEvent(
        account.id,
        input('following', withLink('following', 'Weekly')),
      );
      await store.updateCalendarEvent(account.id, series.id, {
        data: { '@type': 'Event', uid: 'series', title: 'Weekly', start: '2026-03-10T09:00:00' },
      });
      expect((await store.getMeetingRoom(room.id))?.eventId).toBe(following.id);
      // The last event with the link goes: so does the room, and its link admits no one.
      await store.destroyCalendarEvents(account.id, [following.id]);
      expect(await store.getMeetingRoom(room.id)).toBeNull();
    });

    it('refuses a bad title or event id and an unknown account; at the limit the oldest instant room goes', async () => {
      const { store, account, addAccount } = f();
      const long = 'x'.repeat(meetingRoomLimits.maxTitleChars + 1);
      await expect(store.createMeetingRoom(account.id, { title: long })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      await expect(store.createMeetingRoom(account.id, { title: 'a\u0000b' })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      await expect(store.createMeetingRoom(account.id, { title: 't', eventId: '' })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      const { account: gone } = await addAccount('gone');
      await store.deleteAccount(gone.id);
      await expect(store.createMeetingRoom(gone.id, { title: 't' })).rejects.toBeInstanceOf(NotFoundError);

      const event = await store.createMeetingRoom(account.id, { title: 'event', eventId: 'ev' });
      const first = await store.createMeetingRoom(account.id, { title: 'first' });
      for (let i = 2; i < meetingRoomLimits.maxPerAccount; i++)
        await store.createMeetingRoom(account.id, { title: `n${i}` });
      expect(await store.getMeetingRoom(first.id)).not.toBeNull();
      const last = await store.createMeetingRoom(account.id, { title: 'last' });
      expect(await store.getMeetingRoom(first.id)).toBeNull();
      expect(await store.getMeetingRoom(event.id)).not.toBeNull();
      expect(await store.getMeetingRoom(last.id)).not.toBeNull();
    });
  });
}
