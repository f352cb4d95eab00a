import type { CalendarEvent } from '@colibri/jmap-types';
import { meetingLinkOf } from '../lib/video-meeting';
import { calendarMessages } from '../messages';
import { JoinMeetingButton } from './join-meeting-button';

/** The Join button of an event that has a meeting link; nothing otherwise. */
export function EventMeetingJoin({ event }: { event: Pick<CalendarEvent, 'virtualLocations' | 'title'> }) {
  const link = meetingLinkOf(event);
  if (!link) return null;
  return (
    <div className="meeting-join-row">
      <JoinMeetingButton link={link} title={event.title || calendarMessages.noTitle} />
    </div>
  );
}
