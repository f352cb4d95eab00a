import type {
  Id,
  CalendarEvent,
  JSCalendarParticipant as Participant,
  JSCalendarVirtualLocation as VirtualLocation,
} from '@colibri/jmap-types';
import { noRepeat, repeatOfRules, rulesOfRepeat, MAX_REPEAT_COUNT } from './recurrence';
import type { RepeatDraft } from './recurrence';
import { alertsOfReminder, reminderOfAlerts } from './reminders';
import type { ReminderChoice } from './reminders';
import {
  addToLocalDateTime,
  endOf,
  formatDuration,
  isTimeZone,
  localDateTimeToInstant,
  localDifferenceMs,
  parseLocalDateTime,
} from './time';

/** A room booked on the event (an RFC 9670 principal of type location), by its calendar address. */
export interface RoomDraft {
  email: string;
  name: string;
  /** Where invitations go (JMAP Calendars §2.1 calendarAddress), a mailto: URI. */
  calendarAddress: string;
}

/** What the event editor edits: plain strings as the form's inputs hold them. */
export interface EventDraft {
  title: string;
  allDay: boolean;
  /** "2026-12-01T09:30" (timed) or "2026-12-01" (all day), in `timeZone`. */
  start: string;
  /** Same form as `start`; for all-day events the last day, inclusive (as people say it). */
  end: string;
  timeZone: string;
  repeat: RepeatDraft;
  location: string;
  description: string;
  /** RFC 8984 §4.2.6, kept as they are but for the video meeting's (lib/video-meeting). */
  virtualLocations: Record<Id, VirtualLocation>;
  /** Email addresses of the attendees (without the organiser and the rooms). */
  attendees: string[];
  /** The rooms booked (participants of kind location, RFC 8984 §4.4.6); absent: none. */
  rooms?: RoomDraft[];
  calendarId: Id;
  /** The reminder (RFC 8984 alerts); absent: the event's alerts are left as they are. */
  reminder?: ReminderChoice;
}

export type DraftError =
  'endBeforeStart' | 'badStart' | 'badEnd' | 'badTimeZone' | 'badAttendee' | 'badCount' | 'badUntil';
export type DraftErrors = Partial<Record<'start' | 'end' | 'timeZone' | 'attendees' | 'repeat', DraftError>>;

/** Explicit limits (the server has its own, announced in maxParticipantsPerEvent). */
export const MAX_TITLE_LENGTH = 1000;
export const MAX_ATTENDEES = 200;

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

export const isEmail = (value: string) => EMAIL.test(value.trim());

const asLocal = (value: string, allDay: boolean) =>
  allDay ? `${value.slice(0, 10)}T00:00:00` : `${value}:00`.slice(0, 19);

/** What is wrong with a draft, by field; empty when it can be saved. An empty title is allowed. */
export function validateDraft(draft: EventDraft): DraftErrors {
  const errors: DraftErrors = {};
  const start = parseLocalDateTime(draft.allDay ? draft.start.slice(0, 10) : draft.start);
  const end = parseLocalDateTime(draft.allDay ? draft.end.slice(0, 10) : draft.end);
  if (!start) errors.start = 'badStart';
  if (!end) errors.end = 'badEnd';
  if (!draft.allDay && !isTimeZone(draft.timeZone)) errors.timeZone = 'badTimeZone';
  if (start && end && !errors.timeZone) {
    const a = asLocal(draft.start, draft.allDay);
    const b = asLocal(draft.end, draft.allDay);
    const diff = draft.allDay
      ? localDifferenceMs(a, b)
      : (localDateTimeToInstant(b, draft.timeZone)?.getTime() ?? 0) -
        (localDateTimeToInstant(a, draft.timeZone)?.getTime() ?? 0);
    // All day: the end day may be the start day. Timed: the end must come after the start.
    if (draft.allDay ? diff < 0 : diff <= 0) errors.end = 'endBeforeStart';
  }
  if (draft.attendees.length > MAX_ATTENDEES || draft.attendees.some((a) => !isEmail(a)))
    errors.attendees = 'badAttendee';
  if (draft.repeat.kind !== 'none' && draft.repeat.ends === 'count') {
    const { count } = draft.repeat;
    if (!Number.isInteger(count) || count < 1 || count > MAX_REPEAT_COUNT) errors.repeat = 'badCount';
  }
  if (draft.repeat.kind !== 'none' && draft.repeat.ends === 'until') {
    if (!parseLocalDateTime(draft.repeat.until) || draft.repeat.until < draft.start.slice(0, 10))
      errors.repeat = 'badUntil';
  }
  return errors;
}

/**
 * The participant id of an address: stable, so that edits keep it, and a valid Id (RFC 8984
 * §1.4.1 / RFC 8620 §1.2: A-Z a-z 0-9 - _ only, at most 255), which servers check: every other
 * character, "_" included, is written `_xx` (its code in hex), so two addresses never share one.
 */
export function participantIdOf(email: string): string {
  return email
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]/gu, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}`)
    .slice(0, 255);
}

const mailto = (email: string) => `mailto:${email.trim()}`;

/** The address of a participant, from its email, the draft's calendarAddress or RFC 8984 sendTo. */
export function participantEmail(p: Partial<Participant>): string | null {
  if (p.email) return p.email;
  // calendarAddress: jscalendarbis' name, which some servers send; RFC 8984 has sendTo only.
  const uri = p.calendarAddress ?? p.sendTo?.imip ?? null;
  return uri?.toLowerCase().startsWith('mailto:') ? uri.slice(7) : null;
}

const isOwner = (p: Participant) => p.roles?.owner === true;
const isRoom = (p: Partial<Participant>) => p.kind === 'location';

/**
 * A room invited to the event: RFC 8984 §4.4.6 kind location, invited at its calendar address
 * (sendTo imip), whose answer the server's booking policy gives (RFC 6638 §4.3 auto-schedule).
 */
export function roomParticipant(room: RoomDraft): Participant {
  return {
    '@type': 'Participant',
    name: room.name,
    kind: 'location',
    email: room.email,
    sendTo: { imip: room.calendarAddress },
    roles: { attendee: true },
    participationStatus: 'needs-action',
    expectReply: true,
  };
}

/** The rooms among an event's participants. */
export function roomsOf(participants: Record<Id, Participant> | null | undefined): RoomDraft[] {
  return Object.values(participants ?? {})
    .filter(isRoom)
    .flatMap((p) => {
      const email = participantEmail(p);
      return email
        ? [{ email, name: p.name || email, calendarAddress: p.sendTo?.imip ?? mailto(email) }]
        : [];
    });
}

/**
 * The JSCalendar properties of a draft (RFC 8984 §5.1), as sent on create and as the patch of
 * an edit of all occurrences. Attendees make the user the owner (RFC 8984 §4.4.6 roles) and the
 * address replies go to (replyTo); existing participants keep their status.
 */
export function eventPropertiesOf(
  draft: EventDraft,
  userEmail: string,
  existing: Record<Id, Participant> | null = null,
): Partial<CalendarEvent> {
  const start = asLocal(draft.start, draft.allDay);
  const endLocal = asLocal(draft.end, draft.allDay);
  let duration: string;
  if (draft.allDay) {
    const days = Math.round(localDifferenceMs(start, endLocal) / 86_400_000) + 1;
    duration = formatDuration({ days, ms: 0 });
  } else {
    const ms =
      (localDateTimeToInstant(endLocal, draft.timeZone)?.getTime() ?? 0) -
      (localDateTimeToInstant(start, draft.timeZone)?.getTime() ?? 0);
    // RFC 8984 §5.1.2: a duration is nominal up to days; we keep the elapsed time in hours.
    duration = formatDuration({ days: 0, ms });
  }
  const properties: Partial<CalendarEvent> = {
    title: draft.title.trim(),
    description: draft.description,
    start,
    duration,
    timeZone: draft.allDay ? null : draft.timeZone,
    showWithoutTime: draft.allDay,
    recurrenceRules: rulesOfRepeat(draft.repeat),
    locations: draft.location.trim() ? { main: { '@type': 'Location', name: draft.location.trim() } } : null,
    virtualLocations: Object.keys(draft.virtualLocations).length > 0 ? draft.virtualLocations : null,
    calendarIds: { [draft.calendarId]: true },
  };
  const alerts = draft.reminder === undefined ? undefined : alertsOfReminder(draft.reminder);
  if (alerts !== undefined) properties.alerts = alerts;
  const rooms = draft.rooms ?? [];
  const roomEmails = new Set(rooms.map((r) => r.email.trim().toLowerCase()));
  const attendees = [
    ...new Set(draft.attendees.map((a) => a.trim().toLowerCase()).filter((a) => a && !roomEmails.has(a))),
  ];
  if (
    attendees.length === 0 &&
    rooms.length === 0 &&
    !Object.values(existing ?? {}).some((p) => !isOwner(p))
  ) {
    properties.participants = null;
    return properties;
  }
  const participants: Record<Id, Participant> = {};
  const previous = Object.entries(existing ?? {});
  const owner = previous.find(([, p]) => isOwner(p));
  participants[owner?.[0] ?? participantIdOf(userEmail)] = owner?.[1] ?? {
    '@type': 'Participant',
    email: userEmail,
    sendTo: { imip: mailto(userEmail) },
    roles: { owner: true, attendee: true },
    participationStatus: 'accepted',
  };
  for (const email of attendees) {
    if (email === userEmail.toLowerCase()) continue;
    const kept = previous.find(([, p]) => !isOwner(p) && participantEmail(p)?.toLowerCase() === email);
    participants[kept?.[0] ?? participantIdOf(email)] = kept?.[1] ?? {
      '@type': 'Participant',
      email,
      sendTo: { imip: mailto(email) },
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
    };
  }
  for (const room of rooms) {
    const email = room.email.trim().toLowerCase();
    // An existing room keeps its id and its answer.
    const kept = previous.find(([, p]) => !isOwner(p) && participantEmail(p)?.toLowerCase() === email);
    participants[kept?.[0] ?? participantIdOf(email)] = kept?.[1] ?? roomParticipant(room);
  }
  properties.participants = participants;
  properties.replyTo = { imip: mailto(participantEmail(owner?.[1] ?? {}) ?? userEmail) };
  return properties;
}

/** A new event's draft: the next full hour for an hour, in the user's zone and default calendar. */
export function newDraft(options: {
  now: Date;
  timeZone: string;
  calendarId: Id;
  start?: string;
  end?: string;
  allDay?: boolean;
}): EventDraft {
  const allDay = options.allDay ?? false;
  let start = options.start;
  let end = options.end;
  if (!start) {
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: options.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .format(options.now)
      .replace(' ', 'T');
    start = addToLocalDateTime(`${local}:00:00`, 0, 3_600_000).slice(0, 16);
  }
  if (!end)
    end = allDay
      ? start.slice(0, 10)
      : addToLocalDateTime(`${start.slice(0, 16)}:00`, 0, 3_600_000).slice(0, 16);
  return {
    title: '',
    allDay,
    start: allDay ? start.slice(0, 10) : start.slice(0, 16),
    end: allDay ? end.slice(0, 10) : end.slice(0, 16),
    timeZone: options.timeZone,
    repeat: noRepeat,
    location: '',
    description: '',
    virtualLocations: {},
    attendees: [],
    rooms: [],
    calendarId: options.calendarId,
    reminder: 'none',
  };
}

/** The editor's draft of an event (or an occurrence, with the series' rules from `master`). */
export function draftOfEvent(
  event: Partial<CalendarEvent>,
  displayTimeZone: string,
  userEmail: string,
  master?: Partial<CalendarEvent> | null,
): EventDraft {
  const allDay = event.showWithoutTime === true;
  const start = event.start ?? '1970-01-01T00:00:00';
  const endLocal = endOf(start, event.duration);
  const end = allDay ? addToLocalDateTime(endLocal, -1) : endLocal;
  const attendees = Object.values(event.participants ?? {})
    .filter((p) => !isOwner(p) && !isRoom(p))
    .map(participantEmail)
    .filter((e): e is string => e !== null && e.toLowerCase() !== userEmail.toLowerCase());
  return {
    title: event.title ?? '',
    allDay,
    start: allDay ? start.slice(0, 10) : start.slice(0, 16),
    end: allDay ? end.slice(0, 10) : end.slice(0, 16),
    timeZone: event.timeZone ?? displayTimeZone,
    repeat: repeatOfRules((master ?? event).recurrenceRules),
    location: Object.values(event.locations ?? {})[0]?.name ?? '',
    description: event.description ?? '',
    virtualLocations: event.virtualLocations ?? {},
    attendees,
    rooms: roomsOf(event.participants),
    calendarId: Object.keys(event.calendarIds ?? {})[0] ?? '',
    // Reminders belong to the series (this editor does not override them per occurrence).
    reminder: reminderOfAlerts((master ?? event).alerts),
  };
}

export const emptyDraftErrors = (errors: DraftErrors) => Object.keys(errors).length === 0;
