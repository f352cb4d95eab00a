import { requestJson } from '../../../lib/http';
import type { MeetingRooms } from '../../../lib/meeting-rooms';
import { createRoom } from './create-room';

/**
 * The `/meet` rooms API as the calendar uses it (lib/meeting-rooms, provided by the app shell):
 * create a room for an event, tie it to the event once saved (`PATCH { eventId }`), delete it.
 * Failures are values (false, `{ ok: false }`), never thrown.
 */
export function meetingRoomsClient(
  headers: () => Record<string, string>,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): MeetingRooms {
  const path = (roomId: string) => `/meet/rooms/${encodeURIComponent(roomId)}`;
  const succeeds = async (run: () => Promise<unknown>) => {
    try {
      await run();
      return true;
    } catch {
      return false;
    }
  };
  return {
    async create(input) {
      const created = await createRoom(input, headers(), fetchImpl);
      return created.ok ? { ok: true, roomId: created.roomId, url: created.url } : { ok: false };
    },
    attach: (roomId, eventId) =>
      succeeds(() =>
        requestJson(path(roomId), { method: 'PATCH', body: { eventId }, headers: headers() }, fetchImpl),
      ),
    remove: (roomId) =>
      succeeds(() => requestJson(path(roomId), { method: 'DELETE', headers: headers() }, fetchImpl)),
  };
}
