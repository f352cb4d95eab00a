/**
 * Two builds of the web app compared on one server and one imported mailbox (the machine is
 * shared and noisy: rounds alternate A and B, so both see the same load). The server serves a
 * symlink that each round points at one build. Prints click → title and click → body per build,
 * for the list's top rows and for rows further down, and B's medians over A's.
 *
 *   pnpm web:ab --a /tmp/dist-before --b ../apps/web/dist --messages 20000 --rounds 4
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startColibriProcess } from '@colibri/test-server';
import { generateCorpus } from './corpus.js';
import { runImport } from './import-cli.js';
import { intOption } from './int-option.js';
import { writeMbox } from './mbox-file.js';
import { percentile } from './measure.js';
import { seededRandom } from './prng.js';
import { logIn, measureOpen, pageTimer, user } from './web-page.js';

const progress = (text: string) => process.stderr.write(`[web:ab] ${text}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      a: { type: 'string' },
      b: { type: 'string' },
      messages: { type: 'string', default: '20000' },
      rounds: { type: 'string', default: '4' },
      runs: { type: 'string', default: '8' },
      'from-row': { type: 'string', default: '400' },
    },
  });
  if (!values.a || !values.b) throw new Error('--a and --b name the two built web apps (dist folders)');
  return {
    a: path.resolve(values.a),
    b: path.resolve(values.b),
    messages: intOption('messages', values.messages, 100),
    rounds: intOption('rounds', values.rounds, 1),
    runs: intOption('runs', values.runs, 1),
    fromRow: intOption('from-row', values['from-row'], 20),
  };
}

type Samples = Record<'topTitle' | 'topBody' | 'farTitle' | 'farBody' | 'htmlBody' | 'textBody', number[]>;
const emptySamples = (): Samples => ({
  topTitle: [],
  topBody: [],
  farTitle: [],
  farBody: [],
  htmlBody: [],
  textBody: [],
});
const median = (values: readonly number[]) =>
  percentile(
    values.filter((v) => Number.isFinite(v)).sort((x, y) => x - y),
    50,
  );

async function main() {
  const config = options();
  const work = await mkdtemp(path.join(tmpdir(), 'colibri-web-ab-'));
  const served = path.join(work, 'dist');
  await symlink(config.a, served);
  const server = await startColibriProcess({
    label: 'bench-ab',
    requireWeb: true,
    readyTimeoutMs: 120_000,
    env: { COLIBRI_WEB_DIST: served },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const file = path.join(work, 'corpus.mbox');
    progress(`importing ${config.messages} messages`);
    await writeMbox(
      file,
      generateCorpus(seededRandom(1), config.messages, user, randomBytes(4).toString('hex')),
    );
    await runImport(server.dataDir, user, file);
    await rm(file, { force: true });
    const results = { a: emptySamples(), b: emptySamples() };
    for (let round = 0; round < config.rounds; round++) {
      for (const which of round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
        await rm(served);
        await symlink(config[which], served);
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        await context.addInitScript(pageTimer);
        const page = await context.newPage();
        await logIn(page, server.baseURL, server.demoPassword);
        // What an idle list would have done by the time a person clicks.
        await page.waitForTimeout(1500);
        const top = await measureOpen(page, config.runs);
        const far = await measureOpen(page, config.runs, { fromRow: config.fromRow + round * 40 });
        const into = results[which];
        into.topTitle.push(...top.samples.title);
        into.topBody.push(...top.samples.body);
        into.farTitle.push(...far.samples.title);
        into.farBody.push(...far.samples.body);
        for (const run of [top, far]) {
          run.samples.kinds.forEach((kind, i) =>
            (kind === 'html' ? into.htmlBody : into.textBody).push(run.samples.body[i] ?? Number.NaN),
          );
        }
        progress(
          `round ${round + 1} ${which}: top body p50 ${median(top.samples.body).toFixed(0)} ms, far body p50 ${median(far.samples.body).toFixed(0)} ms`,
        );
        await context.close();
      }
    }
    const lines = [`web A/B: ${config.messages} messages, ${config.rounds} rounds × ${config.runs} opens`];
    lines.push(`  A = ${config.a}`, `  B = ${config.b}`);
    for (const key of Object.keys(results.a) as (keyof Samples)[]) {
      const a = median(results.a[key]);
      const b = median(results.b[key]);
      lines.push(
        `  ${key.padEnd(10)} A p50 ${a.toFixed(0).padStart(5)} ms (${results.a[key].length})   B p50 ${b.toFixed(0).padStart(5)} ms (${results.b[key].length})   B/A ${(b / a).toFixed(2)}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await browser.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
