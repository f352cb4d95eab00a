import { describe, expect, it } from 'vitest';
import { diffPatch } from './event-patch.js';
import { applyJmapPatch } from '../methods/calendar-event/json-patch.js';

describe('diffPatch (RFC 8620 §5.3 PatchObject between two events)', () => {
  const before = {
    title: 'Sync',
    start: '2026-03-16T09:00:00',
    participants: {
      a: { email: 'a@x.test', participationStatus: 'needs-action' },
      'b/c': { email: 'b@x.test' },
    },
    keywords: ['x'],
    locations: { l1: { name: 'Room 1' } },
  };
  const after = {
    title: 'Sync',
    start: '2026-03-16T10:00:00',
    participants: { a: { email: 'a@x.test', participationStatus: 'accepted' }, 'b/c': { email: 'b@x.test' } },
    keywords: ['x', 'y'],
    description: 'New',
  };

  it('names each changed leaf by its path, replaces arrays whole and nulls what went', () => {
    expect(diffPatch(before, after)).toEqual({
      start: '2026-03-16T10:00:00',
      'participants/a/participationStatus': 'accepted',
      keywords: ['x', 'y'],
      locations: null,
      description: 'New',
    });
  });

  it('gives a patch that, applied to the first, makes the second; nothing for equal events', () => {
    const result = applyJmapPatch(before, diffPatch(before, after));
    expect('patched' in result && result.patched).toEqual(after);
    expect(diffPatch(after, structuredClone(after))).toEqual({});
    expect(diffPatch({ 'a~b/c': { x: 1 } }, { 'a~b/c': { x: 2 } })).toEqual({ 'a~0b~1c/x': 2 });
  });
});
