import type { LatencyStats } from './measure.js';

export interface BenchReport {
  bench: 'colibri-jmap';
  at: string;
  node: string;
  cpus: number;
  config: {
    messages: number;
    runs: number;
    warmup: number;
    smtpConnections: number;
    seed: number;
    user: string;
  };
  startupMs: number;
  ingest: {
    messages: number;
    bytes: number;
    smtpMs: number;
    visibleMs: number;
    perSecond: number;
    inboxTotal: number;
  };
  rssBytes: { start: number | null; afterIngest: number | null; end: number | null };
  latency: Record<string, LatencyStats>;
}

const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/** The human table; the last line of the output is the same data as one JSON line. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  const { config, ingest } = report;
  lines.push(
    `Colibri JMAP bench: ${config.messages} messages to ${config.user}, ${config.warmup} warm-up + ${config.runs} runs per scenario (Node ${report.node}, ${report.cpus} CPUs)`,
  );
  lines.push('');
  const facts: [string, string][] = [
    ['server start (demo seeding included)', `${(report.startupMs / 1000).toFixed(1)} s`],
    [
      `SMTP ingest, ${config.smtpConnections} connections`,
      `${ingest.messages} messages, ${(ingest.bytes / 1024 / 1024).toFixed(1)} MiB of content in ${(ingest.smtpMs / 1000).toFixed(1)} s; all visible over JMAP after ${(ingest.visibleMs / 1000).toFixed(1)} s`,
    ],
    ['ingest rate', `${ingest.perSecond.toFixed(0)} messages/s (Inbox now holds ${ingest.inboxTotal})`],
    [
      'server RSS',
      `${mib(report.rssBytes.start)} at start, ${mib(report.rssBytes.afterIngest)} after ingest, ${mib(report.rssBytes.end)} at the end`,
    ],
  ];
  const labelWidth = Math.max(...facts.map(([label]) => label.length));
  for (const [label, value] of facts) lines.push(`${label.padEnd(labelWidth)}  ${value}`);
  lines.push('');
  const header = ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'req/s'];
  const rows = Object.entries(report.latency).map(([name, s]) => [
    name,
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    ms(s.max),
    s.perSecond.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  lines.push(format(header));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) lines.push(format(row));
  lines.push('');
  lines.push(JSON.stringify(report));
  return lines.join('\n');
}
