/**
 * Two builds of the BFF compared on LMTP ingest (the machine is shared and noisy: within each
 * round both builds run, in alternating order, so that both see the same load). The store given
 * with `--store` (e.g. one made by the scale run, 100k messages) is copied once into a work folder
 * and both builds deliver into that copy in turn: the runs add messages to it, but by a few percent
 * of its size, alike for A and B. Prints per run: msg/s, the server's CPU per message (main thread,
 * all threads) and the load average; at the end B's rate over A's per round, and the phases of
 * `COLIBRI_DELIVERY_TIMINGS` per build with `--timings`.
 *
 *   pnpm lmtp:ab --a /tmp/colibri-before --b .. --store /tmp/store-100k --messages 1000 --rounds 4
 *
 * `--in-place` delivers into `--store` itself (a copy of your own) instead of a copy of it: a 100k
 * store is gigabytes to copy. `--timings` also prints the delivery phases of each build.
 * `--a`/`--b` are repository roots with `apps/bff/dist` built (`npx tsc -b`); both must read the
 * store's schema (the same migrations, or B's a superset that A never sees: run B last then).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';
import { intOption } from './int-option.js';
import { composeForWire, deliverOverLmtp } from './lmtp-client.js';
import { seededRandom } from './prng.js';

const user = 'bob@colibri.test';
const progress = (text: string) => process.stderr.write(`[lmtp:ab] ${text}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      a: { type: 'string' },
      b: { type: 'string' },
      store: { type: 'string' },
      messages: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '4' },
      timings: { type: 'boolean', default: false },
      'in-place': { type: 'boolean', default: false },
    },
  });
  if (!values.a || !values.b) throw new Error('--a and --b name the two repository roots (built)');
  if (!values.store) throw new Error('--store names a data folder to copy (COLIBRI_DATA of a run)');
  return {
    a: path.resolve(values.a),
    b: path.resolve(values.b),
    store: path.resolve(values.store),
    inPlace: values['in-place'],
    messages: intOption('messages', values.messages, 10),
    rounds: intOption('rounds', values.rounds, 1),
    connections: intOption('connections', values.connections, 1),
    timings: values.timings,
  };
}

let nextPort = 27_000 + Math.floor(Math.random() * 2000);

interface Server {
  child: ChildProcess;
  lmtpPort: number;
  stop(): Promise<void>;
}

/** The build's BFF on `data`, on free-ish loopback ports; resolves once it says it is running. */
async function startServer(root: string, data: string, env: Record<string, string>): Promise<Server> {
  const http = nextPort++;
  const smtp = nextPort++;
  const lmtpPort = nextPort++;
  const child = spawn(process.execPath, [path.join(root, 'apps/bff/dist/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      COLIBRI_DATA: data,
      COLIBRI_HTTP_HOST: '127.0.0.1',
      COLIBRI_HTTP_PORT: String(http),
      COLIBRI_SMTP_PORT: String(smtp),
      COLIBRI_LMTP_PORT: String(lmtpPort),
      COLIBRI_DEMO: '1',
      COLIBRI_DEMO_PASSWORD: 'x-lmtp-ab-123456',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; !out.includes('Colibri is running'); i++) {
    if (child.exitCode !== null || i >= 3000) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${out.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    lmtpPort,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU time (ms) of the process's main thread and of all its threads, from /proc. */
function cpuOf(pid: number): { main: number; all: number } {
  const ticks = (file: string) => {
    const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 100 Hz
  };
  return { main: ticks(`/proc/${pid}/task/${pid}/stat`), all: ticks(`/proc/${pid}/stat`) };
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
type Phases = Record<string, { count: number; mean: number; p50: number; p95: number }>;

async function main() {
  const config = options();
  const work = await mkdtemp(path.join(tmpdir(), 'colibri-lmtp-ab-'));
  let data = config.store;
  if (!config.inPlace) {
    data = path.join(work, 'data');
    progress(`copying ${config.store} to ${data}`);
    execFileSync('cp', ['-a', config.store, data]);
  }
  const builds = { A: config.a, B: config.b } as const;
  const rates: Record<'A' | 'B', number[]> = { A: [], B: [] };
  const phases: Record<'A' | 'B', Phases[]> = { A: [], B: [] };
  try {
    for (let round = 0; round < config.rounds; round++) {
      const wire = await composeForWire(
        generateCorpus(seededRandom(100 + round), config.messages, user, randomBytes(4).toString('hex')),
      );
      const order: ('A' | 'B')[] = round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
      for (const build of order) {
        // What the previous run left in the page cache is written now, not during this run.
        execFileSync('sync');
        const timingsFile = path.join(work, `timings-${build}-${round}.json`);
        const server = await startServer(
          builds[build],
          data,
          config.timings ? { COLIBRI_DELIVERY_TIMINGS: timingsFile } : {},
        );
        try {
          const before = cpuOf(server.child.pid!);
          // The same messages for both builds (different Message-IDs would not change the work).
          const result = await deliverOverLmtp(server.lmtpPort, wire, config.connections);
          const after = cpuOf(server.child.pid!);
          const rate = (result.sent * 1000) / result.elapsedMs;
          rates[build].push(rate);
          console.log(
            `round ${round} ${build}: ${rate.toFixed(1)} msg/s; server CPU per message: main thread ${((after.main - before.main) / result.sent).toFixed(2)} ms, all threads ${((after.all - before.all) / result.sent).toFixed(2)} ms; load ${load()}`,
          );
        } finally {
          await server.stop();
        }
        if (existsSync(timingsFile))
          phases[build].push(JSON.parse(readFileSync(timingsFile, 'utf8')) as Phases);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  for (const build of ['A', 'B'] as const)
    console.log(
      `${build} (${builds[build]}): ${rates[build].map((r) => r.toFixed(0)).join(' ')} msg/s, mean ${mean(rates[build]).toFixed(1)}`,
    );
  const ratios = rates.B.map((b, i) => b / rates.A[i]!);
  console.log(`B/A per round: ${ratios.map((r) => r.toFixed(3)).join(' ')}; mean ${mean(ratios).toFixed(3)}`);
  for (const build of ['A', 'B'] as const) {
    if (phases[build].length === 0) continue;
    console.log(`\n${build}: delivery phases, means over the rounds of each statistic (ms)`);
    for (const phase of Object.keys(phases[build][0]!)) {
      const of = (k: 'mean' | 'p50' | 'p95') => mean(phases[build].map((p) => p[phase]?.[k] ?? 0));
      console.log(
        `  ${phase.padEnd(26)} mean ${of('mean').toFixed(2).padStart(7)}  p50 ${of('p50').toFixed(2).padStart(7)}  p95 ${of('p95').toFixed(2).padStart(7)}`,
      );
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
