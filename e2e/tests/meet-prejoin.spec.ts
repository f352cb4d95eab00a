import type { LaunchOptions, Page } from '@playwright/test';
import config from '../playwright.config.js';
import { expect, test } from '../support/colibri.js';
import { basicAuth } from '../support/jmap.js';
import { blockingViolations, newMailUser } from '../support/webmail.js';

// Issue 8, Web app and Guests: a person outside Colibri opens a meeting link and sees the
// pre-join screen with a live camera preview, in headless Chromium with Chromium's fake camera
// and microphone, against the real BFF's meet API (rooms, lobby, LiveKit tokens). No LiveKit
// server can run here: the BFF is configured with one that does not exist (global setup).

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

/** A room of a fresh user, made over the BFF's meet API with Basic auth (as a script would). */
async function roomOf(baseURL: string, user: { email: string; password: string }) {
  const auth = { Authorization: basicAuth(user.email, user.password), 'Content-Type': 'application/json' };
  const created = await fetch(`${baseURL}/meet/rooms`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title: 'Design review' }),
  });
  expect(created.status).toBe(201);
  const { roomId } = (await created.json()) as { roomId: string };
  /** The owner's answer to the first person waiting in the lobby. */
  const decide = async (admit: boolean) => {
    let waiting: { ticket: string; name: string }[] = [];
    await expect
      .poll(async () => {
        const lobby = await fetch(`${baseURL}/meet/rooms/${roomId}/lobby`, { headers: auth });
        waiting = ((await lobby.json()) as { waiting: typeof waiting }).waiting;
        return waiting.map((w) => w.name);
      })
      .toEqual(['Grace Guest']);
    const answer = await fetch(`${baseURL}/meet/rooms/${roomId}/lobby/${waiting[0]!.ticket}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ admit }),
    });
    expect(answer.status).toBe(204);
  };
  return { roomId, decide };
}

async function joinAsGuest(page: Page, roomId: string) {
  await page.goto(`/meet/${roomId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ready to join?' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Join with the microphone muted' }).check();
  await page.getByLabel('Your name').fill('Grace Guest');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Waiting for the organiser to let you in…')).toBeVisible();
}

test('a guest sees the live camera preview and the devices, then waits in the lobby until refused', async ({
  page,
  colibri,
}) => {
  test.setTimeout(90_000);
  const owner = await newMailUser(colibri);
  const room = await roomOf(colibri.baseURL, owner);
  await page.goto(`/meet/${room.roomId}`);
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

  await test.step('joining with a name puts the guest in the lobby; the owner refuses', async () => {
    await joinAsGuest(page, room.roomId);
    await room.decide(false);
    await expect(page.getByText('The organiser did not let you in to this meeting.')).toBeVisible({
      timeout: 15_000,
    });
  });
});

test('a guest let in gets a token and is told when the video server cannot be reached', async ({
  page,
  colibri,
}) => {
  test.setTimeout(90_000);
  const owner = await newMailUser(colibri);
  const room = await roomOf(colibri.baseURL, owner);
  const joined = page.waitForResponse(
    async (r) =>
      r.url().includes('/meet/lobby/') &&
      ((await r.json().catch(() => null)) as { status?: string } | null)?.status === 'joined',
  );
  await joinAsGuest(page, room.roomId);
  await room.decide(true);
  // The BFF answers the guest's next poll with a LiveKit token for this room (not an admin's);
  // the browser then tries the configured server, which does not exist here.
  const answer = (await (await joined).json()) as Record<string, unknown>;
  expect(answer).toMatchObject({ status: 'joined', serverUrl: 'ws://127.0.0.1:9', isAdmin: false });
  expect(answer.token).toMatch(/^eyJ/);
  await expect(page.getByText('The video server could not be reached.')).toBeVisible({ timeout: 30_000 });
});
