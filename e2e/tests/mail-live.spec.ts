import { Keyword } from '@colibri/jmap-types';
import { expect, test } from '../support/colibri.js';
import { deliver, emailsIn, inboxList, logIn, newMailUser } from '../support/webmail.js';

// Issue 5: push drives the page (RFC 8620 §7.3 EventSource): mail delivered over SMTP and
// changes made by another client appear without a reload, and without polling.

test('new mail appears live without reload', async ({ page, colibri }) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  await deliver(colibri, user, ['Live before']);
  await logIn(page, user);
  const { rows, row } = inboxList(page);
  await expect(rows).toHaveCount(1);
  // A marker on the window: it would be gone after a reload.
  await page.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 42));

  await test.step('a message delivered over SMTP shows up, with the Inbox count', async () => {
    await deliver(colibri, user, ['Live after']);
    await expect(row('Live after')).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(
      page.getByRole('navigation', { name: 'Mailboxes' }).getByRole('button', { name: 'Inbox 2 unread' }),
    ).toBeVisible();
  });

  await test.step('a flag set by another client shows up', async () => {
    const email = (await emailsIn(user, user.roles.inbox ?? '')).find((e) => e.subject === 'Live before');
    await user.jmap.call('Email/set', {
      accountId: user.accountId,
      update: { [email?.id ?? '']: { [`keywords/${Keyword.Flagged}`]: true } },
    });
    await expect(row('Live before').getByRole('img', { name: 'Flagged' })).toBeVisible();
  });

  await test.step('a move by another client takes the row away', async () => {
    const email = (await emailsIn(user, user.roles.inbox ?? '')).find((e) => e.subject === 'Live after');
    await user.jmap.call('Email/set', {
      accountId: user.accountId,
      update: {
        [email?.id ?? '']: {
          [`mailboxIds/${user.roles.inbox}`]: null,
          [`mailboxIds/${user.roles.archive}`]: true,
        },
      },
    });
    await expect(row('Live after')).toHaveCount(0);
  });

  expect(await page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(42);
});
