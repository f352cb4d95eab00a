import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, parseLocal, parseUtc } from './date-time.js';

describe('date-time values', () => {
  it('RFC 8984 §1.4.4: LocalDateTime must be a real date without zone', () => {
    expect(parseLocal('2026-02-28T09:00:00')).toMatchObject({ month: 2, day: 28 });
    expect(parseLocal('2026-02-29T09:00:00')).toBeUndefined();
    expect(parseLocal('2026-02-28T09:00:00Z')).toBeUndefined();
    expect(parseUtc('2026-02-28T09:00:00Z')).toMatchObject({ hour: 9 });
  });

  it('RFC 8984 §1.4.6: durations parse and print', () => {
    expect(parseDuration('PT1H30M')).toBe(5400);
    expect(parseDuration('P1W')).toBe(604800);
    expect(parseDuration('-PT15M')).toBe(-900);
    expect(parseDuration('P')).toBeUndefined();
    expect(parseDuration('PT')).toBeUndefined();
    expect(parseDuration('1H')).toBeUndefined();
    expect(formatDuration(90061)).toBe('P1DT1H1M1S');
    expect(formatDuration(0)).toBe('PT0S');
    expect(formatDuration(-900)).toBe('-PT15M');
  });
});
