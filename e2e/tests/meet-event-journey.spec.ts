import type { LaunchOptions } from '@playwright/test';
import config from '../playwright.config.js';
import { basicAuth, expect, test } from '../support/colibri.js';
import { deliver } from '../support/smtp.js';
import { logIn, newMailUser } from '../support/webmail.js';
import type { MailUser } from '../support/webmail.js';

// Issues 6 and 8: a video meeting added to an event in the editor travels to the invitee, who
// sees Join on the event (details and agenda) and on the invitation email in the reader, answers
// from the reader, and reaches the pre-join screen with the (fake) camera's preview. Real BFF,
// real JMAP Calendars and scheduling; no LiveKit server (none can run here).

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

interface StoredEvent {
  id: string;
  uid: string;
  title: string;
  description?: string;
  start: string;
  timeZone?: string | null;
  duration?: string;
  virtualLocations?: Record<string, { uri: string; features?: Record<string, boolean> }> | null;
  participants?: Record<string, { email?: string; participationStatus?: string }> | null;
}

async function eventsOf(user: MailUser, title: string): Promise<StoredEvent[]> {
  const { ids } = await user.jmap.call('CalendarEvent/query', {
    accountId: user.accountId,
    filter: { title },
  });
  const { list } = await user.jmap.call('CalendarEvent/get', { accountId: user.accountId, ids });
  return list as unknown as StoredEvent[];
}

const icsDateTime = (local: string) => local.replace(/[-:]/g, '').slice(0, 15);

/**
 * The iMIP invitation (RFC 6047) of the organiser's event, as a calendar server sends it
 * (RFC 5546 REQUEST with CONFERENCE, RFC 7986). Colibri itself puts an invitation between two of
 * its users straight into the invitee's calendar and sends no email, so the journey delivers
 * this one over SMTP, as it arrives from an organiser elsewhere.
 */
function invitationIcs(event: StoredEvent, organizer: string, attendee: string, link: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Colibri e2e//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${event.timeZone ?? 'UTC'}:${icsDateTime(event.start)}`,
    `DURATION:${event.duration ?? 'PT1H'}`,
    `SUMMARY:${event.title}`,
    `ORGANIZER;CN=Organiser:mailto:${organizer}`,
    `ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${attendee}`,
    `CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO:${link}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

test('a video meeting added in the editor reaches the invitee: Join on the event and in the reader, RSVP from the reader, pre-join preview', async ({
  browser,
  colibri,
}) => {
  test.setTimeout(180_000);
  const alice = await newMailUser(colibri);
  const bob = await newMailUser(colibri);
  const title = `Video review ${Date.now().toString(36)}`;
  let link = '';
  let event: StoredEvent | undefined;

  const aliceContext = await browser.newContext();
  const alicePage = await aliceContext.newPage();
  await test.step('alice adds a video meeting to a new event inviting bob, and saves', async () => {
    await logIn(alicePage, alice);
    await alicePage.getByRole('link', { name: 'Calendar' }).click();
    await alicePage.getByRole('button', { name: 'New event' }).click();
    const dialog = alicePage.getByRole('dialog', { name: 'New event' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Guests').fill(bob.email);
    await dialog.getByRole('button', { name: 'Add a video meeting' }).click();
    const shown = dialog.getByRole('group', { name: 'Video meeting' }).getByRole('link');
    await expect(shown).toHaveText(/\/meet\/[a-z2-7]{26}$/);
    link = (await shown.textContent()) ?? '';
    await expect(dialog.getByLabel('Description')).toHaveValue(`Join the video meeting: ${link}`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the stored event has the virtual location and the description line', async () => {
    await expect.poll(async () => (await eventsOf(alice, title)).length).toBe(1);
    [event] = await eventsOf(alice, title);
    expect(event!.virtualLocations?.['colibri-meet']).toEqual({
      '@type': 'VirtualLocation',
      name: 'Colibri video meeting',
      uri: link,
      features: { audio: true, video: true, chat: true, screen: true },
    });
    expect(event!.description).toContain(link);
  });

  await test.step("bob's copy (scheduled through iTIP) carries the link; the room knows bob as invitee", async () => {
    await expect
      .poll(async () => (await eventsOf(bob, title))[0]?.virtualLocations ?? null, { timeout: 15_000 })
      .not.toBeNull();
    const [copy] = await eventsOf(bob, title);
    expect(Object.values(copy!.virtualLocations ?? {}).map((v) => v.uri)).toEqual([link]);
    // The room was tied to the event after its creation: bob, an invitee, joins without the lobby.
    const roomId = link.split('/').at(-1)!;
    const join = () =>
      fetch(`${colibri.baseURL}/meet/rooms/${roomId}/join`, {
        method: 'POST',
        headers: { Authorization: basicAuth(bob.email, bob.password), 'Content-Type': 'application/json' },
        body: '{}',
      });
    await expect.poll(async () => (await join()).status).toBe(200);
  });

  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  await test.step('bob sees Join on the invitation email in the reader and accepts there', async () => {
    await deliver(colibri.smtpPort, {
      from: 'Calendar <calendar@example.org>',
      to: bob.email,
      subject: `Invitation: ${title}`,
      text: `You are invited to ${title}.\nJoin the video meeting: ${link}\n`,
      icalEvent: { method: 'REQUEST', content: invitationIcs(event!, alice.email, bob.email, link) },
    });
    await logIn(bobPage, bob);
    await bobPage
      .getByRole('listbox', { name: 'Messages in Inbox' })
      .getByRole('option', { name: new RegExp(`Invitation: ${title}`) })
      .click();
    const card = bobPage.getByRole('region', { name: `Invitation: ${title}` });
    await expect(card).toBeVisible({ timeout: 15_000 });
    await expect(card.getByRole('link', { name: `Join the video meeting: ${title}` })).toHaveAttribute(
      'href',
      link,
    );
    await card.getByRole('group', { name: 'Going?' }).getByRole('button', { name: 'Accept' }).click();
    await expect(card.getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-pressed', 'true');
    // The answer reached the organiser's event (iTIP REPLY through the server).
    await expect
      .poll(
        async () =>
          Object.values((await eventsOf(alice, title))[0]?.participants ?? {}).find(
            (p) => p.email?.toLowerCase() === bob.email.toLowerCase(),
          )?.participationStatus,
        { timeout: 15_000 },
      )
      .toBe('accepted');
  });

  await test.step('"Meet now" in the reader opens an instant room on its pre-join screen', async () => {
    const [instant] = await Promise.all([
      bobContext.waitForEvent('page'),
      bobPage.getByRole('button', { name: 'Meet now' }).click(),
    ]);
    await expect(instant).toHaveURL(/\/meet\/[a-z2-7]{26}$/);
    expect(instant.url()).not.toBe(link);
    await expect(instant.getByRole('heading', { level: 1, name: 'Ready to join?' })).toBeVisible({
      timeout: 20_000,
    });
    await instant.close();
  });

  await test.step("bob sees Join on the event's details and in the agenda", async () => {
    await bobPage.getByRole('navigation').getByRole('link', { name: 'Calendar', exact: true }).click();
    await bobPage.getByRole('button', { name: 'Agenda' }).click();
    const agendaJoin = bobPage.getByRole('link', { name: `Join the video meeting: ${title}` });
    await expect(agendaJoin).toHaveAttribute('href', link);
    await bobPage.getByText(title, { exact: true }).first().click();
    const details = bobPage.getByRole('dialog', { name: title });
    await expect(details.getByRole('link', { name: `Join the video meeting: ${title}` })).toHaveAttribute(
      'href',
      link,
    );
  });

  await test.step('Join opens the pre-join screen with the camera preview', async () => {
    const details = bobPage.getByRole('dialog', { name: title });
    const [meeting] = await Promise.all([
      bobContext.waitForEvent('page'),
      details.getByRole('link', { name: `Join the video meeting: ${title}` }).click(),
    ]);
    await expect(meeting.getByRole('heading', { level: 1, name: 'Ready to join?' })).toBeVisible({
      timeout: 20_000,
    });
    const video = meeting.getByLabel('Your camera');
    await expect(video).toBeVisible();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  });

  await aliceContext.close();
  await bobContext.close();
});
