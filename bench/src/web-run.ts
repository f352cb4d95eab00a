/**
 * The web app's figures (issue 5): JavaScript shipped for the first mail screen (gzip), time from
 * login to the first rendered message list and from a click to the rendered message, and frame
 * times while scrolling a mailbox of --messages emails, in Debian's headless Chromium against the
 * real server. Prints the figures against the targets; exits 1 when one is missed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { repoRoot, startColibriProcess } from '@colibri/test-server';
import { generateCorpus } from './corpus.js';
import { runImport } from './import-cli.js';
import { intOption } from './int-option.js';
import { writeMbox } from './mbox-file.js';
import { statsOf } from './measure.js';
import { logIn, measureLogin, measureOpen, pageTimer, user } from './web-page.js';
import { seededRandom } from './prng.js';

export const webTargets = {
  firstScreenGzipBytes: 250 * 1000,
  loginToListMs: 1000,
  clickToMessageMs: 150,
  maxFrameMs: 50,
} as const;

const progress = (text: string) => process.stderr.write(`[web] ${text}\n`);
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

function options() {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '10' },
      frames: { type: 'string', default: '600' },
    },
  });
  return {
    messages: intOption('messages', values.messages, 100),
    runs: intOption('runs', values.runs, 3),
    frames: intOption('frames', values.frames, 60),
  };
}

/**
 * The first mail screen's JavaScript: the entry script of the built index.html and every module it
 * preloads (its static imports), gzip-compressed as a server would send them. Chunks loaded on
 * demand (the composer) are not part of it.
 */
export async function firstScreenJs(dist: string): Promise<{ files: string[]; gzipBytes: number }> {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1]!);
  let gzipBytes = 0;
  for (const file of new Set(files)) gzipBytes += gzipSync(await readFile(path.join(dist, file))).byteLength;
  return { files: [...new Set(files)], gzipBytes };
}

/**
 * Scrolls the list by 600 px a frame for `frames` frames and returns each frame's duration. The
 * page script is a string: tsx would wrap a function's inner closures in a helper the page lacks.
 */
async function measureScroll(page: Page, frames: number): Promise<number[]> {
  const list = page.getByRole('listbox', { name: 'Messages in Inbox' });
  await list.evaluate((element) => element.setAttribute('data-bench-scroll', ''));
  return page.evaluate(`new Promise((resolve) => {
    const element = document.querySelector('[data-bench-scroll]');
    const durations = [];
    let last = performance.now();
    const step = (now) => {
      durations.push(now - last);
      last = now;
      element.scrollTop += 600;
      if (durations.length < ${frames + 1}) requestAnimationFrame(step);
      else resolve(durations.slice(1));
    };
    requestAnimationFrame(step);
  })`);
}

async function main(): Promise<number> {
  const config = options();
  const dist = path.join(repoRoot, 'apps/web/dist');
  const js = await firstScreenJs(dist);
  const work = await mkdtemp(path.join(tmpdir(), 'colibri-web-bench-'));
  progress('starting the Colibri server with the built web app');
  const server = await startColibriProcess({ label: 'bench', requireWeb: true, readyTimeoutMs: 120_000 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const file = path.join(work, 'corpus.mbox');
    progress(`generating ${config.messages} messages (not timed), importing them into ${user}'s Inbox`);
    await writeMbox(
      file,
      generateCorpus(seededRandom(1), config.messages, user, randomBytes(4).toString('hex')),
      () => undefined,
    );
    await runImport(server.dataDir, user, file);
    await rm(file, { force: true });

    progress(`login to first list, ${config.runs} runs`);
    const login = await measureLogin(browser, server.baseURL, server.demoPassword, config.runs);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(pageTimer);
    const page = await context.newPage();
    await logIn(page, server.baseURL, server.demoPassword);
    progress(`click to message, ${config.runs} runs`);
    const open = await measureOpen(page, config.runs);
    await page.goBack();
    await page.getByRole('listbox', { name: 'Messages in Inbox' }).waitFor();
    progress(`scrolling ${config.frames} frames`);
    const frames = await measureScroll(page, config.frames);
    const scroll = statsOf(frames, 0);
    const slow = frames.filter((ms) => ms > webTargets.maxFrameMs).length;
    const rendered = await page.locator('.message-list__row').count();

    const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    const verdict = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
    const lines = [
      `Colibri web app bench: ${config.messages} messages in the Inbox, Chromium headless`,
      `${verdict(js.gzipBytes <= webTargets.firstScreenGzipBytes)} first-screen JavaScript  ${kb(js.gzipBytes)} gzip in ${js.files.length} file(s) (target ≤ ${kb(webTargets.firstScreenGzipBytes)})`,
      `${verdict(login.inPage.p50 <= webTargets.loginToListMs && login.inPage.unpainted === 0)} login → list        p50 ${ms(login.inPage.p50)}  p95 ${ms(login.inPage.p95)}  (Enter to the painted first row, in the page; target p50 ≤ ${webTargets.loginToListMs} ms)`,
      `     as the driver sees it p50 ${ms(login.driver.p50)}  p95 ${ms(login.driver.p95)}  (adds Playwright's checks and polling)`,
      `${verdict(open.body.p50 <= webTargets.clickToMessageMs && open.body.unpainted === 0)} click → message     p50 ${ms(open.body.p50)}  p95 ${ms(open.body.p95)}  (pointer down to the painted body: its text, or its HTML frame loaded; in the page; ${open.body.unpainted} never painted; target p50 ≤ ${webTargets.clickToMessageMs} ms)`,
      `     click → title       p50 ${ms(open.title.p50)}  p95 ${ms(open.title.p95)}  (to the painted conversation title)`,
      `     as the driver sees it p50 ${ms(open.driver.p50)}  p95 ${ms(open.driver.p95)}  (adds Playwright's checks and polling)`,
      `${verdict(slow === 0)} scroll frames       p50 ${ms(scroll.p50)}  p95 ${ms(scroll.p95)}  max ${ms(scroll.max)}  ${slow}/${frames.length} over ${webTargets.maxFrameMs} ms; ${rendered} rows in the DOM after scrolling`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return lines.some((line) => line.startsWith('MISS')) ? 1 : 0;
  } finally {
    await browser.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
