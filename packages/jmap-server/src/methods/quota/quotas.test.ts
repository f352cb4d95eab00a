import { describe, expect, it } from 'vitest';
import { applyChanges, diffQuotas } from './diff.js';
import { parseQuotaState, quotaState, quotasOf } from './quotas.js';

const snapshot = (entries: [string, number, number][]) =>
  new Map(entries.map(([id, used, hardLimit]) => [id, { used, hardLimit }]));

describe('Quota state (RFC 9425 §4, RFC 8620 §1.5)', () => {
  it('round-trips a snapshot through its state, one spelling per snapshot', () => {
    const both = snapshot([
      ['count', 12, 1000],
      ['octets', 5000, 10000],
    ]);
    expect(quotaState(both)).toBe('c12-1000.o5000-10000');
    expect(parseQuotaState('c12-1000.o5000-10000')).toEqual(both);
    expect(quotaState(new Map())).toBe('none');
    expect(parseQuotaState('none')).toEqual(new Map());
    // Another order, a repeated object, leading zeros and junk are not states of ours.
    for (const state of ['o5000-10000.c12-1000', 'c1-2.c1-2', 'c012-1000', 'x1-2', 'c1-', ''])
      expect(parseQuotaState(state), state).toBeNull();
  });

  it('builds Quota objects only for the limits in the snapshot', () => {
    expect(
      quotasOf(snapshot([['octets', 1, 2]])).map((q) => [q.id, q.resourceType, q.used, q.hardLimit]),
    ).toEqual([['octets', 'octets', 1, 2]]);
  });

  it('diffs two snapshots and applies part of the difference', () => {
    const before = snapshot([['count', 1, 10]]);
    const after = snapshot([
      ['count', 2, 10],
      ['octets', 1, 100],
    ]);
    const changes = diffQuotas(before, after);
    expect(changes).toEqual([
      { id: 'count', kind: 'updated', usedOnly: true },
      { id: 'octets', kind: 'created', usedOnly: false },
    ]);
    expect(applyChanges(before, after, changes.slice(0, 1))).toEqual(snapshot([['count', 2, 10]]));
    expect(diffQuotas(after, before)).toEqual([
      { id: 'count', kind: 'updated', usedOnly: true },
      { id: 'octets', kind: 'destroyed', usedOnly: false },
    ]);
  });
});
