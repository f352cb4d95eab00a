import { useState } from 'react';
import { Button } from '@colibri/ui';
import { useMeetingRooms } from '../../../lib/meeting-rooms';
import type { EventDraft } from '../lib/event-draft';
import {
  descriptionWithMeeting,
  descriptionWithoutMeeting,
  MEETING_LOCATION_ID,
  roomIdOfLink,
  withMeetingLocation,
} from '../lib/video-meeting';
import { meetingMessages } from '../meeting-messages';
import './meeting.css';

const t = meetingMessages;

export interface VideoMeetingFieldProps {
  draft: Pick<EventDraft, 'title' | 'description' | 'virtualLocations'>;
  onChange: (patch: Pick<EventDraft, 'description' | 'virtualLocations'>) => void;
}

/**
 * "Add a video meeting" in the event editor (issue 8): creates a room (POST /meet/rooms, through
 * the shell's lib/meeting-rooms) and puts its link in the event twice, as the virtual location
 * and as a line of the description. "Remove" takes both out; a room made in this editor and
 * removed again is deleted. Without a rooms service (no shell), nothing is shown.
 */
export function VideoMeetingField({ draft, onChange }: VideoMeetingFieldProps) {
  const rooms = useMeetingRooms();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [madeHere, setMadeHere] = useState<readonly string[]>([]);
  if (!rooms) return null;
  const link = draft.virtualLocations[MEETING_LOCATION_ID]?.uri ?? null;

  const add = async () => {
    setBusy(true);
    setFailed(false);
    const created = await rooms.create({ title: draft.title.trim() });
    setBusy(false);
    if (!created.ok) return setFailed(true);
    setMadeHere([...madeHere, created.roomId]);
    onChange({
      virtualLocations: withMeetingLocation(draft.virtualLocations, created.url, t.locationName),
      description: descriptionWithMeeting(draft.description, created.url, t.descriptionLine),
    });
  };
  const remove = () => {
    if (!link) return;
    onChange({
      virtualLocations: withMeetingLocation(draft.virtualLocations, null, t.locationName),
      description: descriptionWithoutMeeting(draft.description, link),
    });
    // A room of a saved event stays until the event is saved without it: the edit may be cancelled.
    const roomId = roomIdOfLink(link);
    if (roomId && madeHere.includes(roomId)) void rooms.remove(roomId);
  };

  if (!link)
    return (
      <div className="video-meeting">
        <Button onClick={() => void add()} disabled={busy} aria-busy={busy}>
          {busy ? t.addingMeeting : t.addMeeting}
        </Button>
        {failed ? <p role="alert">{t.meetingFailed}</p> : null}
      </div>
    );
  return (
    <div className="video-meeting" role="group" aria-label={t.meetingAdded}>
      <span>{t.meetingAdded}:</span>
      <a className="video-meeting__link" href={link} target="_blank" rel="noopener noreferrer">
        {link}
      </a>
      <Button variant="ghost" onClick={remove}>
        {t.removeMeeting}
      </Button>
    </div>
  );
}
