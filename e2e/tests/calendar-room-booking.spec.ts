import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/colibri.js';
import { logIn } from '../support/webmail.js';

// Issue 6, booking a room: Alice (demo organisation) opens the event editor, sees Salle Azur
// free at the event's time (RFC 9670 location principal, JMAP Calendars §2.2
// Principal/getAvailability), adds it and saves; the room's auto-accept policy answers the
// invitation on the real server, and the event's details show the room as accepted.

const ZONE = 'Europe/Paris';

/** The LocalDateTime date (YYYY-MM-DD) of the Monday of this week in ZONE, plus `days`. */
function mondayPlus(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday + days);
  return date.toISOString().slice(0, 10);
}

const eventsTitled = (page: Page, title: string): Locator => page.locator('.fc-event', { hasText: title });

test('Alice books Salle Azur for a free slot and the room accepts by itself', async ({
  browser,
  colibri,
  jmapAs,
}) => {
  test.setTimeout(150_000);
  const title = `Room booking ${Date.now()}`;
  // Next week's Wednesday, early: outside the demo's seeded meetings.
  const day = mondayPlus(9);
  const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-GB' });
  const page = await context.newPage();
  await logIn(page, { email: colibri.users.alice, password: colibri.demoPassword });
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Calendars' })).toBeVisible();

  const editor = page.getByRole('dialog', { name: 'New event' });
  await test.step('the editor lists Salle Azur as free at the event’s time', async () => {
    await page.getByRole('button', { name: 'New event' }).click();
    await editor.getByLabel('Title').fill(title);
    await editor.getByLabel('Starts').fill(`${day}T07:00`);
    await editor.getByLabel('Ends').fill(`${day}T07:30`);
    await editor.getByRole('button', { name: 'Book a room' }).click();
    const rooms = editor.getByRole('list', { name: 'Available rooms' });
    await expect(rooms.getByRole('listitem', { name: 'Boardroom' })).toBeVisible({ timeout: 15_000 });
    await expect(rooms.getByRole('listitem', { name: 'Salle Azur' })).toContainText('Free', {
      timeout: 15_000,
    });
  });

  await test.step('adding it makes it the place, and the event is saved', async () => {
    await editor.getByRole('button', { name: 'Add Salle Azur' }).click();
    await expect(editor.getByRole('list', { name: 'Rooms booked' })).toContainText('Salle Azur');
    await expect(editor.getByLabel('Location')).toHaveValue('Salle Azur');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
  });

  await test.step('the room accepts (its policy answers on the server)', async () => {
    const alice = jmapAs(colibri.users.alice);
    const accountId = await alice.primaryAccountId();
    await expect
      .poll(
        async () => {
          const { ids } = await alice.call('CalendarEvent/query', {
            accountId,
            filter: { after: `${day}T00:00:00`, before: `${day}T23:59:59` },
          });
          const { list } = await alice.call('CalendarEvent/get', { accountId, ids });
          const event = list.find((e) => e.title === title);
          const room = Object.values(event?.participants ?? {}).find((p) => p.kind === 'location');
          return room?.participationStatus ?? null;
        },
        { timeout: 20_000 },
      )
      .toBe('accepted');
  });

  await test.step('the details show Salle Azur as accepted', async () => {
    await page.getByRole('button', { name: 'Next period' }).click();
    await eventsTitled(page, title).first().click();
    const details = page.getByRole('dialog', { name: title });
    const guests = details.getByRole('list', { name: 'Guests' });
    await expect(guests.getByRole('listitem').filter({ hasText: 'Salle Azur' })).toContainText(
      'Salle Azur (room) — Accepted',
      { timeout: 15_000 },
    );
  });
  await context.close();
});
