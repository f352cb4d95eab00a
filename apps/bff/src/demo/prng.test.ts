import { describe, expect, it } from 'vitest';
import { createRng } from './prng.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const rng = createRng(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
    expect(rng.hex(4)).toMatch(/^[0-9a-f]{8}$/);
  });
});
