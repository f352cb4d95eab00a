import { expect, test } from '../support/colibri.js';
import { sendMail } from '../support/smtp.js';
import {
  blockingViolations,
  deliver,
  emailsIn,
  inboxList,
  logIn,
  newMailUser,
  subjectsIn,
} from '../support/webmail.js';

// Issue 5: multi-select (click, shift-click, ctrl-click, select all) and bulk actions through
// Email/set, checked on the server over JMAP; destructive ones offer Undo. A user of its own.

const subjects = ['Bulk alpha', 'Bulk bravo', 'Bulk charlie', 'Bulk delta', 'Bulk echo', 'Bulk foxtrot'];

test('bulk actions: select by click, shift and ctrl, mark read, flag, archive with undo, delete all', async ({
  page,
  colibri,
}) => {
  // Six SMTP deliveries and a dozen server round trips on a shared two-core machine.
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  await deliver(colibri, user, subjects);
  const inbox = user.roles.inbox ?? '';
  const archive = user.roles.archive ?? '';
  const trash = user.roles.trash ?? '';
  await logIn(page, user);
  const { rows, row } = inboxList(page);
  await expect(rows).toHaveCount(6);

  await test.step('the mail screen has no serious or critical accessibility violation', async () => {
    expect(await blockingViolations(page)).toEqual([]);
  });

  await test.step('shift-click selects a range; mark read applies to it', async () => {
    // Newest first: foxtrot, echo, delta, charlie, bravo, alpha.
    await row('Bulk foxtrot').click();
    await row('Bulk delta').click({ modifiers: ['Shift'] });
    await expect(page.getByText('3 selected')).toBeVisible();
    await expect(rows.and(page.locator('[aria-selected="true"]'))).toHaveCount(3);
    await page.getByRole('toolbar').getByRole('button', { name: 'Mark read' }).click();
    await expect
      .poll(async () =>
        (await emailsIn(user, inbox))
          .filter((e) => e.keywords?.$seen)
          .map((e) => e.subject)
          .sort(),
      )
      .toEqual(['Bulk delta', 'Bulk echo', 'Bulk foxtrot']);
  });

  await test.step('ctrl-click picks single rows; flag applies to them', async () => {
    await row('Bulk alpha').click();
    await row('Bulk charlie').click({ modifiers: ['ControlOrMeta'] });
    await expect(page.getByText('2 selected')).toBeVisible();
    await page.getByRole('toolbar').getByRole('button', { name: 'Flag' }).click();
    await expect(row('Bulk charlie').getByRole('img', { name: 'Flagged' })).toBeVisible();
    await expect
      .poll(async () =>
        (await emailsIn(user, inbox))
          .filter((e) => e.keywords?.$flagged)
          .map((e) => e.subject)
          .sort(),
      )
      .toEqual(['Bulk alpha', 'Bulk charlie']);
  });

  await test.step('archive takes the rows away at once, and Undo brings them back', async () => {
    await page.getByRole('toolbar').getByRole('button', { name: 'Archive' }).click();
    await expect(rows).toHaveCount(4);
    const toast = page.getByRole('status').filter({ hasText: '2 messages archived' });
    await expect(toast).toBeVisible();
    await expect.poll(() => subjectsIn(user, archive)).toEqual(['Bulk alpha', 'Bulk charlie']);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(rows).toHaveCount(6);
    await expect.poll(() => subjectsIn(user, archive)).toEqual([]);
    await expect.poll(() => subjectsIn(user, inbox)).toEqual([...subjects].sort());
  });

  await test.step('move one message with the Move to menu', async () => {
    await row('Bulk bravo').click();
    await page.getByRole('toolbar').getByLabel('Move to…').selectOption({ label: 'Archive' });
    await expect(row('Bulk bravo')).toHaveCount(0);
    await expect.poll(() => subjectsIn(user, archive)).toEqual(['Bulk bravo']);
  });

  await test.step('select all, delete: everything goes to Trash', async () => {
    await page.getByRole('checkbox', { name: 'Select all' }).check();
    await expect(page.getByText('5 selected')).toBeVisible();
    await page.getByRole('toolbar').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('No messages here.')).toBeVisible();
    await expect
      .poll(() => subjectsIn(user, trash))
      .toEqual(subjects.filter((s) => s !== 'Bulk bravo').sort());
    await expect.poll(() => subjectsIn(user, inbox)).toEqual([]);
  });
});

test('conversation mode: a thread is one row, and archiving it archives the whole thread', async ({
  page,
  colibri,
}) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  const first = `<plan-${Date.now()}@example.org>`;
  await sendMail(colibri.smtpPort, {
    from: 'Dana Sender <dana@example.org>',
    to: user.email,
    subject: 'Thread plan',
    text: 'First.',
    messageId: first,
  });
  await sendMail(colibri.smtpPort, {
    from: 'Dana Sender <dana@example.org>',
    to: user.email,
    subject: 'Re: Thread plan',
    text: 'Second.',
    inReplyTo: first,
  });
  await deliver(colibri, user, ['Standalone note']);
  await logIn(page, user);
  const { rows, row } = inboxList(page);
  await expect(rows).toHaveCount(3);

  await page.getByRole('combobox', { name: 'Show' }).selectOption('conversations');
  await expect(rows).toHaveCount(2);
  await row('Thread plan').click({ modifiers: ['ControlOrMeta'] });
  await page.getByRole('toolbar').getByRole('button', { name: 'Archive' }).click();
  await expect(rows).toHaveCount(1);
  await expect
    .poll(() => subjectsIn(user, user.roles.archive ?? ''))
    .toEqual(['Re: Thread plan', 'Thread plan']);
  await expect.poll(() => subjectsIn(user, user.roles.inbox ?? '')).toEqual(['Standalone note']);

  // Back to one row per message; the choice is remembered across a reload.
  await page.getByRole('combobox', { name: 'Show' }).selectOption('messages');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveValue('messages');
});
