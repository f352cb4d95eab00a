import { describe, expect, it } from 'vitest';
import { buildItip } from './itip-build.js';
import { isNewerItip, parseItip } from './itip-parse.js';
import { buildImipBody, extractItip } from './imip.js';
import type { JSCalendarEvent } from './types.js';

const meeting: JSCalendarEvent = {
  '@type': 'Event',
  uid: 'weekly-1@colibri.test',
  title: 'Weekly sync',
  start: '2026-03-02T09:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  sequence: 3,
  recurrenceRules: [{ frequency: 'weekly' }],
  replyTo: { imip: 'mailto:alice@colibri.test' },
  participants: {
    alice: {
      '@type': 'Participant',
      name: 'Alice',
      roles: { owner: true, attendee: true },
      sendTo: { imip: 'mailto:alice@colibri.test' },
      participationStatus: 'accepted',
    },
    bob: {
      '@type': 'Participant',
      name: 'Bob',
      roles: { attendee: true },
      sendTo: { imip: 'mailto:bob@example.org' },
      expectReply: true,
    },
    carol: {
      '@type': 'Participant',
      name: 'Carol',
      roles: { attendee: true },
      sendTo: { imip: 'mailto:carol@colibri.test' },
      expectReply: true,
    },
  },
  alerts: { a: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT5M' } } },
};
const now = '2026-02-20T10:00:00Z';

function built(
  method: Parameters<typeof buildItip>[0],
  options: Omit<Parameters<typeof buildItip>[2], 'now'> = {},
): string {
  const r = buildItip(method, meeting, { now, ...options });
  if (!r.ok) throw new Error(r.error.reason);
  return r.value;
}

function parsed(text: string) {
  const r = parseItip(text);
  if (!r.ok) throw new Error(r.error.reason);
  return r.value;
}

describe('iTIP', () => {
  it('RFC 5546 §3.2.2 REQUEST: the whole event with SEQUENCE, DTSTAMP = now, no private alarms', () => {
    const text = built('request');
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('SEQUENCE:3');
    expect(text).toContain('DTSTAMP:20260220T100000Z');
    expect(text).not.toContain('VALARM');
    const m = parsed(text);
    expect(m).toMatchObject({
      method: 'request',
      uid: meeting.uid,
      items: [{ sequence: 3, organizer: 'mailto:alice@colibri.test' }],
    });
    expect(m.items[0]!.attendees).toHaveLength(3);
    expect(m.events[0]!.recurrenceRules).toEqual([{ '@type': 'RecurrenceRule', frequency: 'weekly' }]);
  });

  it('RFC 5546 §3.2.3 REPLY for one occurrence: one ATTENDEE with PARTSTAT, RECURRENCE-ID', () => {
    const text = built('reply', {
      attendee: 'mailto:bob@example.org',
      participationStatus: 'declined',
      recurrenceId: '2026-03-16T09:00:00',
    });
    const m = parsed(text);
    expect(m.method).toBe('reply');
    expect(m.items[0]).toMatchObject({
      recurrenceId: '2026-03-16T09:00:00',
      recurrenceIdTimeZone: 'Europe/Paris',
      attendees: [{ address: 'mailto:bob@example.org', participationStatus: 'declined' }],
    });
    expect(text).not.toContain('RRULE:FREQ=WEEKLY');
  });

  it('RFC 5546 §3.2.7 COUNTER: the proposed time and a comment; §3.2.8 DECLINECOUNTER answers it', () => {
    const counter = parsed(
      built('counter', {
        attendee: 'mailto:bob@example.org',
        recurrenceId: '2026-03-16T09:00:00',
        proposal: { start: '2026-03-16T14:00:00' },
        comment: 'Clash; afternoon?',
      }),
    );
    expect(counter.items[0]).toMatchObject({
      recurrenceId: '2026-03-16T09:00:00',
      comment: 'Clash; afternoon?',
      sequence: 3,
    });
    expect(counter.events[0]!.start).toBe('2026-03-16T14:00:00');
    const decline = parsed(
      built('declinecounter', {
        attendee: 'mailto:bob@example.org',
        recurrenceId: '2026-03-16T09:00:00',
        comment: 'No',
      }),
    );
    expect(decline).toMatchObject({
      method: 'declinecounter',
      events: [],
      items: [{ attendees: [{ address: 'mailto:bob@example.org' }], recurrenceId: '2026-03-16T09:00:00' }],
    });
  });

  it('RFC 5546 §3.2.5 CANCEL of one occurrence, §3.2.6 REFRESH and §3.2.4 ADD round-trip', () => {
    const cancel = built('cancel', { recurrenceId: '2026-03-23T09:00:00' });
    expect(cancel).toContain('STATUS:CANCELLED');
    expect(parsed(cancel).items[0]!.recurrenceId).toBe('2026-03-23T09:00:00');
    const refresh = parsed(built('refresh', { attendee: 'mailto:carol@colibri.test' }));
    expect(refresh.items[0]!.attendees).toEqual([{ address: 'mailto:carol@colibri.test' }]);
    expect(parsed(built('add')).method).toBe('add');
  });

  it('building refuses what cannot make a valid message', () => {
    expect(buildItip('reply', meeting, { now, attendee: 'mailto:mallory@evil.test' })).toMatchObject({
      ok: false,
    });
    expect(buildItip('counter', meeting, { now, attendee: 'mailto:bob@example.org' })).toMatchObject({
      ok: false,
    });
    expect(buildItip('request', { ...meeting, replyTo: undefined, participants: {} }, { now })).toMatchObject(
      { ok: false },
    );
    expect(buildItip('request', meeting, { now: 'yesterday' })).toMatchObject({ ok: false });
  });

  it('RFC 5546 §3.2: parsing refuses a REPLY with two attendees, no METHOD, or no ORGANIZER', () => {
    const reply = built('reply', { attendee: 'mailto:bob@example.org' });
    expect(parseItip(reply.replace('ATTENDEE', 'ATTENDEE:mailto:x@y\r\nATTENDEE'))).toMatchObject({
      ok: false,
    });
    expect(parseItip(reply.replace('METHOD:REPLY\r\n', ''))).toMatchObject({
      ok: false,
      error: { code: 'bad-method' },
    });
    expect(parseItip(reply.replace(/ORGANIZER[^\r]*\r\n/, ''))).toMatchObject({ ok: false });
  });

  it('RFC 5546 §2.1.5: higher SEQUENCE wins, then later DTSTAMP', () => {
    expect(
      isNewerItip(
        { sequence: 4, dtstamp: '2026-01-01T00:00:00Z' },
        { sequence: 3, dtstamp: '2026-02-01T00:00:00Z' },
      ),
    ).toBe(true);
    expect(
      isNewerItip(
        { sequence: 3, dtstamp: '2026-01-01T00:00:00Z' },
        { sequence: 3, dtstamp: '2026-02-01T00:00:00Z' },
      ),
    ).toBe(false);
    expect(
      isNewerItip(
        { sequence: 3, dtstamp: '2026-03-01T00:00:00Z' },
        { sequence: 3, dtstamp: '2026-02-01T00:00:00Z' },
      ),
    ).toBe(true);
  });
});

describe('iMIP', () => {
  it('RFC 6047 §2.4: builds text/plain + text/calendar; method=REQUEST; charset=UTF-8, and reads it back', () => {
    const ics = built('request');
    const mime = buildImipBody('request', ics, 'Alice invites you: Weekly sync', 'b1');
    expect(mime.contentType).toBe('multipart/alternative; boundary="b1"');
    expect(mime.body).toContain('Content-Type: text/calendar; method=REQUEST; charset=UTF-8');
    const raw = `From: alice@colibri.test\r\nTo: bob@example.org\r\nSubject: Invitation\r\nMIME-Version: 1.0\r\nContent-Type: ${mime.contentType}\r\n\r\n${mime.body}`;
    const r = extractItip(raw);
    expect(r.ok && r.value.itip.method).toBe('request');
    expect(r.ok && r.value.contentTypeMethod).toBe('request');
  });

  it('reads an Outlook-shaped invitation: mixed > alternative > quoted-printable calendar', () => {
    const ics = built('request').replace(/\r\n/g, '\r\n');
    const qp = ics.replace(/=/g, '=3D');
    const raw = [
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain; charset="us-ascii"',
      '',
      'When: Monday',
      '--inner',
      'Content-Type: text/calendar; charset="utf-8"; method=REQUEST',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      qp,
      '--inner--',
      '--outer',
      'Content-Type: application/ics; name="invite.ics"',
      '',
      'x',
      '--outer--',
    ].join('\r\n');
    const r = extractItip(raw);
    expect(r.ok && r.value.itip.uid).toBe(meeting.uid);
  });

  it('a METHOD that contradicts the Content-Type, or no calendar part, is an error value', () => {
    const mime = buildImipBody('cancel', built('request'), 'x', 'b');
    expect(extractItip(`Content-Type: ${mime.contentType}\r\n\r\n${mime.body}`)).toMatchObject({
      ok: false,
      error: { code: 'bad-method' },
    });
    expect(extractItip('Content-Type: text/plain\r\n\r\nhello')).toMatchObject({
      ok: false,
      error: { code: 'no-event' },
    });
  });
});
