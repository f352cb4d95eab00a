import { describe, expect, it } from 'vitest';
import {
  addToLocalDateTime,
  durationOfMs,
  endOf,
  formatDuration,
  localDateTimeToInstant,
  parseDuration,
  parseLocalDateTime,
  toLocalDateTime,
} from './time';

describe('LocalDateTime in a time zone (RFC 8984 §1.4.4)', () => {
  it('gives the UTC instant of a Paris wall clock, winter and summer', () => {
    expect(localDateTimeToInstant('2026-12-01T09:30:00', 'Europe/Paris')?.toISOString()).toBe(
      '2026-12-01T08:30:00.000Z',
    );
    expect(localDateTimeToInstant('2026-07-01T09:30:00', 'Europe/Paris')?.toISOString()).toBe(
      '2026-07-01T07:30:00.000Z',
    );
  });

  it('keeps 09:00 in New York across the March DST change', () => {
    expect(localDateTimeToInstant('2026-03-06T09:00:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-06T14:00:00.000Z',
    );
    expect(localDateTimeToInstant('2026-03-09T09:00:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('reads an instant back as the zone’s wall clock', () => {
    expect(toLocalDateTime(new Date('2026-12-01T08:30:00Z'), 'Asia/Tokyo')).toBe('2026-12-01T17:30:00');
  });

  it('refuses impossible dates', () => {
    expect(parseLocalDateTime('2026-02-30T10:00:00')).toBeNull();
    expect(parseLocalDateTime('2026-02-10T25:00:00')).toBeNull();
    expect(parseLocalDateTime('tomorrow')).toBeNull();
  });
});

describe('Durations (RFC 8984 §1.4.6)', () => {
  it('parses weeks, days and times', () => {
    expect(parseDuration('P1W')).toEqual({ days: 7, ms: 0 });
    expect(parseDuration('P1DT2H30M')).toEqual({ days: 1, ms: 9_000_000 });
    expect(parseDuration('PT45M')).toEqual({ days: 0, ms: 2_700_000 });
    expect(parseDuration('1 hour')).toBeNull();
    expect(parseDuration('PT')).toBeNull();
  });

  it('writes the shortest form', () => {
    expect(formatDuration({ days: 0, ms: 3_600_000 })).toBe('PT1H');
    expect(formatDuration({ days: 2, ms: 0 })).toBe('P2D');
    expect(formatDuration({ days: 0, ms: 0 })).toBe('PT0S');
    expect(durationOfMs(90_000_000)).toBe('P1DT1H');
  });

  it('adds a duration to a wall clock across a month end', () => {
    expect(endOf('2026-01-31T23:30:00', 'PT1H')).toBe('2026-02-01T00:30:00');
    expect(addToLocalDateTime('2026-12-31T00:00:00', 1)).toBe('2027-01-01T00:00:00');
  });
});
