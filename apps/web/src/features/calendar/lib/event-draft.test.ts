import { describe, expect, it } from 'vitest';
import { draftOfEvent, eventPropertiesOf, newDraft, validateDraft } from './event-draft';
import { weeklyMaster, weeklyOccurrence } from '../testing/fixtures';

const base = newDraft({ now: new Date('2026-12-01T08:10:00Z'), timeZone: 'Europe/Paris', calendarId: 'C1' });

describe('event draft -> JSCalendar (RFC 8984 §5.1)', () => {
  it('writes a timed event as local start, zone and elapsed duration', () => {
    const properties = eventPropertiesOf(
      { ...base, title: '  Dentist ', end: '2026-12-01T11:30' },
      'alice@colibri.test',
    );
    expect(properties).toMatchObject({
      title: 'Dentist',
      start: '2026-12-01T10:00:00',
      timeZone: 'Europe/Paris',
      duration: 'PT1H30M',
      showWithoutTime: false,
      recurrenceRules: null,
      participants: null,
      calendarIds: { C1: true },
    });
  });

  it('keeps an hour across the DST change (an event over the October night)', () => {
    const properties = eventPropertiesOf(
      { ...base, start: '2026-10-25T01:30', end: '2026-10-25T03:30' },
      'alice@colibri.test',
    );
    // Two wall-clock hours, three elapsed hours: 02:00-03:00 happens twice that night in Paris.
    expect(properties.duration).toBe('PT3H');
  });

  it('writes an all-day event as dates without zone, the end day included', () => {
    const properties = eventPropertiesOf(
      { ...base, allDay: true, start: '2026-12-24', end: '2026-12-26' },
      'alice@colibri.test',
    );
    expect(properties).toMatchObject({
      start: '2026-12-24T00:00:00',
      duration: 'P3D',
      showWithoutTime: true,
      timeZone: null,
    });
  });

  it('makes the user the owner and the guests attendees awaiting an answer', () => {
    const properties = eventPropertiesOf({ ...base, attendees: ['Bob@Example.org'] }, 'alice@colibri.test');
    expect(properties.replyTo).toEqual({ imip: 'mailto:alice@colibri.test' });
    expect(properties.participants).toEqual({
      alice_colibri_test: {
        '@type': 'Participant',
        email: 'alice@colibri.test',
        sendTo: { imip: 'mailto:alice@colibri.test' },
        roles: { owner: true, attendee: true },
        participationStatus: 'accepted',
      },
      bob_example_org: {
        '@type': 'Participant',
        email: 'bob@example.org',
        sendTo: { imip: 'mailto:bob@example.org' },
        roles: { attendee: true },
        participationStatus: 'needs-action',
        expectReply: true,
      },
    });
  });

  it('keeps existing guests and their answers when editing', () => {
    const draft = draftOfEvent(weeklyOccurrence, 'Europe/Paris', 'alice@colibri.test', weeklyMaster);
    expect(draft).toMatchObject({
      attendees: ['bob@colibri.test'],
      repeat: { kind: 'weekly' },
      start: '2026-12-03T10:00',
    });
    const properties = eventPropertiesOf(draft, 'alice@colibri.test', weeklyMaster.participants ?? null);
    expect(properties.participants).toEqual(weeklyMaster.participants);
    expect(properties.recurrenceRules).toEqual([{ '@type': 'RecurrenceRule', frequency: 'weekly' }]);
  });

  it('validates: end after start, a zone, a count within limits', () => {
    expect(validateDraft(base)).toEqual({});
    expect(validateDraft({ ...base, end: base.start })).toEqual({ end: 'endBeforeStart' });
    expect(validateDraft({ ...base, timeZone: 'Mars/Olympus' })).toEqual({ timeZone: 'badTimeZone' });
    expect(
      validateDraft({ ...base, repeat: { ...base.repeat, kind: 'daily', ends: 'count', count: 0 } }),
    ).toEqual({ repeat: 'badCount' });
    expect(validateDraft({ ...base, allDay: true, start: '2026-12-01', end: '2026-12-01' })).toEqual({});
  });
});
