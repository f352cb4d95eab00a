import { describe, expect, it } from 'vitest';
import { icalendarToJSCalendar } from './from-ical.js';

const cal = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR', ''].join('\r\n');

function first(text: string) {
  const result = icalendarToJSCalendar(text);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value.events[0]!;
}

describe('iCalendar -> JSCalendar', () => {
  it('RFC 5545 §3.6.1 example: a timed meeting with zone, DTEND becomes a duration', () => {
    const event = first(
      cal(
        'BEGIN:VEVENT',
        'UID:19970901T130000Z-123401@example.com',
        'DTSTAMP:19970901T130000Z',
        'DTSTART;TZID=America/New_York:19970903T163000',
        'DTEND;TZID=America/New_York:19970903T190000',
        'SUMMARY:Annual Employee Review',
        'CLASS:PRIVATE',
        'CATEGORIES:BUSINESS,HUMAN RESOURCES',
        'END:VEVENT',
      ),
    );
    expect(event).toMatchObject({
      uid: '19970901T130000Z-123401@example.com',
      start: '1997-09-03T16:30:00',
      timeZone: 'America/New_York',
      duration: 'PT2H30M',
      title: 'Annual Employee Review',
      privacy: 'private',
      keywords: { BUSINESS: true, 'HUMAN RESOURCES': true },
      updated: '1997-09-01T13:00:00Z',
    });
  });

  it('RFC 5545 §3.6.1 example: an all-day anniversary is showWithoutTime, floating, P1D', () => {
    const event = first(
      cal(
        'BEGIN:VEVENT',
        'UID:a',
        'DTSTART;VALUE=DATE:19971102',
        'SUMMARY:Our Blissful Anniversary',
        'TRANSP:TRANSPARENT',
        'RRULE:FREQ=YEARLY',
        'END:VEVENT',
      ),
    );
    expect(event).toMatchObject({
      start: '1997-11-02T00:00:00',
      showWithoutTime: true,
      timeZone: null,
      duration: 'P1D',
      freeBusyStatus: 'free',
      recurrenceRules: [{ frequency: 'yearly' }],
    });
  });

  it('Outlook: a Windows TZID is mapped to its IANA zone, UTC UNTIL moved into it', () => {
    const event = first(
      cal(
        'BEGIN:VEVENT',
        'UID:b',
        'DTSTART;TZID=Romance Standard Time:20260105T090000',
        'DTEND;TZID=Romance Standard Time:20260105T100000',
        'RRULE:FREQ=WEEKLY;UNTIL=20260330T070000Z;BYDAY=MO',
        'EXDATE;TZID=Romance Standard Time:20260112T090000',
        'END:VEVENT',
      ),
    );
    expect(event.timeZone).toBe('Europe/Paris');
    expect(event.recurrenceRules).toEqual([
      {
        '@type': 'RecurrenceRule',
        frequency: 'weekly',
        byDay: [{ day: 'mo' }],
        until: '2026-03-30T09:00:00',
      },
    ]);
    expect(event.recurrenceOverrides).toEqual({ '2026-01-12T09:00:00': { excluded: true } });
  });

  it('an unknown TZID is matched to the IANA zone whose offsets its VTIMEZONE has', () => {
    const event = first(
      cal(
        'BEGIN:VTIMEZONE',
        'TZID:My Custom Paris',
        'BEGIN:STANDARD',
        'DTSTART:19701025T030000',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:19700329T020000',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
        'BEGIN:VEVENT',
        'UID:c',
        'DTSTART;TZID=My Custom Paris:20260601T090000',
        'END:VEVENT',
      ),
    );
    expect(event.start).toBe('2026-06-01T09:00:00');
    expect(typeof event.timeZone).toBe('string');
    expect(event.timeZone).not.toBe('Etc/UTC');
  });

  it('RFC 5546 §4.2.2 shape: ORGANIZER is the owner and replyTo, ATTENDEE parameters map to the participant', () => {
    const event = first(
      cal(
        'METHOD:REQUEST',
        'BEGIN:VEVENT',
        'UID:d',
        'DTSTART:19970701T200000Z',
        'ORGANIZER;CN=A:mailto:a@example.com',
        'ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED;CN=A:mailto:a@example.com',
        'ATTENDEE;RSVP=TRUE;CUTYPE=INDIVIDUAL;CN=B:mailto:b@example.com',
        'ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:c@example.com":mailto:d@example.com',
        'ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT:mailto:room@example.com',
        'END:VEVENT',
      ),
    );
    expect(event.method).toBe('request');
    expect(event.timeZone).toBe('Etc/UTC');
    expect(event.replyTo).toEqual({ imip: 'mailto:a@example.com' });
    const ps = Object.values(event.participants ?? {});
    expect(ps).toHaveLength(4);
    expect(ps.find((p) => p.name === 'A')).toMatchObject({
      roles: { owner: true, attendee: true, chair: true },
      participationStatus: 'accepted',
    });
    expect(ps.find((p) => p.name === 'B')).toMatchObject({
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
      kind: 'individual',
    });
    expect(ps.find((p) => p.email === 'd@example.com')).toMatchObject({
      roles: { attendee: true, optional: true },
      participationStatus: 'delegated',
    });
    expect(Object.keys(ps.find((p) => p.email === 'd@example.com')!.delegatedTo!)).toHaveLength(1);
    expect(ps.find((p) => p.email === 'room@example.com')).toMatchObject({
      kind: 'location',
      roles: { informational: true },
    });
  });

  it('RFC 5545 §3.8.4.4: a VEVENT with RECURRENCE-ID becomes a patch of the master', () => {
    const event = first(
      cal(
        'BEGIN:VEVENT',
        'UID:e',
        'DTSTART;TZID=Europe/Paris:20260105T090000',
        'DURATION:PT1H',
        'SUMMARY:Weekly',
        'RRULE:FREQ=WEEKLY',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:e',
        'RECURRENCE-ID;TZID=Europe/Paris:20260112T090000',
        'DTSTART;TZID=Europe/Paris:20260112T110000',
        'DURATION:PT1H',
        'SUMMARY:Weekly (moved)',
        'END:VEVENT',
      ),
    );
    expect(event.recurrenceOverrides).toEqual({
      '2026-01-12T09:00:00': { start: '2026-01-12T11:00:00', title: 'Weekly (moved)' },
    });
  });

  it('RFC 5545 §3.6.6: VALARM becomes an alert; CONFERENCE a virtual location; GEO coordinates', () => {
    const event = first(
      cal(
        'BEGIN:VEVENT',
        'UID:f',
        'DTSTART:20260105T090000',
        'LOCATION:Room 1',
        'GEO:37.386013;-122.082932',
        'CONFERENCE;VALUE=URI;FEATURE=VIDEO,AUDIO;LABEL=Join:https://meet.example.com/x',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER;RELATED=END:-PT15M',
        'DESCRIPTION:x',
        'END:VALARM',
        'END:VEVENT',
      ),
    );
    expect(event.timeZone).toBeNull();
    expect(event.locations).toEqual({
      l1: { '@type': 'Location', name: 'Room 1', coordinates: 'geo:37.386013,-122.082932' },
    });
    expect(event.virtualLocations).toEqual({
      v1: {
        '@type': 'VirtualLocation',
        uri: 'https://meet.example.com/x',
        name: 'Join',
        features: { video: true, audio: true },
      },
    });
    expect(Object.values(event.alerts!)[0]).toEqual({
      '@type': 'Alert',
      trigger: { '@type': 'OffsetTrigger', offset: '-PT15M', relativeTo: 'end' },
      action: 'display',
    });
  });

  it('refuses input without an event, or not iCalendar, with a reason', () => {
    const none = icalendarToJSCalendar(cal('BEGIN:VTODO', 'UID:x', 'END:VTODO'));
    expect(none).toMatchObject({ ok: false, error: { code: 'no-event' } });
    const junk = icalendarToJSCalendar('hello world');
    expect(junk.ok).toBe(false);
    const bad = icalendarToJSCalendar(cal('BEGIN:VEVENT', 'UID:x', 'DTSTART:20260231T090000', 'END:VEVENT'));
    expect(bad).toMatchObject({ ok: false, error: { code: 'no-event' } });
  });
});
