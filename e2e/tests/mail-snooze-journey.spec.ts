import { expect, test } from '../support/colibri.js';
import { deliver, emailsIn, inboxList, logIn, newMailUser } from '../support/webmail.js';

// Issue 5: snooze and wake-up, with a shortened time. A message snoozed a few seconds ahead
// leaves the Inbox, waits in Snoozed, and comes back by itself: the server wakes it (no
// browser needed for that) and push shows it, while this page stays open without a reload.

/** A datetime-local value `ms` from now in the browser's own zone, to the second. */
const localInAFewSeconds = (ms: number) => {
  const at = new Date(Date.now() + ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}` +
    `T${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`
  );
};

test('snooze and wake-up (with a shortened time)', async ({ page, colibri }) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  await deliver(colibri, user, ['Stays in the Inbox', 'Snooze me']);
  await logIn(page, user);
  const { rows, row } = inboxList(page);
  await expect(rows).toHaveCount(2);
  await page.evaluate(() => ((window as unknown as { snoozeMarker: number }).snoozeMarker = 7));
  const menu = page.getByRole('dialog', { name: 'Snooze until' });

  await test.step('b (as in Gmail) opens the snooze menu with its presets; Escape closes it', async () => {
    await page.keyboard.press('j');
    await page.keyboard.press('b');
    await expect(menu).toBeVisible();
    for (const preset of ['Tomorrow morning', 'Next week', 'Pick a date and time'])
      await expect(menu).toContainText(preset);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Snooze');
    await page.keyboard.press('Escape');
  });

  await test.step('the reader snoozes the open message until a picked time: it leaves the Inbox', async () => {
    await row('Snooze me').click();
    const reader = page.getByRole('region', { name: 'Conversation' });
    await expect(reader.getByRole('heading', { name: 'Snooze me' })).toBeVisible();
    await reader.getByRole('button', { name: 'Snooze' }).click();
    await menu.getByLabel('Pick a date and time').fill(localInAFewSeconds(12_000));
    await menu.getByRole('button', { name: 'Snooze' }).click();
    await expect(row('Snooze me')).toHaveCount(0);
    await expect(page.getByText(/^1 message snoozed until/)).toBeVisible();
    // The server agrees: it is out of the Inbox.
    const inbox = await emailsIn(user, user.roles.inbox ?? '');
    expect(inbox.map((email) => email.subject)).toEqual(['Stays in the Inbox']);
  });

  await test.step('Snoozed (made on demand) shows it, with its wake-up time', async () => {
    const tree = page.getByRole('navigation', { name: 'Mailboxes' });
    await tree.getByRole('button', { name: /^Snoozed/ }).click();
    const list = page.getByRole('listbox', { name: 'Messages in Snoozed' });
    const waiting = list.getByRole('option', { name: /Snooze me/ });
    await expect(waiting).toBeVisible();
    await expect(waiting).toContainText('Snoozed until');
  });

  await test.step('it comes back to the Inbox by itself, unread, on top', async () => {
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    await expect(row('Snooze me')).toBeVisible({ timeout: 30_000 });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Snooze me');
    await expect(rows.first()).toContainText('Unread');
  });

  expect(await page.evaluate(() => (window as unknown as { snoozeMarker?: number }).snoozeMarker)).toBe(7);
});
