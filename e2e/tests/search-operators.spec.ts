import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/colibri.js';
import { deliver, freshUser, logIn, waitForSubject } from '../support/reader-journeys.js';

// Issue 5, "search with operators": a fresh user receives four messages over real SMTP; the
// search box in the banner finds them with from:, has:attachment, is:unread, in:, quoted phrases
// and negation, shows the matches highlighted (as text: a subject full of HTML stays text), limits
// itself to the current folder on request, and says when in: names no folder.

async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: 'Search mail' });
  await box.fill(query);
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Results for “${query}”` })).toBeVisible();
}

const results = (page: Page) => page.getByRole('list', { name: 'Search results' }).getByRole('listitem');

test('search with operators, highlighted snippets, folder scope', async ({ page, colibri }) => {
  // A fresh user (a CLI run), deliveries over SMTP and many steps: more than the default 30 s.
  test.setTimeout(90_000);
  const user = await freshUser();
  const { byRole } = user;
  const token = randomBytes(3).toString('hex');
  const mails = [
    {
      from: '"Ann Planner" <ann@plans.example>',
      subject: `Budget review ${token}`,
      text: 'The quarterly budget numbers are attached.',
      attachments: [{ filename: 'budget.csv', content: 'line,amount\nrent,1200\n', contentType: 'text/csv' }],
    },
    {
      from: '"Bob Lunch" <bob@food.example>',
      subject: `Budget lunch ${token}`,
      text: 'Lunch within budget, at noon.',
    },
    {
      from: '"Ann Planner" <ann@plans.example>',
      subject: `Holiday photos ${token}`,
      text: 'Beach and sunset pictures.',
    },
    {
      from: '"Mallory" <mallory@tricks.example>',
      subject: `<img src=x onerror=alert(1)> offer ${token}`,
      text: 'A special offer for the budget conscious.',
    },
  ];
  for (const mail of mails) await deliver(colibri.smtpPort, { ...mail, to: user.email });
  for (const mail of mails) await waitForSubject(user.client, mail.subject);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await logIn(page, user);

  await test.step('free text and from: and has:attachment narrow down to one message', async () => {
    await search(page, `budget from:ann has:attachment`);
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).first()).toContainText(`Budget review ${token}`);
    // The match is highlighted, from the server's SearchSnippet (RFC 8621 §5).
    await expect(results(page).first().locator('mark').first()).toHaveText(/budget/i);
  });

  await test.step('negation and quoted phrases', async () => {
    await search(page, `from:ann -has:attachment ${token}`);
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).first()).toContainText(`Holiday photos ${token}`);
    await search(page, `"special offer" ${token}`);
    await expect(results(page)).toHaveCount(1);
  });

  await test.step('a subject full of HTML is shown as text, never as markup', async () => {
    await expect(results(page).first()).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.getByRole('list', { name: 'Search results' }).locator('img')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  await test.step('is:unread follows what the user reads', async () => {
    await search(page, `is:unread budget ${token}`);
    await expect(results(page)).toHaveCount(3);
    await results(page)
      .filter({ hasText: `Budget lunch ${token}` })
      .getByRole('button')
      .click();
    await expect(page.getByRole('region', { name: 'Conversation' })).toContainText('Lunch within budget');
    await search(page, `is:unread budget ${token} `);
    await expect(results(page)).toHaveCount(2);
    await expect(results(page).filter({ hasText: `Budget lunch ${token}` })).toHaveCount(0);
  });

  await test.step('in: by folder role, and an unknown folder is said, not searched', async () => {
    await search(page, `in:inbox budget ${token}`);
    await expect(results(page)).toHaveCount(3);
    await search(page, `in:sent budget ${token}`);
    await expect(page.getByText('No messages match this search.')).toBeVisible();
    await search(page, `in:nowhere budget`);
    await expect(page.getByRole('status')).toContainText('There is no folder named “nowhere”.');
    await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);
  });

  await test.step('"only in this folder" limits the search to the open folder', async () => {
    await page.goto(`/mail/${byRole.sent}`);
    await page.getByRole('combobox', { name: 'Where to search' }).selectOption({ label: 'Only in Sent' });
    await search(page, `budget ${token}`);
    await expect(page).toHaveURL(new RegExp(`[?&]in=${byRole.sent}`));
    await expect(page.getByText('No messages match this search.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Where to search' }).selectOption({ label: 'All folders' });
    await search(page, `budget ${token}`);
    await expect(results(page)).toHaveCount(3);
  });
});
