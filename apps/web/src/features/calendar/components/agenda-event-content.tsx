import type { EventContentArg } from '@fullcalendar/core';
import type { CalendarEvent } from '@colibri/jmap-types';
import { meetingLinkOf } from '../lib/video-meeting';
import { JoinMeetingButton } from './join-meeting-button';

/**
 * The agenda (list view) shows a Join button beside the title of events with a meeting link;
 * the other views keep FullCalendar's own rendering (`true`).
 */
export function agendaEventContent(arg: EventContentArg) {
  if (arg.view.type !== 'listWeek') return true;
  const event = arg.event.extendedProps.event as CalendarEvent | undefined;
  const link = event ? meetingLinkOf(event) : null;
  if (!link) return true;
  return (
    <>
      <span>{arg.event.title}</span>
      <JoinMeetingButton link={link} title={arg.event.title} />
    </>
  );
}

/** A click on a Join link inside an event: the link opens, the event's details do not. */
export const isJoinClick = (event: MouseEvent) =>
  event.target instanceof Element && event.target.closest('.meeting-join') !== null;
