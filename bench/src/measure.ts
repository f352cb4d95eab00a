/** Latency figures of one scenario, in milliseconds. */
export interface LatencyStats {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Sequential requests per second: runs / wall time of the measured runs. */
  perSecond: number;
}

/** Nearest-rank percentile (no interpolation) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function statsOf(samples: readonly number[], wallMs: number): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length > 0 ? total / sorted.length : Number.NaN,
    perSecond: wallMs > 0 ? (sorted.length * 1000) / wallMs : Number.NaN,
  };
}

/**
 * Runs `task` `warmup` times unmeasured, then `runs` times one after the other, timing each run
 * end to end (request, server, response parsing), as a client waiting for its answer sees it.
 */
export async function measure(
  task: (run: number) => Promise<unknown>,
  warmup: number,
  runs: number,
): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await task(i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await task(warmup + i);
    samples.push(performance.now() - t0);
  }
  return statsOf(samples, performance.now() - started);
}

/**
 * `measure` with `clients` concurrent clients: each runs its share of `runs` one after the other
 * (after the warm-up, run by all clients at once too). Latency is per request as each client sees
 * it; `perSecond` is the throughput of all clients together: runs / wall time.
 */
export async function measureConcurrent(
  task: (run: number) => Promise<unknown>,
  warmup: number,
  runs: number,
  clients: number,
): Promise<LatencyStats> {
  let next = 0;
  const drain = async (until: number, samples: number[] | null) => {
    while (next < until) {
      const run = next++;
      const t0 = performance.now();
      await task(run);
      samples?.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, () => drain(warmup, null)));
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, () => drain(warmup + runs, samples)));
  return statsOf(samples, performance.now() - started);
}
