import { describe, expect, it } from 'vitest';
import { PointerError, evaluatePointer } from './json-pointer.js';

const result = {
  ids: ['e1', 'e2'],
  list: [
    { id: 'e1', threadId: 't1', mailboxIds: { m1: true }, parts: [{ blobId: 'b1' }, { blobId: 'b2' }] },
    { id: 'e2', threadId: 't2', mailboxIds: {}, parts: [{ blobId: 'b3' }] },
  ],
  'a/b': { '~x': 1 },
};

describe('evaluatePointer (RFC 6901 with the RFC 8620 §3.7 "*")', () => {
  it('resolves plain paths and the whole document', () => {
    expect(evaluatePointer(result, '/ids')).toEqual(['e1', 'e2']);
    expect(evaluatePointer(result, '/list/1/threadId')).toBe('t2');
    expect(evaluatePointer(result, '')).toBe(result);
  });

  it('unescapes ~1 and ~0 (RFC 6901 §4)', () => {
    expect(evaluatePointer(result, '/a~1b/~0x')).toBe(1);
  });

  it('maps "*" over an array and flattens array results one level (§3.7)', () => {
    expect(evaluatePointer(result, '/list/*/id')).toEqual(['e1', 'e2']);
    expect(evaluatePointer(result, '/list/*/parts/*/blobId')).toEqual(['b1', 'b2', 'b3']);
    expect(evaluatePointer(result, '/list/*/parts')).toEqual([
      { blobId: 'b1' },
      { blobId: 'b2' },
      { blobId: 'b3' },
    ]);
  });

  it('fails on a missing property, an out-of-range or malformed index, and a relative path', () => {
    expect(() => evaluatePointer(result, '/nope')).toThrow(PointerError);
    expect(() => evaluatePointer(result, '/ids/2')).toThrow(PointerError);
    expect(() => evaluatePointer(result, '/ids/01')).toThrow(PointerError);
    expect(() => evaluatePointer(result, '/ids/0/x')).toThrow(PointerError);
    expect(() => evaluatePointer(result, 'ids')).toThrow(PointerError);
    expect(() => evaluatePointer({ a: 1 }, '/*')).toThrow(PointerError);
  });
});
