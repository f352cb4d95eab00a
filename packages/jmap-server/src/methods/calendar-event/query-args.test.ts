import { describe, expect, it } from 'vitest';
import { eventQueryArgsSchema, filterInUtc } from './query-args.js';

describe('CalendarEvent/query range bounds', () => {
  it('takes UTCDateTime and LocalDateTime bounds, the local ones in the query time zone', () => {
    const args = eventQueryArgsSchema.parse({
      accountId: 'A1',
      filter: {
        operator: 'AND',
        conditions: [{ after: '2026-03-23T00:00:00', before: '2026-04-06T00:00:00Z' }],
      },
      timeZone: 'Europe/Paris',
    });
    // Paris is UTC+1 before 29 March 2026 and UTC+2 after: local midnight on each side.
    expect(filterInUtc(args.filter, 'Europe/Paris')).toEqual({
      operator: 'AND',
      conditions: [{ after: '2026-03-22T23:00:00Z', before: '2026-04-06T00:00:00Z' }],
    });
    expect(filterInUtc({ after: '2026-04-01T00:00:00' }, 'Europe/Paris')).toEqual({
      after: '2026-03-31T22:00:00Z',
    });
    expect(filterInUtc(null, 'Etc/UTC')).toBeNull();
  });

  it('refuses a bound that is neither form', () => {
    expect(() => eventQueryArgsSchema.parse({ accountId: 'A1', filter: { after: '2026-03-23' } })).toThrow();
  });
});
