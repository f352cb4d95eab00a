import { describe, expect, it } from 'vitest';
import { expandOccurrences } from './expand.js';
import type { JSCalendarEvent, RecurrenceRule } from './types.js';

const event = (
  start: string,
  rule: RecurrenceRule,
  more: Partial<JSCalendarEvent> = {},
): JSCalendarEvent => ({
  '@type': 'Event',
  uid: 'x',
  start,
  timeZone: 'America/New_York',
  duration: 'PT1H',
  recurrenceRules: [rule],
  ...more,
});

function ids(
  e: JSCalendarEvent,
  from = '1997-01-01T00:00:00Z',
  to = '2030-01-01T00:00:00Z',
  max?: number,
): string[] {
  const r = expandOccurrences(e, from, to, max ? { maxInstances: max } : {});
  if (!r.ok) throw new Error(r.error.reason);
  return r.value.occurrences.map((o) => o.recurrenceId);
}

describe('expandOccurrences', () => {
  it('DST: a 09:00 Europe/Paris weekly meeting stays 09:00 local across both changes', () => {
    const r = expandOccurrences(
      event('2026-03-16T09:00:00', { frequency: 'weekly', count: 4 }, { timeZone: 'Europe/Paris' }),
      '2026-01-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    );
    expect(r.ok && r.value.occurrences.map((o) => o.utcStart)).toEqual([
      '2026-03-16T08:00:00Z',
      '2026-03-23T08:00:00Z',
      '2026-03-30T07:00:00Z', // after the 29 March change, 09:00 CEST
      '2026-04-06T07:00:00Z',
    ]);
    const autumn = expandOccurrences(
      event('2026-10-19T09:00:00', { frequency: 'weekly', count: 2 }, { timeZone: 'Europe/Paris' }),
      '2026-01-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    );
    expect(autumn.ok && autumn.value.occurrences.map((o) => o.utcStart)).toEqual([
      '2026-10-19T07:00:00Z',
      '2026-10-26T08:00:00Z',
    ]);
  });

  it('DST: America/New_York daily at 02:30 skips to 03:30 EDT on the spring-forward day', () => {
    const r = expandOccurrences(
      event('2026-03-07T02:30:00', { frequency: 'daily', count: 3 }),
      '2026-01-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    );
    expect(r.ok && r.value.occurrences.map((o) => o.utcStart)).toEqual([
      '2026-03-07T07:30:00Z',
      '2026-03-08T07:30:00Z', // 02:30 does not exist: 03:30 EDT (RFC 5545 §3.3.5)
      '2026-03-09T06:30:00Z',
    ]);
  });

  it('RFC 5545 §3.8.5.3: daily for 10 occurrences', () => {
    expect(ids(event('1997-09-02T09:00:00', { frequency: 'daily', count: 10 }))).toHaveLength(10);
  });

  it('RFC 5545 §3.8.5.3: every other week on Tuesday and Thursday, until 1997-12-24', () => {
    const got = ids(
      event('1997-09-02T09:00:00', {
        frequency: 'weekly',
        interval: 2,
        byDay: [{ day: 'tu' }, { day: 'th' }],
        until: '1997-12-24T00:00:00',
      }),
    );
    expect(got.slice(0, 4)).toEqual([
      '1997-09-02T09:00:00',
      '1997-09-04T09:00:00',
      '1997-09-16T09:00:00',
      '1997-09-18T09:00:00',
    ]);
    expect(got.at(-1)).toBe('1997-12-23T09:00:00');
    expect(got).toHaveLength(17);
  });

  it('RFC 5545 §3.8.5.3: the last weekday of the month (BYSETPOS=-1)', () => {
    const weekdays = (['mo', 'tu', 'we', 'th', 'fr'] as const).map((day) => ({ day }));
    expect(
      ids(
        event('1997-09-30T09:00:00', {
          frequency: 'monthly',
          byDay: weekdays,
          bySetPosition: [-1],
          count: 4,
        }),
      ),
    ).toEqual(['1997-09-30T09:00:00', '1997-10-31T09:00:00', '1997-11-28T09:00:00', '1997-12-31T09:00:00']);
  });

  it('RFC 5545 §3.8.5.3: monthly on the 2nd and 15th, and an invalid 30th of February is skipped', () => {
    expect(
      ids(event('1997-09-02T09:00:00', { frequency: 'monthly', byMonthDay: [2, 15], count: 4 })),
    ).toEqual(['1997-09-02T09:00:00', '1997-09-15T09:00:00', '1997-10-02T09:00:00', '1997-10-15T09:00:00']);
    expect(ids(event('2007-01-30T09:00:00', { frequency: 'monthly', count: 3 }))).toEqual([
      '2007-01-30T09:00:00',
      '2007-03-30T09:00:00',
      '2007-04-30T09:00:00',
    ]);
  });

  it('RFC 8984 §4.3.4: excluded keys and excluded rules remove occurrences; a moved override keeps its id', () => {
    const e = event(
      '2026-01-05T09:00:00',
      { frequency: 'weekly', count: 5 },
      {
        timeZone: 'Europe/Paris',
        excludedRecurrenceRules: [{ frequency: 'monthly', byMonthDay: [19] }],
        recurrenceOverrides: {
          '2026-01-12T09:00:00': { excluded: true },
          '2026-01-26T09:00:00': { start: '2026-01-27T14:00:00', title: 'moved' },
          '2026-03-01T10:00:00': {},
        },
      },
    );
    const r = expandOccurrences(e, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z');
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.occurrences.map((o) => [o.recurrenceId, o.utcStart])).toEqual([
      ['2026-01-05T09:00:00', '2026-01-05T08:00:00Z'],
      ['2026-01-26T09:00:00', '2026-01-27T13:00:00Z'],
      ['2026-02-02T09:00:00', '2026-02-02T08:00:00Z'],
      ['2026-03-01T10:00:00', '2026-03-01T09:00:00Z'],
    ]);
    expect(r.value.occurrences[1]!.patch).toEqual({ start: '2026-01-27T14:00:00', title: 'moved' });
  });

  it('only returns occurrences overlapping the range, and skips ahead without COUNT', () => {
    const got = ids(
      event('2000-01-03T09:00:00', { frequency: 'daily' }),
      '2026-06-01T00:00:00Z',
      '2026-06-03T00:00:00Z',
    );
    expect(got).toEqual(['2026-06-01T09:00:00', '2026-06-02T09:00:00']);
  });

  it('maxInstances truncates and says so', () => {
    const r = expandOccurrences(
      event('2026-01-01T09:00:00', { frequency: 'daily' }),
      '2026-01-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
      { maxInstances: 10 },
    );
    expect(r.ok && [r.value.occurrences.length, r.value.truncated]).toEqual([10, true]);
  });

  it('hostile: FREQ=SECONDLY over a year and a rule that never matches both end quickly', () => {
    const t0 = performance.now();
    const secondly = expandOccurrences(
      event('2026-01-01T00:00:00', { frequency: 'secondly' }),
      '2026-01-01T00:00:00Z',
      '2027-01-01T00:00:00Z',
    );
    expect(secondly.ok && secondly.value.truncated).toBe(true);
    const never = expandOccurrences(
      event('2026-01-01T00:00:00', { frequency: 'yearly', byMonth: ['2'], byMonthDay: [31] }),
      '2026-01-01T00:00:00Z',
      '9999-01-01T00:00:00Z',
    );
    expect(never.ok && never.value.occurrences.map((o) => o.recurrenceId)).toEqual(['2026-01-01T00:00:00']);
    const neverSecondly = expandOccurrences(
      event('2026-01-01T00:00:00', { frequency: 'secondly', byMonth: ['2'], byMonthDay: [31] }),
      '2026-01-01T00:00:00Z',
      '9999-01-01T00:00:00Z',
    );
    expect(neverSecondly.ok).toBe(true);
    // Generous: the shared machine is noisy; a hang would take minutes, not seconds.
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it("RFC 5545 §3.3.10: BYWEEKNO years are week-years, so INTERVAL counts from DTSTART's week-year", () => {
    // 2010-01-02 is in week 53 of 2009; six years on, 2015 has a week 53 again.
    const e = event(
      '2010-01-02T00:00:00',
      {
        frequency: 'yearly',
        interval: 6,
        byWeekNo: [53],
        byDay: [{ day: 'tu' }, { day: 'sa' }],
        until: '2017-01-01T00:00:00',
      },
      { timeZone: null },
    );
    expect(ids(e)).toEqual(['2010-01-02T00:00:00', '2015-12-29T00:00:00', '2016-01-02T00:00:00']);
  });

  it('an all-day rule ignores BYHOUR (a DATE has no time of day)', () => {
    const e = event(
      '2024-10-18T00:00:00',
      { frequency: 'daily', byHour: [9], count: 2 },
      { showWithoutTime: true, timeZone: null, duration: 'P1D' },
    );
    expect(ids(e)).toEqual(['2024-10-18T00:00:00', '2024-10-19T00:00:00']);
  });

  it('RSCALE other than gregorian and SKIP are refused, not guessed', () => {
    expect(
      expandOccurrences(
        event('2026-01-31T09:00:00', { frequency: 'monthly', skip: 'forward' }),
        '2026-01-01T00:00:00Z',
        '2027-01-01T00:00:00Z',
      ),
    ).toMatchObject({ ok: false });
    expect(
      expandOccurrences(
        event('2026-01-31T09:00:00', { frequency: 'yearly', rscale: 'hebrew' }),
        '2026-01-01T00:00:00Z',
        '2027-01-01T00:00:00Z',
      ),
    ).toMatchObject({ ok: false });
  });

  it('bad input is an error value', () => {
    expect(
      expandOccurrences(
        event('nope', { frequency: 'daily' }),
        '2026-01-01T00:00:00Z',
        '2027-01-01T00:00:00Z',
      ),
    ).toMatchObject({ ok: false });
    expect(
      expandOccurrences(
        event('2026-01-01T00:00:00', { frequency: 'daily' }, { timeZone: 'Mars/Base' }),
        '2026-01-01T00:00:00Z',
        '2027-01-01T00:00:00Z',
      ),
    ).toMatchObject({ ok: false });
    expect(
      expandOccurrences(event('2026-01-01T00:00:00', { frequency: 'daily' }), 'x', '2027-01-01T00:00:00Z'),
    ).toMatchObject({ ok: false });
  });
});
