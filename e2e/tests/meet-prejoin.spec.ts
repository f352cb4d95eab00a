import type { LaunchOptions, Page, Route } from '@playwright/test';
import config from '../playwright.config.js';
import { expect, test } from '../support/colibri.js';
import { blockingViolations } from '../support/webmail.js';

// Issue 8, Web app and Guests: a person outside Colibri opens a meeting link and sees the
// pre-join screen with a live camera preview, in headless Chromium with Chromium's fake camera
// and microphone. The BFF's /meet endpoints are answered by page.route (a mocked meet API) until
// they exist on the server; the page itself, its session check and the SPA come from the real BFF.

// The chromium project's launch options (executable, sandbox and GPU flags), plus fake media only
// for this file.
const projectLaunch = config.projects?.find((p) => p.name === 'chromium')?.use?.launchOptions as
  LaunchOptions | undefined;
test.use({
  launchOptions: {
    ...projectLaunch,
    args: [
      ...(projectLaunch?.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  },
});

const ROOM = 'r-e2e-9f3c2a';

interface MockAnswer {
  http: number;
  body: object;
}

/** Answers the meet API (its endpoints only: /meet/<roomId> itself is the SPA's page). */
async function mockMeetApi(page: Page, answers: { join: MockAnswer; tickets?: MockAnswer[] }) {
  const asked: { method: string; path: string; body: unknown }[] = [];
  const reply = async (route: Route, answer: MockAnswer) => {
    const request = route.request();
    asked.push({
      method: request.method(),
      path: new URL(request.url()).pathname,
      body: request.postDataJSON(),
    });
    await route.fulfill({
      status: answer.http,
      contentType: 'application/json',
      body: JSON.stringify(answer.body),
    });
  };
  await page.route('**/meet/rooms/**', (route) => reply(route, answers.join));
  const tickets = [...(answers.tickets ?? [])];
  // Each poll takes the next answer; the last one stays.
  await page.route('**/meet/lobby/**', (route) =>
    reply(route, (tickets.length > 1 ? tickets.shift() : tickets[0]) ?? { http: 404, body: {} }),
  );
  return asked;
}

const waiting = { http: 200, body: { status: 'waiting' } };

test('a guest sees the live camera preview and the devices, with a mocked meet API', async ({ page }) => {
  test.setTimeout(90_000);
  const asked = await mockMeetApi(page, {
    join: { http: 202, body: { status: 'waiting', ticket: 'T-1' } },
    tickets: [waiting, waiting, { http: 200, body: { status: 'refused' } }],
  });
  await page.goto(`/meet/${ROOM}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ready to join?' })).toBeVisible();
  // Guests see only the meeting: no mail shell around it.
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  await test.step('the camera preview plays frames from the (fake) camera', async () => {
    const video = page.getByLabel('Your camera');
    await expect(video).toBeVisible();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await expect(page.getByRole('meter', { name: 'Microphone level' })).toBeVisible();
  });

  await test.step('the cameras and microphones are listed by name', async () => {
    const cameras = page.getByRole('combobox', { name: 'Camera' }).getByRole('option');
    const microphones = page.getByRole('combobox', { name: 'Microphone' }).getByRole('option');
    await expect(cameras.first()).not.toHaveText('None found');
    await expect(microphones.first()).not.toHaveText('None found');
    expect((await cameras.allTextContents()).every((label) => label.trim() !== '')).toBe(true);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  await test.step('the screen has no serious accessibility violation', async () => {
    expect(await blockingViolations(page)).toEqual([]);
  });

  await test.step('joining with a name puts the guest in the lobby until refused', async () => {
    await page.getByRole('checkbox', { name: 'Join with the microphone muted' }).check();
    await page.getByLabel('Your name').fill('Grace Guest');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByText('Waiting for the organiser to let you in…')).toBeVisible();
    await expect(page.getByText('The organiser did not let you in to this meeting.')).toBeVisible({
      timeout: 15_000,
    });
    expect(asked[0]).toEqual({
      method: 'POST',
      path: `/meet/rooms/${ROOM}/join`,
      body: { name: 'Grace Guest' },
    });
    expect(asked.filter((a) => a.path === '/meet/lobby/T-1')).toHaveLength(3);
  });
});

test('the pre-join screen says when no video server is configured, with a mocked meet API', async ({
  page,
}) => {
  const asked = await mockMeetApi(page, { join: { http: 503, body: { error: 'notConfigured' } } });
  await page.goto(`/meet/${ROOM}`);
  await page.getByLabel('Your name').fill('Grace Guest');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Meetings are not available: no video server is configured on this Colibri server.',
  );
  expect(asked).toEqual([
    { method: 'POST', path: `/meet/rooms/${ROOM}/join`, body: { name: 'Grace Guest' } },
  ]);
});
