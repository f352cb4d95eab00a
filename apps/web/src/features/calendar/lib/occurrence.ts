import type { Id, CalendarEvent, JSCalendarParticipant as Participant } from '@colibri/jmap-types';
import { participantEmail } from './event-draft';

/** An expanded occurrence of a series has a synthetic id and its base event's id (draft §5). */
export const isOccurrence = (event: Pick<CalendarEvent, 'id' | 'baseEventId'>) =>
  Boolean(event.baseEventId) && event.baseEventId !== event.id;

/** The stored event an occurrence comes from (itself when it is not an occurrence). */
export const storedIdOf = (event: Pick<CalendarEvent, 'id' | 'baseEventId'>): Id =>
  isOccurrence(event) ? (event.baseEventId as Id) : event.id;

/**
 * The user's own participant: the one whose address is the user's (draft §3: a participant
 * corresponds to a ParticipantIdentity by calendarAddress; the login address is the default one).
 */
export function ownParticipant(
  event: Pick<CalendarEvent, 'participants'>,
  userEmail: string,
): { id: string; participant: Participant } | null {
  const me = userEmail.toLowerCase();
  for (const [id, participant] of Object.entries(event.participants ?? {})) {
    if (participantEmail(participant)?.toLowerCase() === me) return { id, participant };
  }
  return null;
}

/** The user is invited (not the owner): the one who answers with accept / tentative / decline. */
export function isInvitee(event: Pick<CalendarEvent, 'participants'>, userEmail: string): boolean {
  const own = ownParticipant(event, userEmail);
  return own !== null && own.participant.roles?.owner !== true;
}

/** Whether the event has people besides the user: their calendars must hear of changes. */
export const hasParticipants = (event: Pick<CalendarEvent, 'participants'>) =>
  Object.keys(event.participants ?? {}).length > 0;
