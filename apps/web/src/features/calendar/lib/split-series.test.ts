import { describe, expect, it } from 'vitest';
import { weeklyMaster, weeklyOccurrence } from '../testing/fixtures';
import { rulesEndingBefore, splitSeries } from './split-series';

describe('"this and following": a series split at an occurrence', () => {
  it('ends the old rule one second before the occurrence (RFC 8984 until is inclusive)', () => {
    expect(rulesEndingBefore([{ frequency: 'weekly', count: 10 }], '2026-12-03T10:00:00')).toEqual([
      { frequency: 'weekly', until: '2026-12-03T09:59:59' },
    ]);
    // An earlier end is kept.
    expect(
      rulesEndingBefore([{ frequency: 'weekly', until: '2026-11-20T00:00:00' }], '2026-12-03T10:00:00'),
    ).toEqual([{ frequency: 'weekly', until: '2026-11-20T00:00:00' }]);
  });

  it('starts a new series at the edited occurrence, with the edit, the rest of the count and later overrides', () => {
    const master = {
      ...weeklyMaster,
      sequence: 3,
      recurrenceRules: [{ '@type': 'RecurrenceRule' as const, frequency: 'weekly' as const, count: 10 }],
      recurrenceOverrides: {
        '2026-11-12T10:00:00': { title: 'Early one' },
        '2026-12-10T10:00:00': { title: 'Later one' },
      },
    };
    const { oldPatch, created } = splitSeries(
      master,
      weeklyOccurrence,
      { title: 'Team sync', start: '2026-12-03T11:00:00' },
      4,
    );
    expect(oldPatch).toEqual({
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', until: '2026-12-03T09:59:59' }],
      recurrenceOverrides: { '2026-11-12T10:00:00': { title: 'Early one' } },
    });
    expect(created).toMatchObject({
      '@type': 'Event',
      title: 'Team sync',
      start: '2026-12-03T11:00:00',
      timeZone: 'Europe/Paris',
      duration: 'PT1H',
      participants: weeklyMaster.participants,
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 6 }],
      // The later override moved with the series' start.
      recurrenceOverrides: { '2026-12-10T11:00:00': { title: 'Later one' } },
    });
    // A new event to everyone: its own uid (set by the server), no id, no old sequence.
    expect(created).not.toHaveProperty('uid');
    expect(created).not.toHaveProperty('id');
    expect(created).not.toHaveProperty('sequence');
  });

  it('refuses to split what is not an occurrence of a series', () => {
    expect(() => splitSeries({ ...weeklyMaster, recurrenceRules: null }, weeklyOccurrence, {}, 0)).toThrow();
  });
});
