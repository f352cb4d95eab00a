/**
 * Per-delivery latency by phase, for measurement only: off unless `enableDeliveryTimings()` was
 * called (the BFF does so when `COLIBRI_DELIVERY_TIMINGS` names a file). While off, `timings` is
 * null and the delivery path records nothing (one null check per phase).
 *
 * Each phase keeps its samples (milliseconds, from `performance.now()`), at most `maxSamples` per
 * phase (older ones are dropped first), so that a summary gives count, mean, p50 and p95.
 */
export interface DeliveryTimings {
  record(phase: string, ms: number): void;
  summary(): Record<string, { count: number; mean: number; p50: number; p95: number }>;
}

const maxSamples = 200_000;

export let timings: DeliveryTimings | null = null;

export function enableDeliveryTimings(): DeliveryTimings {
  if (timings) return timings;
  const samples = new Map<string, number[]>();
  timings = {
    record(phase, ms) {
      let list = samples.get(phase);
      if (!list) samples.set(phase, (list = []));
      if (list.length >= maxSamples) list.shift();
      list.push(ms);
    },
    summary() {
      const out: Record<string, { count: number; mean: number; p50: number; p95: number }> = {};
      for (const [phase, list] of samples) {
        const sorted = [...list].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
        const round = (x: number) => Math.round(x * 1000) / 1000;
        out[phase] = {
          count: sorted.length,
          mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
          p50: round(at(0.5)),
          p95: round(at(0.95)),
        };
      }
      return out;
    },
  };
  return timings;
}
