import { describe, expect, it } from 'vitest';
import { applyJmapPatch } from './json-patch.js';
import { instanceId, parseInstanceId } from './instance-ids.js';

describe('applyJmapPatch (RFC 8620 §5.3 PatchObject)', () => {
  const event = { title: 'a', participants: { 'p/1': { name: 'Bob', roles: { attendee: true } } } };

  it('sets and removes through JSON Pointer paths with ~1 and ~0 escapes, leaving the input alone', () => {
    const result = applyJmapPatch(event, { 'participants/p~11/name': 'Robert', title: null });
    expect(result).toEqual({
      patched: { participants: { 'p/1': { name: 'Robert', roles: { attendee: true } } } },
    });
    expect(event.title).toBe('a');
  });

  it('is invalidPatch through a missing object, for a path and one inside it, and for __proto__', () => {
    expect(applyJmapPatch(event, { 'locations/l1/name': 'Room' })).toMatchObject({
      error: { type: 'invalidPatch' },
    });
    expect(applyJmapPatch(event, { participants: {}, 'participants/p~11/name': 'x' })).toMatchObject({
      error: { type: 'invalidPatch' },
    });
    expect(applyJmapPatch(event, { '__proto__/polluted': true })).toMatchObject({
      error: { type: 'invalidPatch' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('occurrence ids', () => {
  it('round-trip an event id and a recurrenceId, and reject anything else', () => {
    const id = instanceId('V-P7d_TViezTeKHLx', '2026-03-30T09:00:00');
    expect(id).toBe('V-P7d_TViezTeKHLx_20260330T090000');
    expect(parseInstanceId(id)).toEqual({ baseId: 'V-P7d_TViezTeKHLx', recurrenceId: '2026-03-30T09:00:00' });
    expect(parseInstanceId('V-P7d_TViezTeKHLx')).toBeNull();
    expect(parseInstanceId('M-P7d_TViezTeKHLx_20260330T090000')).toBeNull();
  });
});
