import { describe, expect, it } from 'vitest';
import { middleOf, monthGrid, monthOf, weekStartOf } from './mini-month';

describe('mini month navigator dates', () => {
  it('lays out six weeks from the Monday on or before the 1st', () => {
    const weeks = monthGrid('2026-12-17', 1);
    expect(weeks).toHaveLength(6);
    // 1 December 2026 is a Tuesday.
    expect(weeks[0]).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks[5]?.[6]).toBe('2027-01-10');
  });

  it('starts on Sunday where the week does', () => {
    expect(monthGrid('2026-11-01', 0)[0]?.[0]).toBe('2026-11-01');
    expect(monthGrid('2026-11-01', 1)[0]?.[0]).toBe('2026-10-26');
  });

  it('moves by months across years, and knows where weeks start', () => {
    expect(monthOf('2026-12-31', 1)).toBe('2027-01-01');
    expect(monthOf('2026-01-15', -1)).toBe('2025-12-01');
    expect(weekStartOf('fr-FR')).toBe(1);
    expect(weekStartOf('en-GB')).toBe(1);
    expect(weekStartOf('en-US')).toBe(0);
    // A month view from 30 November to 11 January is December's.
    expect(middleOf('2026-11-30', '2027-01-11')).toBe('2026-12-21');
  });
});
