/**
 * What the web bench measures inside the page (issue 5): the timer script, the login and the
 * opening of messages from the list. Shared by web-run.ts (the figures) and web-ab.ts (two builds
 * compared on one server).
 */
import type { Browser, Page } from 'playwright-core';
import { statsOf } from './measure.js';

export const user = 'bob@colibri.test';

/**
 * Timing inside the page: from the input event (its timeStamp: pointer down, or the Enter key)
 * to the frame that paints what was awaited (the callback after the next animation frame). The
 * driver's own work (actionability checks, polling over CDP) is no part of the app's speed, and
 * on a busy machine it adds hundreds of milliseconds; the driver's figure is printed too.
 * A string: tsx would wrap a function's inner closures in a helper the page lacks.
 */
export const pageTimer = `(() => {
  const bench = (window.__bench = { input: 0, result: null });
  addEventListener('pointerdown', (event) => { bench.input = event.timeStamp; }, true);
  addEventListener('keydown', (event) => { if (event.key === 'Enter') bench.input = event.timeStamp; }, true);
  const loadedFrames = new WeakSet();
  // NaN when it is not painted within 10 s: counted and reported, never waited for forever.
  // A frame's load event is heard on the document: it never reaches the window (HTML, the
  // Document's get-the-parent for 'load').
  const painted = (test) => new Promise((resolve) => {
    let done = false;
    const finish = (value) => {
      done = true;
      clearTimeout(timer);
      observer.disconnect();
      document.removeEventListener('load', onLoad, true);
      resolve(value);
    };
    const timer = setTimeout(() => { if (!done) finish(NaN); }, 10000);
    const check = () => {
      if (done || !test(loadedFrames)) return;
      done = true;
      requestAnimationFrame(() => setTimeout(() => finish(performance.now() - bench.input)));
    };
    const onLoad = (event) => {
      if (event.target instanceof HTMLIFrameElement) loadedFrames.add(event.target);
      check();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    document.addEventListener('load', onLoad, true);
    check();
  });
  const firstRow = () => document.querySelector('[role=listbox] .message-list__row:not(.message-list__row--pending)') !== null;
  const conversation = () => document.querySelector('section[aria-label="Conversation"]');
  const titled = (subject) => () =>
    [...(conversation()?.querySelectorAll('h2') ?? [])].some((h) => (h.textContent ?? '').includes(subject));
  // The body of an open message: its text, or its HTML frame once loaded.
  const bodyShown = (subject, frames) => titled(subject)() &&
    [...conversation().querySelectorAll('.reader__body')].some((body) =>
      body.querySelector('.text-body, .reader__empty-body') !== null ||
      [...body.querySelectorAll('iframe')].some((frame) => frames.has(frame)));
  bench.armLogin = () => { bench.result = painted(firstRow).then((list) => ({ list })); };
  bench.armOpen = (subject) => {
    bench.result = Promise.all([painted(titled(subject)), painted((frames) => bodyShown(subject, frames))])
      .then(([title, body]) => ({ title, body }));
  };
})()`;

/** Stats of the painted samples; `unpainted` counts those that never were (NaN: 10 s passed). */
export function paintedStats(samples: readonly number[]) {
  const painted = samples.filter((sample) => Number.isFinite(sample));
  return { ...statsOf(painted, 0), unpainted: samples.length - painted.length };
}

export async function logIn(page: Page, baseURL: string, password: string) {
  await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email address').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.evaluate('window.__bench.armLogin()');
  const start = performance.now();
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('listbox', { name: 'Messages in Inbox' }).getByRole('option').first().waitFor();
  // The first row with content, not a placeholder: the list is rendered.
  await page.locator('.message-list__row:not(.message-list__row--pending)').first().waitFor();
  const driver = performance.now() - start;
  const { list } = (await page.evaluate('window.__bench.result')) as { list: number };
  return { driver, inPage: list };
}

export async function measureLogin(browser: Browser, baseURL: string, password: string, runs: number) {
  const driver: number[] = [];
  const inPage: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript(pageTimer);
    const page = await context.newPage();
    const sample = await logIn(page, baseURL, password);
    driver.push(sample.driver);
    inPage.push(sample.inPage);
    await context.close();
  }
  return { driver: statsOf(driver, 0), inPage: paintedStats(inPage) };
}

/** Where the rows to open are: the list's top, or further down (past what is fetched ahead). */
export interface OpenOptions {
  /** The list is scrolled so that this row is at its top before the rows are opened. */
  fromRow?: number;
}

async function scrollListTo(page: Page, row: number) {
  // A string: the bench is compiled without the DOM library, and tsx would wrap closures.
  await page.evaluate(`(() => {
    const list = document.querySelector('[role=listbox].message-list__rows');
    const first = list.querySelector('.message-list__row');
    list.scrollTop = ${row} * (first ? first.offsetHeight : 80);
  })()`);
  await page
    .locator(`.message-list__row:not(.message-list__row--pending)[aria-posinset="${row + 1}"]`)
    .waitFor();
}

/**
 * Opens `runs` rows one after the other (eight rows in turn) and returns the times from the pointer
 * down to the painted title and body, with the body's kind: `html` when it is shown in a frame
 * (the frame's load counts), `text` otherwise.
 */
export async function measureOpen(page: Page, runs: number, options: OpenOptions = {}) {
  if (options.fromRow !== undefined) await scrollListTo(page, options.fromRow);
  const rows = page.locator('.message-list__row:not(.message-list__row--pending)');
  const offset =
    options.fromRow === undefined
      ? 0
      : await rows.evaluateAll(
          (elements, posinset) =>
            Math.max(
              0,
              elements.findIndex((element) => element.getAttribute('aria-posinset') === posinset),
            ),
          String(options.fromRow + 1),
        );
  const driver: number[] = [];
  const title: number[] = [];
  const body: number[] = [];
  const kinds: ('html' | 'text')[] = [];
  for (let i = 0; i < runs; i++) {
    const row = rows.nth(offset + (i % 8));
    // The conversation is titled by its first message: the subject without reply prefixes.
    const subject = ((await row.locator('.message-row__subject').textContent()) ?? '')
      .trim()
      .replace(/^((re|fwd?|aw|tr)\s*:\s*)+/i, '');
    await page.evaluate(`window.__bench.armOpen(${JSON.stringify(subject.slice(0, 40))})`);
    const start = performance.now();
    await row.click();
    await page
      .getByRole('region', { name: 'Conversation' })
      .getByRole('heading', { level: 2 })
      .filter({ hasText: subject.slice(0, 40) })
      .waitFor();
    driver.push(performance.now() - start);
    const painted = (await page.evaluate('window.__bench.result')) as { title: number; body: number };
    title.push(painted.title);
    body.push(painted.body);
    const frames = await page
      .getByRole('region', { name: 'Conversation' })
      .locator('.reader__body iframe')
      .count();
    kinds.push(frames > 0 ? 'html' : 'text');
  }
  return {
    driver: statsOf(driver, 0),
    title: paintedStats(title),
    body: paintedStats(body),
    samples: { title, body, kinds },
  };
}
