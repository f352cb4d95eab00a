import { describe, expect, it } from 'vitest';
import { fromSeconds, formatLocal, parseLocal, toSeconds } from './date-time.js';
import { localToUtc, offsetAt, resolveZoneName, transitions, utcToLocal } from './time-zones.js';

const local = (text: string): number => toSeconds(parseLocal(text)!);
const utc = (text: string): number => Date.parse(text) / 1000;

describe('time zones', () => {
  it('gives Europe/Paris its winter and summer offsets', () => {
    expect(offsetAt('Europe/Paris', utc('2026-01-15T12:00:00Z'))).toBe(3600);
    expect(offsetAt('Europe/Paris', utc('2026-07-15T12:00:00Z'))).toBe(7200);
  });

  it('RFC 5545 §3.3.5: a local time skipped by the spring change takes the offset before it', () => {
    // 2026-03-29 02:30 does not exist in Paris: it is read as 03:30 CEST, 01:30Z.
    expect(localToUtc('Europe/Paris', local('2026-03-29T02:30:00'))).toBe(utc('2026-03-29T01:30:00Z'));
  });

  it('RFC 5545 §3.3.5: a repeated local time in autumn is its first instance', () => {
    // 2026-11-01 01:30 happens twice in New York; the first is EDT (-4).
    expect(localToUtc('America/New_York', local('2026-11-01T01:30:00'))).toBe(utc('2026-11-01T05:30:00Z'));
  });

  it('round-trips ordinary local times', () => {
    const t = local('2026-06-01T09:00:00');
    expect(formatLocal(fromSeconds(utcToLocal('America/New_York', localToUtc('America/New_York', t))))).toBe(
      '2026-06-01T09:00:00',
    );
  });

  it('maps Outlook names and vendor prefixes to IANA names', () => {
    expect(resolveZoneName('Romance Standard Time')).toBe('Europe/Paris');
    expect(resolveZoneName('Eastern Standard Time')).toBe('America/New_York');
    expect(resolveZoneName('/mozilla.org/20050126_1/Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveZoneName('europe/paris')).toBe('Europe/Paris');
    expect(resolveZoneName('UTC')).toBe('Etc/UTC');
    expect(resolveZoneName('(UTC-05:00) Eastern Time (US and Canada)')).toBe('America/New_York');
    expect(resolveZoneName('(UTC+01:00) Brussels, Copenhagen, Madrid, Paris')).toBe('Europe/Paris');
    expect(resolveZoneName('Mars/Olympus_Mons')).toBeUndefined();
  });

  it('finds the two DST changes of a year to the second', () => {
    const found = transitions('Europe/Paris', utc('2026-01-01T00:00:00Z'), utc('2027-01-01T00:00:00Z'));
    expect(found).toEqual([
      { utc: utc('2026-03-29T01:00:00Z'), from: 3600, to: 7200 },
      { utc: utc('2026-10-25T01:00:00Z'), from: 7200, to: 3600 },
    ]);
  });
});
