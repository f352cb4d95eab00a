// `pnpm --filter @colibri/bench start`: starts the built BFF on a temporary data folder, ingests
// BENCH_MESSAGES generated messages over SMTP, measures JMAP latency over HTTP, prints a table and
// a JSON line, stops the server. Loopback only; every loop is bounded.
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createJmapClient } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import { benchConfigFromEnv } from './config.js';
import { generateCorpus } from './corpus.js';
import { measure } from './measure.js';
import type { LatencyStats } from './measure.js';
import { seededRandom } from './prng.js';
import { formatReport } from './report.js';
import type { BenchReport } from './report.js';
import { rssOf } from './rss.js';
import { emailFull, inboxPage, mailboxGet } from './scenarios.js';
import { startColibriProcess } from '@colibri/test-server';
import type { ColibriProcess } from '@colibri/test-server';
import { ingestOverSmtp } from './smtp-ingest.js';

const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const round = (value: number, digits: number) => Number(value.toFixed(digits));
/** Microsecond precision is plenty for the JSON line and keeps it short. */
const roundStats = (stats: LatencyStats): LatencyStats => ({
  runs: stats.runs,
  p50: round(stats.p50, 3),
  p95: round(stats.p95, 3),
  p99: round(stats.p99, 3),
  max: round(stats.max, 3),
  mean: round(stats.mean, 3),
  perSecond: round(stats.perSecond, 1),
});

async function inboxOf(client: JmapClient, accountId: Id): Promise<{ id: Id; totalEmails: number }> {
  const { list } = await client.call('Mailbox/get', {
    accountId,
    ids: null,
    properties: ['id', 'role', 'totalEmails'],
  });
  const inbox = list.find((mailbox) => mailbox.role === 'inbox');
  if (!inbox?.id) throw new Error('The bench account has no Inbox.');
  return { id: inbox.id, totalEmails: inbox.totalEmails ?? 0 };
}

/** Waits, bounded, until the Inbox holds `expected` messages: SMTP's 250 may precede visibility. */
async function waitForInbox(
  client: JmapClient,
  accountId: Id,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { totalEmails } = await inboxOf(client, accountId);
    if (totalEmails >= expected) return totalEmails;
    if (Date.now() > deadline)
      throw new Error(
        `Only ${totalEmails} of ${expected} messages reached the Inbox within ${timeoutMs} ms.`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function bench(server: ColibriProcess, startupMs: number): Promise<BenchReport> {
  const config = benchConfigFromEnv();
  const rssStart = await rssOf(server.pid);
  const authorization = `Basic ${Buffer.from(`${config.user}:${server.demoPassword}`).toString('base64')}`;
  const client = createJmapClient({
    sessionUrl: `${server.baseURL}/.well-known/jmap`,
    headers: () => ({ Authorization: authorization }),
  });
  const accountId = await client.primaryAccountId();
  const before = await inboxOf(client, accountId);

  progress(`ingesting ${config.messages} messages over SMTP (${config.smtpConnections} connections)`);
  const corpus = generateCorpus(
    seededRandom(config.seed),
    config.messages,
    config.user,
    randomBytes(4).toString('hex'),
  );
  let reportedTenths = 0;
  const ingestStarted = performance.now();
  const ingest = await ingestOverSmtp(server.smtpPort, corpus, config.smtpConnections, (sent) => {
    const tenths = Math.floor((sent * 10) / Math.max(1, config.messages));
    if (tenths > reportedTenths) progress(`  ${sent}/${config.messages}`);
    reportedTenths = tenths;
  });
  const inboxTotal = await waitForInbox(client, accountId, before.totalEmails + config.messages, 120_000);
  const visibleMs = performance.now() - ingestStarted;
  const rssAfterIngest = await rssOf(server.pid);

  // The newest messages are the generated ones: the full-message scenario rotates over them, so
  // it reads plain, HTML, threaded and attachment-bearing messages alike.
  const { ids } = await client.call('Email/query', {
    accountId,
    filter: { inMailbox: before.id },
    sort: [{ property: 'receivedAt', isAscending: false }],
    limit: 200,
  });
  const scenarios = [
    mailboxGet(client, accountId),
    inboxPage(client, accountId, before.id),
    emailFull(client, accountId, ids),
  ];
  const latency: Record<string, LatencyStats> = {};
  for (const scenario of scenarios) {
    progress(`measuring ${scenario.name}`);
    latency[scenario.name] = roundStats(await measure((i) => scenario.run(i), config.warmup, config.runs));
  }

  return {
    bench: 'colibri-jmap',
    at: new Date().toISOString(),
    node: process.versions.node,
    cpus: availableParallelism(),
    config,
    startupMs: Math.round(startupMs),
    ingest: {
      messages: ingest.sent,
      bytes: ingest.bytes,
      smtpMs: Math.round(ingest.elapsedMs),
      visibleMs: Math.round(visibleMs),
      perSecond: ingest.sent > 0 ? round((ingest.sent * 1000) / visibleMs, 1) : 0,
      inboxTotal,
    },
    rssBytes: { start: rssStart, afterIngest: rssAfterIngest, end: await rssOf(server.pid) },
    latency,
  };
}

async function main(): Promise<number> {
  progress('starting the Colibri server (apps/bff/dist) on a temporary data folder');
  const started = performance.now();
  const server = await startColibriProcess({ label: 'bench', requireWeb: false, readyTimeoutMs: 120_000 });
  const startupMs = performance.now() - started;
  const stop = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  try {
    console.log(formatReport(await bench(server, startupMs)));
    return 0;
  } finally {
    process.removeListener('SIGINT', stop);
    await server.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
