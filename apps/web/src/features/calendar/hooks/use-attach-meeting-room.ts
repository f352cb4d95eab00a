import type { Id } from '@colibri/jmap-types';
import { useMeetingRooms } from '../../../lib/meeting-rooms';
import type { EventDraft } from '../lib/event-draft';
import { MEETING_LOCATION_ID, roomIdOfLink } from '../lib/video-meeting';

/**
 * After a save: ties the draft's Colibri room to the stored event (PATCH /meet/rooms/<id>
 * { eventId }), so that the event's invitees join without the lobby. A room made for a new event
 * had no event to name yet. A failure only leaves invitees in the lobby: it is not reported.
 */
export function useAttachMeetingRoom(): (draft: Pick<EventDraft, 'virtualLocations'>, eventId: Id) => void {
  const rooms = useMeetingRooms();
  return (draft, eventId) => {
    const link = draft.virtualLocations[MEETING_LOCATION_ID]?.uri;
    const roomId = link ? roomIdOfLink(link) : null;
    if (rooms && roomId) void rooms.attach(roomId, eventId);
  };
}
