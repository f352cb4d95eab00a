import type { CalendarEvent, CalendarEventProposal } from '@colibri/jmap-types';

/** Alice's weekly team meeting, Thursdays 10:00 Paris time, with Bob invited. */
export const weeklyMaster: CalendarEvent = {
  id: 'E1',
  baseEventId: null,
  isDraft: false,
  '@type': 'Event',
  uid: 'weekly-1@colibri.test',
  calendarIds: { C1: true },
  title: 'Team meeting',
  start: '2026-11-05T10:00:00',
  duration: 'PT1H',
  timeZone: 'Europe/Paris',
  recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
  recurrenceOverrides: null,
  participants: {
    alice: {
      '@type': 'Participant',
      email: 'alice@colibri.test',
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
    },
    bob: {
      '@type': 'Participant',
      email: 'bob@colibri.test',
      roles: { attendee: true },
      participationStatus: 'tentative',
    },
  },
  isOrigin: true,
};

/** The occurrence of 3 December 2026, as CalendarEvent/get of its synthetic id answers (draft §5.1). */
export const weeklyOccurrence: CalendarEvent = {
  ...weeklyMaster,
  id: 'E1-20261203',
  baseEventId: 'E1',
  start: '2026-12-03T10:00:00',
  recurrenceId: '2026-12-03T10:00:00',
  recurrenceRules: null,
  recurrenceOverrides: null,
  utcStart: '2026-12-03T09:00:00Z',
  utcEnd: '2026-12-03T10:00:00Z',
};

export const lunch: CalendarEvent = {
  id: 'E2',
  baseEventId: null,
  isDraft: false,
  '@type': 'Event',
  uid: 'lunch-2@colibri.test',
  calendarIds: { C2: true },
  title: 'Lunch with Carol',
  start: '2026-12-02T12:30:00',
  duration: 'PT1H',
  timeZone: 'Europe/Paris',
  utcStart: '2026-12-02T11:30:00Z',
  utcEnd: '2026-12-02T12:30:00Z',
  locations: { l1: { '@type': 'Location', name: 'Café Lumière' } },
  isOrigin: true,
};

export const holiday: CalendarEvent = {
  id: 'E3',
  baseEventId: null,
  isDraft: false,
  '@type': 'Event',
  uid: 'holiday-3@colibri.test',
  calendarIds: { C1: true },
  title: 'Company holiday',
  start: '2026-12-04T00:00:00',
  duration: 'P1D',
  showWithoutTime: true,
  timeZone: null,
  isOrigin: true,
};

/** An invitation from Dan: Alice is an attendee and has not answered. */
export const invitation: CalendarEvent = {
  id: 'E4',
  baseEventId: null,
  isDraft: false,
  '@type': 'Event',
  uid: 'invitation-4@colibri.test',
  calendarIds: { C1: true },
  title: '',
  start: '2026-12-01T15:00:00',
  duration: 'PT30M',
  timeZone: 'Europe/Paris',
  utcStart: '2026-12-01T14:00:00Z',
  utcEnd: '2026-12-01T14:30:00Z',
  isOrigin: false,
  replyTo: { imip: 'mailto:dan@example.org' },
  participants: {
    dan: {
      '@type': 'Participant',
      name: 'Dan',
      email: 'dan@example.org',
      roles: { owner: true },
      participationStatus: 'accepted',
    },
    me: {
      '@type': 'Participant',
      email: 'alice@colibri.test',
      roles: { attendee: true },
      participationStatus: 'needs-action',
    },
  },
};

/** Bob proposes to move the 3 December occurrence of the weekly meeting to 11:00 (Paris). */
export const bobsProposal: CalendarEventProposal = {
  id: 'E1-P00000000000000b1',
  calendarEventId: 'E1',
  uid: 'weekly-1@colibri.test',
  from: 'bob@colibri.test',
  recurrenceId: '2026-12-03T10:00:00',
  start: '2026-12-03T11:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  utcStart: '2026-12-03T10:00:00Z',
  utcEnd: '2026-12-03T11:00:00Z',
  comment: 'I have a clash at 10.',
  status: 'pending',
};
