import { describe, expect, it } from 'vitest';
import { draftOfEvent, eventPropertiesOf, newDraft, participantIdOf, validateDraft } from './event-draft';
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
      alice_40colibri_2etest: {
        '@type': 'Participant',
        email: 'alice@colibri.test',
        sendTo: { imip: 'mailto:alice@colibri.test' },
        roles: { owner: true, attendee: true },
        participationStatus: 'accepted',
      },
      bob_40example_2eorg: {
        '@type': 'Participant',
        email: 'bob@example.org',
        sendTo: { imip: 'mailto:bob@example.org' },
        roles: { attendee: true },
        participationStatus: 'needs-action',
        expectReply: true,
      },
    });
  });

  it('writes the reminder as alerts, reads it back, and leaves alerts alone without one', () => {
    const properties = eventPropertiesOf({ ...base, reminder: 'PT30M' }, 'alice@colibri.test');
    expect(properties.alerts).toEqual({
      reminder: {
        '@type': 'Alert',
        trigger: { '@type': 'OffsetTrigger', offset: '-PT30M', relativeTo: 'start' },
        action: 'display',
      },
    });
    const master = { ...weeklyMaster, alerts: properties.alerts ?? null };
    expect(draftOfEvent(weeklyOccurrence, 'Europe/Paris', 'alice@colibri.test', master).reminder).toBe(
      'PT30M',
    );
    expect(eventPropertiesOf({ ...base, reminder: 'none' }, 'alice@colibri.test').alerts).toBeNull();
    expect(eventPropertiesOf({ ...base, reminder: 'custom' }, 'alice@colibri.test')).not.toHaveProperty(
      'alerts',
    );
  });

  it('gives participants valid JMAP Ids (RFC 8620 §1.2), one per address', () => {
    expect(participantIdOf('Dana.O_Neil@Example.org')).toBe('dana_2eo_5fneil_40example_2eorg');
    expect(participantIdOf('dana.o@x.org')).not.toBe(participantIdOf('dana_o@x.org'));
    expect(participantIdOf('élodie@exemple.fr')).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
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
