/** The bench's knobs, from the environment, with the defaults the README documents. */
export interface BenchConfig {
  /** Generated messages ingested over SMTP (BENCH_MESSAGES). */
  messages: number;
  /** Measured runs per scenario, after the warm-up (BENCH_RUNS). */
  runs: number;
  /** Unmeasured runs first, so that caches and the JIT settle (BENCH_WARMUP). */
  warmup: number;
  /** Parallel SMTP connections during ingest (BENCH_SMTP_CONNECTIONS). */
  smtpConnections: number;
  /** Seed of the message generator, so that two runs ingest the same corpus (BENCH_SEED). */
  seed: number;
  /** The account the messages are delivered to and the latency is measured on (BENCH_USER). */
  user: string;
}

function intFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}").`);
  return value;
}

export function benchConfigFromEnv(): BenchConfig {
  return {
    messages: intFrom('BENCH_MESSAGES', 2000, 0, 200_000),
    runs: intFrom('BENCH_RUNS', 50, 1, 100_000),
    warmup: intFrom('BENCH_WARMUP', 10, 0, 10_000),
    smtpConnections: intFrom('BENCH_SMTP_CONNECTIONS', 4, 1, 64),
    seed: intFrom('BENCH_SEED', 1, 0, 2 ** 31),
    user: process.env.BENCH_USER ?? 'bob@colibri.test',
  };
}
