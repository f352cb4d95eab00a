import { describe, expect, it } from 'vitest';
import { newId, toEmailId, toThreadId } from './ids.js';

describe('newId', () => {
  it('makes valid JMAP ids (RFC 8620 §1.2) that the parsers of their kind accept', () => {
    for (let i = 0; i < 1000; i += 1) {
      const id = newId('Email');
      expect(id).toMatch(/^E[A-Za-z0-9_-]{16}$/);
      expect(toEmailId(id)).toBe(id);
      expect(toThreadId(id)).toBeNull();
    }
  });

  it('sorts ids by creation time, as strings, across the whole range of times', () => {
    const times = [0, 1, 63, 64, 4095, 1_700_000_000_000, 1_700_000_000_001, Date.now(), 2 ** 48 - 1];
    const ids = times.map((t) => newId('Email', t));
    expect([...ids].sort()).toEqual(ids);
    // The order is by time, not by the random half.
    for (let i = 0; i < 200; i += 1) expect(newId('Thread', 1001) < newId('Thread', 1002)).toBe(true);
  });

  it('never repeats, even within one millisecond', () => {
    const ids = new Set(Array.from({ length: 100_000 }, () => newId('Email', 1_800_000_000_000)));
    expect(ids.size).toBe(100_000);
  });
});
