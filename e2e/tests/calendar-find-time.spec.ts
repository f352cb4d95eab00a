import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/colibri.js';
import { logIn, newMailUser } from '../support/webmail.js';
import type { MailUser } from '../support/webmail.js';

// Issue 6, "find a time": the organiser sees a colleague's busy time in the event editor
// (JMAP Calendars §2.2 Principal/getAvailability, against the real server), moves the meeting to
// the next slot free for everyone, and the colleague's copy (put there by the scheduling engine)
// has the new time.

const ZONE = 'Europe/Paris';

/** The date (YYYY-MM-DD) `days` after today in ZONE. */
function inDays(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function openCalendar(browser: Browser, user: MailUser): Promise<Page> {
  const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-GB' });
  const page = await context.newPage();
  await logIn(page, user);
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Calendars' })).toBeVisible();
  return page;
}

test('the organiser finds the next slot free for everyone and the attendee’s copy moves', async ({
  browser,
  colibri,
}) => {
  test.setTimeout(150_000);
  const [organiser, attendee] = [await newMailUser(colibri), await newMailUser(colibri)];
  const title = `Find a time ${Date.now()}`;
  const day = inDays(2);

  await test.step('the attendee has a meeting at 10:00 that day (over JMAP)', async () => {
    const { list } = await attendee.jmap.call('Calendar/get', { accountId: attendee.accountId, ids: null });
    const calendarId = (list.find((c) => c.isDefault) ?? list[0])?.id ?? '';
    const result = await attendee.jmap.call('CalendarEvent/set', {
      accountId: attendee.accountId,
      create: {
        busy: {
          '@type': 'Event',
          title: 'Dentist',
          start: `${day}T10:00:00`,
          duration: 'PT1H',
          timeZone: ZONE,
          calendarIds: { [calendarId]: true },
        },
      },
    });
    expect(result.notCreated ?? {}).toEqual({});
  });

  const alice = await openCalendar(browser, organiser);
  const editor = alice.getByRole('dialog', { name: 'New event' });
  await test.step('the organiser invites the attendee at 10:00 and opens Find a time', async () => {
    await alice.getByRole('button', { name: 'New event' }).click();
    await editor.getByLabel('Title').fill(title);
    await editor.getByLabel('Starts').fill(`${day}T10:00`);
    await editor.getByLabel('Ends').fill(`${day}T11:00`);
    await editor.getByLabel('Guests').fill(attendee.email);
    await editor.getByRole('button', { name: 'Find a time' }).click();
  });

  await test.step('the attendee shows busy at 10:00', async () => {
    const row = editor.locator(`tr[data-email="${attendee.email.toLowerCase()}"]`);
    await expect(row).toContainText('Busy at this time', { timeout: 15_000 });
    await expect(row).toContainText('Busy 10:00–11:00');
    await expect(editor.locator(`tr[data-email="${organiser.email.toLowerCase()}"]`)).toContainText(
      'Free at this time',
    );
  });

  await test.step('next free slot for everyone moves the event to 11:00, and it is saved', async () => {
    await editor.getByRole('button', { name: 'Next free slot for everyone' }).click();
    await expect(editor.getByLabel('Starts')).toHaveValue(`${day}T11:00`);
    await expect(editor.getByLabel('Ends')).toHaveValue(`${day}T12:00`);
    await expect(
      editor.getByText('Everyone whose availability is known is free at this time.'),
    ).toBeVisible();
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
  });

  await test.step('the attendee’s copy has the new time', async () => {
    await expect
      .poll(
        async () => {
          const { ids } = await attendee.jmap.call('CalendarEvent/query', { accountId: attendee.accountId });
          const { list } = await attendee.jmap.call('CalendarEvent/get', {
            accountId: attendee.accountId,
            ids,
          });
          return list.find((e) => e.title === title)?.start ?? null;
        },
        { timeout: 20_000 },
      )
      .toBe(`${day}T11:00:00`);
  });
});
