import { describe, expect, it } from 'vitest';
import { fold } from './content-lines.js';
import { icalendarToJSCalendar } from './from-ical.js';
import { jscalendarToICalendar } from './to-ical.js';
import type { JSCalendarEvent } from './types.js';

const weekly: JSCalendarEvent = {
  '@type': 'Event',
  uid: 'w1@colibri.test',
  title: 'Standup; daily, with \\ and\nnewline',
  start: '2026-03-02T09:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT30M',
  sequence: 2,
  updated: '2026-02-01T10:00:00Z',
  recurrenceRules: [{ frequency: 'weekly', byDay: [{ day: 'mo' }], until: '2026-06-29T09:00:00' }],
  recurrenceOverrides: {
    '2026-03-09T09:00:00': { excluded: true },
    '2026-03-16T09:00:00': { start: '2026-03-16T11:00:00', title: 'Moved' },
  },
  replyTo: { imip: 'mailto:alice@colibri.test' },
  participants: {
    a: {
      '@type': 'Participant',
      name: 'Alice',
      roles: { owner: true, attendee: true },
      sendTo: { imip: 'mailto:alice@colibri.test' },
      participationStatus: 'accepted',
    },
    b: {
      '@type': 'Participant',
      name: 'Bob, Jr.',
      roles: { attendee: true, optional: true },
      sendTo: { imip: 'mailto:bob@colibri.test' },
      expectReply: true,
    },
  },
  alerts: { r1: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT10M' } } },
};

describe('JSCalendar -> iCalendar', () => {
  const text = jscalendarToICalendar([weekly], { method: 'request' });

  it('RFC 5545 §3.1: CRLF line ends, no line over 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('RFC 5545 §3.1: folding never splits a UTF-8 sequence and unfolds to the original', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'😀'.repeat(30)}`;
    const folded = fold(line);
    for (const physical of folded.split('\r\n')) {
      expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
      expect(Buffer.from(physical).toString()).toBe(physical); // no broken sequence
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('RFC 5545 §3.3.11: TEXT is escaped; §3.2 parameters with commas are quoted', () => {
    expect(text).toContain('SUMMARY:Standup\\; daily\\, with \\\\ and\\nnewline');
    expect(text).toContain('CN="Bob, Jr."');
  });

  it('emits a VTIMEZONE with yearly rules for the zone used, UNTIL in UTC', () => {
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(text).toContain('RRULE:FREQ=WEEKLY;UNTIL=20260629T070000Z;BYDAY=MO');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260302T090000');
    expect(text).toContain('EXDATE;TZID=Europe/Paris:20260309T090000');
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/Paris:20260316T090000');
    expect(text).toContain('METHOD:REQUEST');
  });

  it('round-trips through our parser to the same event', () => {
    const back = icalendarToJSCalendar(text);
    if (!back.ok) throw new Error(back.error.reason);
    const event = back.value.events[0]!;
    expect(back.value.events).toHaveLength(1);
    expect(event).toMatchObject({
      uid: weekly.uid,
      title: weekly.title,
      start: weekly.start,
      timeZone: 'Europe/Paris',
      duration: 'PT30M',
      sequence: 2,
      recurrenceRules: [{ frequency: 'weekly', byDay: [{ day: 'mo' }], until: '2026-06-29T09:00:00' }],
      recurrenceOverrides: weekly.recurrenceOverrides,
    });
    const people = Object.values(event.participants!);
    expect(people.find((p) => p.name === 'Alice')?.roles).toEqual({ owner: true, attendee: true });
    expect(people.find((p) => p.name === 'Bob, Jr.')).toMatchObject({
      roles: { attendee: true, optional: true },
      expectReply: true,
    });
    expect(Object.values(event.alerts!)[0]!.trigger).toEqual({ '@type': 'OffsetTrigger', offset: '-PT10M' });
  });

  it('all-day events use VALUE=DATE and need no VTIMEZONE', () => {
    const allDay = jscalendarToICalendar([
      { '@type': 'Event', uid: 'x', start: '2026-07-14T00:00:00', showWithoutTime: true, duration: 'P1D' },
    ]);
    expect(allDay).toContain('DTSTART;VALUE=DATE:20260714');
    expect(allDay).toContain('DTEND;VALUE=DATE:20260715');
    expect(allDay).not.toContain('VTIMEZONE');
  });

  it('a lone occurrence that carries its own RDATE keeps it on the way back', () => {
    const lone: JSCalendarEvent = {
      '@type': 'Event',
      uid: 'n',
      start: '2005-04-26T10:00:00',
      timeZone: 'America/Detroit',
      recurrenceId: '2005-04-26T09:00:00',
      recurrenceOverrides: { '2005-04-26T10:00:00': {} },
    };
    const back = icalendarToJSCalendar(jscalendarToICalendar([lone]));
    expect(back.ok && back.value.events[0]!.recurrenceOverrides).toEqual({ '2005-04-26T10:00:00': {} });
  });

  it('a zone without DST gets one STANDARD observance', () => {
    const tokyo = jscalendarToICalendar([
      { '@type': 'Event', uid: 'x', start: '2026-07-14T10:00:00', timeZone: 'Asia/Tokyo' },
    ]);
    expect(tokyo).toContain('TZOFFSETTO:+0900');
    expect(tokyo.match(/BEGIN:STANDARD/g)).toHaveLength(1);
  });
});
