import { describe, expect, it } from 'vitest';
import { datePart, parseDateHeader, parseZone } from './date-parts.js';

describe('parseDateHeader (RFC 5322 §3.3)', () => {
  it('reads the usual and obsolete forms', () => {
    const date = parseDateHeader('Tue, 1 Apr 1997 09:06:31 -0800 (PST)');
    expect(date).toEqual({ utcMillis: Date.UTC(1997, 3, 1, 17, 6, 31), offsetMinutes: -480 });
    expect(parseDateHeader('1 Apr 97 09:06 EST')).toEqual({
      utcMillis: Date.UTC(1997, 3, 1, 14, 6, 0),
      offsetMinutes: -300,
    });
    expect(parseDateHeader('from x by y; Mon, 26 Feb 2007 09:00:00 +0000')?.utcMillis).toBe(
      Date.UTC(2007, 1, 26, 9),
    );
  });

  it('refuses what is not a date', () => {
    for (const text of [
      '',
      'yesterday',
      '32 Jan 2020 10:00 +0000',
      '1 Foo 2020 10:00 +0000',
      '1 Jan 2020 25:00 +0000',
    ]) {
      expect(parseDateHeader(text), text).toBeNull();
    }
  });
});

describe('datePart (RFC 5260 §4.2)', () => {
  it('shows the date in its offset', () => {
    const date = { utcMillis: Date.UTC(1997, 3, 1, 17, 6, 31), offsetMinutes: -480 };
    expect(datePart(date, 'iso8601')).toBe('1997-04-01T09:06:31-08:00');
    expect(datePart(date, 'std11')).toBe('Tue, 01 Apr 1997 09:06:31 -0800');
    expect(datePart(date, 'zone')).toBe('-0800');
    expect(datePart(date, 'julian')).toBe('50539');
    expect(datePart({ ...date, offsetMinutes: 0 }, 'hour')).toBe('17');
  });

  it('parses zones', () => {
    expect(parseZone('+0530')).toBe(330);
    expect(parseZone('-1200')).toBe(-720);
    expect(parseZone('0530')).toBeNull();
    expect(parseZone('+2460')).toBeNull();
  });
});
