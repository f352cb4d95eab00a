import { describe, expect, it } from 'vitest';
import { measureConcurrent, percentile, statsOf } from './measure.js';

describe('percentile (nearest rank)', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);

  it('picks the value at the rank, not an interpolation', () => {
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
  });

  it('handles small samples and empty input', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('statsOf', () => {
  it('sorts the samples and derives sequential requests per second from the wall time', () => {
    const stats = statsOf([4, 1, 3, 2], 10);
    expect(stats).toMatchObject({ runs: 4, p50: 2, max: 4, mean: 2.5, perSecond: 400 });
  });
});

describe('measureConcurrent', () => {
  it('keeps `clients` requests in flight and counts each run once', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    const stats = await measureConcurrent(
      async (run) => {
        seen.push(run);
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
      },
      4,
      40,
      8,
    );
    expect(most).toBe(8);
    expect(stats.runs).toBe(40);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 44 }, (_, i) => i));
    // 40 runs of 5 ms, 8 at a time: far more than the 200 a second of one client.
    expect(stats.perSecond).toBeGreaterThan(400);
  });
});
