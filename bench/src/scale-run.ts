// `pnpm --filter @colibri/bench scale --messages 100000`: the store at scale. Starts the built
// server, imports N generated messages into one account with the `colibri import` CLI (a child
// process on the server's data folder, timed by its own printed rate), delivers a subset over LMTP
// with 4 connections (pipelined, as an MTA's LMTP client; the messages composed before timing),
// then measures JMAP list pages at the top and deep down, full-text search,
// and the server's peak RSS. Prints each figure next to its target (PASS/MISS) and a JSON line.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createJmapClient, ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { EmailSortProperty, Id } from '@colibri/jmap-types';
import { startColibriProcess } from '@colibri/test-server';
import { generateCorpus } from './corpus.js';
import { writeMbox } from './mbox-file.js';
import { measure, measureConcurrent, statsOf, type LatencyStats } from './measure.js';
import { seededRandom } from './prng.js';
import { rssOf } from './rss.js';
import { EventStreamReader } from './event-stream.js';
import { composeForWire, deliverOverLmtp } from './lmtp-client.js';
import { runImport } from './import-cli.js';
import { intOption } from './int-option.js';

/** The targets of issue 3; each figure is printed next to its own. */
export const scaleTargets = {
  lmtpPerSecond: 400,
  importPerSecond: 1500,
  pageP50Ms: 5,
  ftsP50Ms: 50,
  serverRssBytes: 300 * 1024 * 1024,
  /**
   * Issue 4: the mailbox-list screen (collapsed threads, 50 rows) under 10 ms at p50 with one
   * client (the "threads collapsed, top" line, whose 5 ms page target is stricter) and at least
   * 400 requests/s with 8 clients at once.
   */
  listScreenPerSecond: 400,
} as const;

/** Clients at once for the list screen's throughput (issue 4). */
const listScreenClients = 8;

const user = 'bob@colibri.test';
/** LMTP delivers this share of N (bounded below), on top of the imported messages. */
const lmtpShare = 0.1;
const maxLmtpMessages = 10_000;
const lmtpConnections = 4;
const rssSampleMs = 250;
const progress = (text: string) => process.stderr.write(`[scale] ${text}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
    },
  });
  return {
    messages: intOption('messages', values.messages, 100),
    runs: intOption('runs', values.runs, 5),
    seed: intOption('seed', values.seed, 0),
  };
}

interface EmailSort {
  property: EmailSortProperty;
  isAscending: boolean;
  keyword?: string;
}
const newestFirst: EmailSort[] = [{ property: 'receivedAt', isAscending: false }];
/** Flagged first, then newest first: a keyword sort the way a mail client offers it. */
const flaggedFirst: EmailSort[] = [
  { property: 'hasKeyword', keyword: '$flagged', isAscending: false },
  ...newestFirst,
];
/** Every this-many-th Inbox email is flagged before measuring (the corpus has no keywords). */
const flagEvery = 50;

function pageAt(
  client: JmapClient,
  accountId: Id,
  inboxId: Id,
  position: number,
  { sort = newestFirst, collapseThreads = false }: { sort?: EmailSort[]; collapseThreads?: boolean } = {},
) {
  return () =>
    client.request((b) => {
      const query = b.call('Email/query', {
        accountId,
        filter: { inMailbox: inboxId },
        sort,
        collapseThreads,
        position,
        limit: 50,
      });
      return {
        query,
        emails: b.call('Email/get', {
          accountId,
          ids: ref(query, '/ids'),
          properties: [
            'id',
            'threadId',
            'from',
            'subject',
            'preview',
            'receivedAt',
            'keywords',
            'hasAttachment',
          ],
        }),
      };
    });
}

/** Flags every `flagEvery`-th email of the Inbox over JMAP (Email/set, 500 per call). */
async function flagSome(client: JmapClient, accountId: Id, inboxId: Id, total: number): Promise<number> {
  const ids: Id[] = [];
  // The server clamps the limit (RFC 8620 §5.5): step by what each page really returned.
  for (let position = 0; position < total;) {
    const page = await client.call('Email/query', {
      accountId,
      filter: { inMailbox: inboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      position,
      limit: 10_000,
    });
    if (page.ids.length === 0) break;
    ids.push(...page.ids.filter((_, i) => (position + i) % flagEvery === 0));
    position += page.ids.length;
  }
  for (let i = 0; i < ids.length; i += 500) {
    const update = Object.fromEntries(ids.slice(i, i + 500).map((id) => [id, { 'keywords/$flagged': true }]));
    await client.call('Email/set', { accountId, update });
  }
  return ids.length;
}

/** Sets or clears one keyword (RFC 8621 §4.6: a keyword patch is true or null), or throws. */
async function setKeyword(client: JmapClient, accountId: Id, emailId: Id, keyword: string, on: boolean) {
  const { notUpdated } = await client.call('Email/set', {
    accountId,
    update: { [emailId]: { [`keywords/${keyword}`]: on ? true : null } },
  });
  if (notUpdated) throw new Error(`Email/set refused: ${JSON.stringify(notUpdated)}`);
}

/**
 * Each run flips the flag of one Inbox email (not timed), then times what a client does on the
 * push that follows: Email/changes since its last state, and the keywords of what changed.
 */
async function measureChangesAfterFlag(
  client: JmapClient,
  accountId: Id,
  inboxId: Id,
  warmup: number,
  runs: number,
): Promise<LatencyStats> {
  const { ids } = await client.call('Email/query', {
    accountId,
    filter: { inMailbox: inboxId },
    sort: newestFirst,
    limit: 1,
  });
  const emailId = ids[0];
  if (!emailId) throw new Error('The Inbox is empty');
  let state = (await client.call('Email/get', { accountId, ids: [], properties: ['id'] })).state;
  let flagged = false;
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < warmup + runs; i++) {
    flagged = !flagged;
    await setKeyword(client, accountId, emailId, '$flagged', flagged);
    const t0 = performance.now();
    const { changes } = await client.request((b) => {
      const changes = b.call('Email/changes', { accountId, sinceState: state });
      return {
        changes,
        emails: b.call('Email/get', { accountId, ids: ref(changes, '/updated'), properties: ['keywords'] }),
      };
    });
    if (i >= warmup) samples.push(performance.now() - t0);
    state = changes.newState;
  }
  return statsOf(samples, performance.now() - started);
}

/**
 * Push latency (RFC 8620 §7.3): with an EventSource open for Email changes, each run flips a flag
 * and times from sending the Email/set to the `state` event that announces it. That includes the
 * request itself: an upper bound of the time from the change to the client knowing of it.
 */
async function measurePushLatency(
  client: JmapClient,
  eventSourceUrl: string,
  authorization: string,
  accountId: Id,
  inboxId: Id,
  warmup: number,
  runs: number,
): Promise<LatencyStats> {
  const { ids } = await client.call('Email/query', {
    accountId,
    filter: { inMailbox: inboxId },
    sort: newestFirst,
    limit: 1,
  });
  const emailId = ids[0];
  if (!emailId) throw new Error('The Inbox is empty');
  const events = new EventStreamReader(
    await fetch(eventSourceUrl, { headers: { Authorization: authorization } }),
  );
  try {
    let flagged = false;
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < warmup + runs; i++) {
      flagged = !flagged;
      const t0 = performance.now();
      const pushed = events.next('state');
      await setKeyword(client, accountId, emailId, '$seen', flagged);
      await pushed;
      if (i >= warmup) samples.push(performance.now() - t0);
      // After a push, the next within 100 ms waits for the window's end: runs are spaced beyond it.
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    return statsOf(samples, performance.now() - started);
  } finally {
    await events.close();
  }
}

const searchWords = ['report', 'meeting', 'invoice', 'project', 'budget', 'review', 'schedule', 'design'];

async function main(): Promise<number> {
  const config = options();
  const work = await mkdtemp(path.join(tmpdir(), 'colibri-scale-'));
  progress('starting the Colibri server (apps/bff/dist) on a temporary data folder');
  // BENCH_DELIVERY_TIMINGS=1: the server measures each LMTP delivery by phase (printed at the end).
  const timingsFile = process.env['BENCH_DELIVERY_TIMINGS'] ? path.join(work, 'delivery-timings.json') : null;
  const server = await startColibriProcess({
    label: 'bench',
    requireWeb: false,
    readyTimeoutMs: 120_000,
    env: timingsFile ? { COLIBRI_DELIVERY_TIMINGS: timingsFile } : {},
  });
  let peakRss = 0;
  const sampler = setInterval(() => {
    void rssOf(server.pid).then((rss) => {
      if (rss !== null) peakRss = Math.max(peakRss, rss);
    });
  }, rssSampleMs);
  try {
    const file = path.join(work, 'corpus.mbox');
    progress(`generating ${config.messages} messages into ${file} (not timed)`);
    const written = await writeMbox(
      file,
      generateCorpus(seededRandom(config.seed), config.messages, user, randomBytes(4).toString('hex')),
      (n) => progress(`  ${n} written`),
    );
    progress(`importing with colibri import (${(written.bytes / 1024 / 1024).toFixed(0)} MiB)`);
    const imported = await runImport(server.dataDir, user, file);
    await rm(file, { force: true });

    const lmtpCount = Math.min(maxLmtpMessages, Math.max(100, Math.round(config.messages * lmtpShare)));
    progress(`composing ${lmtpCount} more messages (not timed), then delivering them over LMTP`);
    // The composed messages are unreachable once delivered: held, they were a heap the size of the
    // corpus in this process while it times the pages below.
    const lmtp = await deliverOverLmtp(
      server.lmtpPort,
      await composeForWire(
        generateCorpus(seededRandom(config.seed + 1), lmtpCount, user, randomBytes(4).toString('hex')),
      ),
      lmtpConnections,
    );
    const lmtpPerSecond = (lmtp.sent * 1000) / lmtp.elapsedMs;

    const authorization = `Basic ${Buffer.from(`${user}:${server.demoPassword}`).toString('base64')}`;
    const client = createJmapClient({
      sessionUrl: `${server.baseURL}/.well-known/jmap`,
      headers: () => ({ Authorization: authorization }),
    });
    const accountId = await client.primaryAccountId();
    const { list } = await client.call('Mailbox/get', {
      accountId,
      ids: null,
      properties: ['id', 'role', 'totalEmails', 'totalThreads'],
    });
    const inbox = list.find((m) => m.role === 'inbox');
    if (!inbox?.id) throw new Error('No Inbox');
    const total = inbox.totalEmails ?? 0;
    const deep = Math.max(0, Math.min(total - 50, Math.round(total * 0.9)));
    const threads = inbox.totalThreads ?? 0;
    const deepThreads = Math.max(0, Math.min(threads - 50, Math.round(threads * 0.9)));
    const warmup = Math.max(3, Math.round(config.runs / 10));
    progress(
      `measuring pages (Inbox holds ${total} in ${threads} threads; deep page at position ${deep}) and full-text search`,
    );
    const flagged = await flagSome(client, accountId, inbox.id, total);
    progress(`flagged ${flagged} Inbox emails (1 in ${flagEvery}) for the keyword sort`);
    // The mailbox list as the web app asks for it, in each order, at the top and deep down.
    const pages: [label: string, position: number, options?: Parameters<typeof pageAt>[4]][] = [
      ['page top', 0],
      [`page deep @${deep}`, deep],
      ['flagged first, top', 0, { sort: flaggedFirst }],
      [`flagged first, deep @${deep}`, deep, { sort: flaggedFirst }],
      ['threads collapsed, top', 0, { collapseThreads: true }],
      [`threads collapsed, deep @${deepThreads}`, deepThreads, { collapseThreads: true }],
    ];
    const latency: Record<string, LatencyStats> = {};
    for (const [label, position, options] of pages)
      latency[`${label} (query+get 50)`] = await measure(
        pageAt(client, accountId, inbox.id, position, options),
        warmup,
        config.runs,
      );
    latency['full-text search (query 50)'] = await measure(
      (i) =>
        client.call('Email/query', {
          accountId,
          filter: { text: searchWords[i % searchWords.length] },
          limit: 50,
        }),
      warmup,
      config.runs,
    );
    // Issue 4: the list screen with several clients at once, and what a client does after a change
    // pushed to it: Email/changes since its state, then the changed emails' keywords.
    const listScreen = await measureConcurrent(
      pageAt(client, accountId, inbox.id, 0, { collapseThreads: true }),
      warmup,
      config.runs * 4,
      listScreenClients,
    );
    const changesAfterFlag = await measureChangesAfterFlag(client, accountId, inbox.id, warmup, config.runs);
    const pushLatency = await measurePushLatency(
      client,
      `${server.baseURL}/jmap/eventsource?types=Email&closeafter=no&ping=0`,
      authorization,
      accountId,
      inbox.id,
      warmup,
      config.runs,
    );
    const rssEnd = (await rssOf(server.pid)) ?? 0;
    peakRss = Math.max(peakRss, rssEnd);

    // pass: null for a figure printed without a target.
    const rows: [string, string, string, boolean | null][] = [
      [
        'import (colibri import)',
        `${imported.perSecond} msg/s`,
        `≥ ${scaleTargets.importPerSecond}`,
        imported.perSecond >= scaleTargets.importPerSecond,
      ],
      [
        `LMTP, ${lmtpConnections} connections`,
        `${lmtpPerSecond.toFixed(0)} msg/s`,
        `≥ ${scaleTargets.lmtpPerSecond}`,
        lmtpPerSecond >= scaleTargets.lmtpPerSecond,
      ],
      ...Object.entries(latency).map(([name, s]): [string, string, string, boolean | null] => {
        const target = name.startsWith('full-text') ? scaleTargets.ftsP50Ms : scaleTargets.pageP50Ms;
        return [
          `${name} p50 (p95)`,
          `${s.p50.toFixed(2)} ms (${s.p95.toFixed(2)} ms)`,
          `< ${target} ms`,
          s.p50 < target,
        ];
      }),
      [
        `list screen (collapsed, 50), ${listScreenClients} clients p50 (p95)`,
        `${listScreen.p50.toFixed(2)} ms (${listScreen.p95.toFixed(2)} ms)`,
        'none',
        null,
      ],
      [
        `list screen, ${listScreenClients} clients, throughput`,
        `${listScreen.perSecond.toFixed(0)} req/s`,
        `≥ ${scaleTargets.listScreenPerSecond}`,
        listScreen.perSecond >= scaleTargets.listScreenPerSecond,
      ],
      [
        'Email/changes + get after one flag change p50 (p95)',
        `${changesAfterFlag.p50.toFixed(2)} ms (${changesAfterFlag.p95.toFixed(2)} ms)`,
        'none',
        null,
      ],
      [
        'push: Email/set sent → EventSource state p50 (p95)',
        `${pushLatency.p50.toFixed(2)} ms (${pushLatency.p95.toFixed(2)} ms)`,
        'none',
        null,
      ],
      [
        'server peak RSS',
        `${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
        `< ${scaleTargets.serverRssBytes / 1024 / 1024} MiB`,
        peakRss < scaleTargets.serverRssBytes,
      ],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(
      `Colibri scale bench: ${config.messages} imported + ${lmtp.sent} over LMTP (Node ${process.versions.node}, ${availableParallelism()} CPUs)\n`,
    );
    for (const [name, value, target, pass] of rows)
      console.log(
        `${name.padEnd(width)}  ${value.padStart(22)}  target ${target.padEnd(10)}  ${pass === null ? '' : pass ? 'PASS' : 'MISS'}`,
      );
    console.log(
      JSON.stringify({
        bench: 'colibri-scale',
        at: new Date().toISOString(),
        config,
        import: { messages: config.messages, bytes: written.bytes, perSecond: imported.perSecond },
        lmtp: {
          messages: lmtp.sent,
          ms: Math.round(lmtp.elapsedMs),
          perSecond: Number(lmtpPerSecond.toFixed(1)),
        },
        inboxTotal: total,
        latency: {
          ...latency,
          [`list screen, ${listScreenClients} clients`]: listScreen,
          'Email/changes after one flag change': changesAfterFlag,
          'push latency (Email/set sent to state event)': pushLatency,
        },
        peakRssBytes: peakRss,
        targets: scaleTargets,
        pass: Object.fromEntries(rows.map((r) => [r[0], r[3]])),
      }),
    );
    return 0;
  } finally {
    clearInterval(sampler);
    await server.stop();
    if (timingsFile) printDeliveryTimings(timingsFile);
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The server's per-delivery latency by phase (written at its exit, `COLIBRI_DELIVERY_TIMINGS`),
 * in ms: smtp.* from the LMTP dialogue, deliver.* around the store, store.* inside it (parse,
 * wait in the group commit's queue, wait for a checkpoint, the group's transaction, wait for the
 * sync in flight, its own WAL sync); store.groupSize is deliveries per group, not ms.
 */
function printDeliveryTimings(file: string): void {
  if (!existsSync(file)) return;
  const phases = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    { count: number; mean: number; p50: number; p95: number }
  >;
  console.log('\nLMTP delivery latency by phase (ms; server side)');
  for (const [phase, t] of Object.entries(phases))
    console.log(
      `  ${phase.padEnd(24)} n=${String(t.count).padStart(6)}  mean ${t.mean.toFixed(2).padStart(7)}  p50 ${t.p50.toFixed(2).padStart(7)}  p95 ${t.p95.toFixed(2).padStart(7)}`,
    );
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
