/**
 * MeetingEvents over the calendar store: a room tied to one of its owner's events lets that
 * event's participants with an account here (by their calendar address, aliases included) in
 * without the lobby.
 */
import type { AccountId, MailStore, MeetingRoom } from '@colibri/mail-store';
import type { MeetingEvents } from './meet-routes.js';

interface EventParticipant {
  email?: string;
  sendTo?: Record<string, string>;
}

const bare = (address: string): string =>
  address
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();

export function storeMeetingEvents(
  store: Pick<MailStore, 'getCalendarEvents' | 'resolveAddress'>,
): MeetingEvents {
  const eventOf = async (accountId: string, eventId: string) => {
    try {
      const [record] = await store.getCalendarEvents(accountId as AccountId, [eventId]);
      return record;
    } catch {
      return undefined; // not an id of ours
    }
  };
  return {
    exists: async (accountId, eventId) => (await eventOf(accountId, eventId)) !== undefined,
    async inviteeAccounts(room: MeetingRoom) {
      const accounts = new Set<string>();
      if (room.eventId === null) return accounts;
      const record = await eventOf(room.accountId, room.eventId);
      const participants = (record?.data.participants ?? {}) as Record<string, EventParticipant>;
      for (const participant of Object.values(participants)) {
        const address = participant.sendTo?.imip ?? participant.email;
        if (!address) continue;
        const accountId = await store.resolveAddress(bare(address));
        if (accountId !== null) accounts.add(accountId);
      }
      return accounts;
    },
  };
}
