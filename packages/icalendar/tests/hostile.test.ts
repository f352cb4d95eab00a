import { describe, expect, it } from 'vitest';
import { expandOccurrences, extractItip, icalendarToJSCalendar, parseItip } from '../src/index.js';

const wrap = (body: string): string => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`;
const event = (extra = ''): string =>
  `BEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T090000Z\r\n${extra}END:VEVENT\r\n`;

describe('hostile iCalendar input is refused with a reason, never thrown', () => {
  it('a 1 MB content line', () => {
    const r = icalendarToJSCalendar(wrap(event(`SUMMARY:${'a'.repeat(1_000_000)}\r\n`)));
    expect(r).toMatchObject({ ok: false, error: { code: 'line-too-long' } });
  });

  it('a 1 MB line made of folded continuation lines', () => {
    const folded = Array.from({ length: 20_000 }, () => ` ${'b'.repeat(60)}`).join('\r\n');
    const r = icalendarToJSCalendar(wrap(event(`DESCRIPTION:x\r\n${folded}\r\n`)));
    expect(r).toMatchObject({ ok: false, error: { code: 'line-too-long' } });
  });

  it('components nested 10,000 deep', () => {
    const deep = `${'BEGIN:X-A\r\n'.repeat(10_000)}${'END:X-A\r\n'.repeat(10_000)}`;
    expect(icalendarToJSCalendar(wrap(event(deep)))).toMatchObject({
      ok: false,
      error: { code: 'too-deep' },
    });
  });

  it('100,000 properties', () => {
    const many = 'X-P:1\r\n'.repeat(100_000);
    expect(icalendarToJSCalendar(wrap(event(many)))).toMatchObject({
      ok: false,
      error: { code: 'too-many-properties' },
    });
  });

  it('text over the size limit', () => {
    expect(icalendarToJSCalendar('x'.repeat(5 * 1024 * 1024))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });

  it('bad dates, bad durations, bad rules: the event is dropped or the value ignored', () => {
    expect(
      icalendarToJSCalendar(wrap('BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261345T250000Z\r\nEND:VEVENT\r\n')),
    ).toMatchObject({ ok: false });
    const r = icalendarToJSCalendar(wrap(event('DURATION:PXYZ\r\nEXDATE:notadate\r\n')));
    expect(r.ok && r.value.events[0]).toMatchObject({ start: '2026-01-01T09:00:00' });
    expect(r.ok && r.value.events[0]!.duration).toBeUndefined();
    expect(r.ok && r.value.events[0]!.recurrenceOverrides).toBeUndefined();
    // ical.js refuses a malformed RRULE outright; the reason says which part.
    expect(icalendarToJSCalendar(wrap(event('RRULE:FREQ=DAILY;BYMONTHDAY=99\r\n')))).toMatchObject({
      ok: false,
      error: { code: 'syntax', reason: expect.stringContaining('BYMONTHDAY') },
    });
  });

  it('binary junk, NUL bytes and unbalanced BEGIN/END', () => {
    for (const junk of [
      '\u0000\u0001\u0002',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n',
      'END:VCALENDAR\r\n',
      'BEGIN:VCALENDAR\r\n:::\r\nEND:VCALENDAR',
    ]) {
      expect(() => icalendarToJSCalendar(junk)).not.toThrow();
      expect(() => parseItip(junk)).not.toThrow();
      expect(() => extractItip(junk)).not.toThrow();
    }
  });

  it('a MIME tree 1,000 multiparts deep', () => {
    let raw = 'Content-Type: text/plain\r\n\r\nend';
    for (let i = 0; i < 1000; i++)
      raw = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${raw}\r\n--b${i}--`;
    expect(extractItip(raw)).toMatchObject({ ok: false, error: { code: 'limit' } });
  });

  it('a recurrence with COUNT=1e9 over a century ends at the instance limit', () => {
    const r = expandOccurrences(
      {
        '@type': 'Event',
        uid: 'x',
        start: '2000-01-01T00:00:00',
        timeZone: 'Europe/Paris',
        recurrenceRules: [{ frequency: 'minutely', count: 1e9 }],
      },
      '2000-01-01T00:00:00Z',
      '2100-01-01T00:00:00Z',
      { maxInstances: 1000 },
    );
    expect(r.ok && r.value.occurrences.length).toBe(1000);
    expect(r.ok && r.value.truncated).toBe(true);
  });
});
