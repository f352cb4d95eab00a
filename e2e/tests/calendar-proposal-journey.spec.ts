import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from '../support/colibri.js';
import { logIn, newMailUser } from '../support/webmail.js';
import type { MailUser } from '../support/webmail.js';

// Issue 6, "propose a new time" end to end with two people in two browser contexts, against the
// real server (JMAP Calendars + Colibri's calendar-proposals extension): the organiser invites a
// colleague to a weekly meeting; the colleague proposes another time for one occurrence; the
// organiser sees the proposal (a badge, then old time -> new time in the details) and accepts it;
// the colleague's calendar shows that occurrence moved, by push, without a reload.

const ZONE = 'Europe/Paris';

/** The LocalDateTime date (YYYY-MM-DD) of the Monday of this week in ZONE, plus `days`. */
function mondayPlus(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday + days);
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

/** The event of the grid with this title (the week view shows one per day it occurs). */
const eventsTitled = (page: Page, title: string): Locator => page.locator('.fc-event', { hasText: title });

test('an attendee proposes a new time for one occurrence and the organiser accepts it', async ({
  browser,
  colibri,
}) => {
  test.setTimeout(180_000);
  const [organiser, attendee] = [await newMailUser(colibri), await newMailUser(colibri)];
  const title = `Weekly sync ${Date.now()}`;
  const nextMonday = mondayPlus(7);

  const alice = await openCalendar(browser, organiser);
  await test.step('the organiser invites the attendee to a weekly meeting, Mondays 10:00', async () => {
    await alice.getByRole('button', { name: 'New event' }).click();
    const editor = alice.getByRole('dialog', { name: 'New event' });
    await editor.getByLabel('Title').fill(title);
    await editor.getByLabel('Starts').fill(`${mondayPlus(0)}T10:00`);
    await editor.getByLabel('Ends').fill(`${mondayPlus(0)}T11:00`);
    await editor.getByRole('combobox', { name: 'Repeat' }).selectOption('weekly');
    await editor.getByLabel('Guests').fill(attendee.email);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();
    await expect(eventsTitled(alice, title).first()).toBeVisible();
  });

  const bob = await openCalendar(browser, attendee);
  await test.step('the attendee proposes 14:00 instead, for next Monday only', async () => {
    await bob.getByRole('button', { name: 'Next period' }).click();
    await eventsTitled(bob, title).first().click();
    const details = bob.getByRole('dialog', { name: title });
    await details.getByLabel('Answer for this occurrence only').check();
    await details.getByRole('button', { name: 'Propose a new time' }).click();
    const form = details.getByRole('form', { name: 'Propose a new time' });
    await form.getByLabel('New start').fill(`${nextMonday}T14:00`);
    await form.getByLabel('New end').fill(`${nextMonday}T15:00`);
    await form.getByLabel('Comment for the organiser').fill('I teach at 10 that day.');
    await form.getByRole('button', { name: 'Send proposal' }).click();
    await expect(bob.getByText('Your proposal was sent to the organiser.')).toBeVisible();
    // The proposer's copy keeps the proposal: the details say it awaits the organiser.
    await expect(details.getByRole('status')).toContainText('the organiser has not answered yet', {
      timeout: 15_000,
    });
    await details.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('the organiser sees the proposal (badge, then old -> new time) and accepts it', async () => {
    await alice.getByRole('button', { name: 'Next period' }).click();
    // Push brings the proposal; only next Monday's occurrence has the badge.
    const badged = alice.locator('.fc-event.calendar-event--proposals', { hasText: title });
    await expect(badged).toHaveCount(1, { timeout: 20_000 });
    await expect(badged).toContainText('1 proposed new time');
    await badged.click();
    const details = alice.getByRole('dialog', { name: title });
    const proposal = details.getByRole('listitem', { name: `Proposal from ${attendee.email}` });
    await expect(proposal).toContainText('for the occurrence of');
    await expect(proposal.locator('del')).toContainText('10:00');
    await expect(proposal.locator('ins')).toContainText('14:00');
    await expect(proposal).toContainText('I teach at 10 that day.');
    await proposal.getByRole('button', { name: 'Accept the new time' }).click();
    await expect(alice.getByText('The new time is accepted; the guests get the update.')).toBeVisible();
    await expect(proposal).toBeHidden({ timeout: 15_000 });
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(eventsTitled(alice, title).first()).toContainText('14:00', { timeout: 15_000 });
  });

  await test.step('the attendee sees that occurrence moved, without a reload', async () => {
    await expect(eventsTitled(bob, title).first()).toContainText('14:00', { timeout: 20_000 });
    // The other occurrences keep their time.
    await bob.getByRole('button', { name: 'Next period' }).click();
    await expect(eventsTitled(bob, title).first()).toContainText('10:00', { timeout: 15_000 });
  });

  await test.step('over JMAP, the attendee copy has the occurrence at 14:00 and the rule unchanged', async () => {
    const { ids } = await attendee.jmap.call('CalendarEvent/query', { accountId: attendee.accountId });
    const { list } = await attendee.jmap.call('CalendarEvent/get', { accountId: attendee.accountId, ids });
    const event = list.find((e) => e.title === title);
    expect(event?.recurrenceRules).toEqual([expect.objectContaining({ frequency: 'weekly' })]);
    const override = event?.recurrenceOverrides?.[`${nextMonday}T10:00:00`];
    expect(override).toEqual(expect.objectContaining({ start: `${nextMonday}T14:00:00` }));
  });
});

test('the organiser declines a proposal with a note, and the proposer is told', async ({
  browser,
  colibri,
}) => {
  test.setTimeout(150_000);
  const [organiser, attendee] = [await newMailUser(colibri), await newMailUser(colibri)];
  const title = `Planning ${Date.now()}`;
  const day = mondayPlus(2);

  await test.step('the organiser invites the attendee (over JMAP, with scheduling)', async () => {
    const { list } = await organiser.jmap.call('Calendar/get', { accountId: organiser.accountId, ids: null });
    const calendarId = list[0]?.id ?? '';
    const result = await organiser.jmap.call('CalendarEvent/set', {
      accountId: organiser.accountId,
      create: {
        e: {
          '@type': 'Event',
          title,
          start: `${day}T09:00:00`,
          duration: 'PT1H',
          timeZone: ZONE,
          calendarIds: { [calendarId]: true },
          replyTo: { imip: `mailto:${organiser.email}` },
          participants: {
            owner: { '@type': 'Participant', email: organiser.email, roles: { owner: true, attendee: true } },
            guest: {
              '@type': 'Participant',
              email: attendee.email,
              sendTo: { imip: `mailto:${attendee.email}` },
              roles: { attendee: true },
              participationStatus: 'needs-action',
              expectReply: true,
            },
          },
        },
      },
      sendSchedulingMessages: true,
    });
    expect(result.notCreated ?? {}).toEqual({});
  });

  const bob = await openCalendar(browser, attendee);
  const alice = await openCalendar(browser, organiser);

  await test.step('the attendee proposes 16:00', async () => {
    await eventsTitled(bob, title).first().click();
    const details = bob.getByRole('dialog', { name: title });
    await details.getByRole('button', { name: 'Propose a new time' }).click();
    const form = details.getByRole('form', { name: 'Propose a new time' });
    await form.getByLabel('New start').fill(`${day}T16:00`);
    await form.getByLabel('New end').fill(`${day}T17:00`);
    await form.getByRole('button', { name: 'Send proposal' }).click();
    await expect(details.getByRole('status')).toContainText('the organiser has not answered yet', {
      timeout: 15_000,
    });
  });

  await test.step('the organiser declines it with a note', async () => {
    const badged = alice.locator('.fc-event.calendar-event--proposals', { hasText: title });
    await expect(badged).toHaveCount(1, { timeout: 20_000 });
    await badged.click();
    const proposal = alice
      .getByRole('dialog', { name: title })
      .getByRole('listitem', { name: `Proposal from ${attendee.email}` });
    await proposal.getByRole('button', { name: 'Decline' }).click();
    await proposal.getByLabel('Note for the guest').fill('Carol cannot do afternoons.');
    await proposal.getByRole('button', { name: 'Decline the proposal' }).click();
    await expect(alice.getByText('The proposal is declined; the guest is told.')).toBeVisible();
    await expect(badged).toHaveCount(0, { timeout: 15_000 });
  });

  await test.step('the proposer is told, without a reload, and the event keeps its time', async () => {
    const details = bob.getByRole('dialog', { name: title });
    await expect(details.getByRole('status')).toContainText('The organiser declined your proposal', {
      timeout: 20_000,
    });
    // FullCalendar writes 9:00 (en-GB), the details 09:00: either is the unchanged time.
    await expect(eventsTitled(bob, title).first()).toContainText(/(^|\D)0?9:00/);
  });
});
