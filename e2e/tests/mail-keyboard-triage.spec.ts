import { expect, test } from '../support/colibri.js';
import {
  blockingViolations,
  deliver,
  emailsIn,
  inboxList,
  logIn,
  newMailUser,
  subjectsIn,
} from '../support/webmail.js';

// Issue 5: triage ten messages with the keyboard alone (Gmail-style shortcuts), then check
// every outcome on the server over JMAP. A user of its own; no mouse after the login form.

const subjects = Array.from({ length: 10 }, (_, i) => `Triage ${String(i + 1).padStart(2, '0')}`);

test('keyboard-only triage of ten messages', async ({ page, colibri }) => {
  test.setTimeout(90_000);
  const user = await newMailUser(colibri);
  await deliver(colibri, user, subjects);
  const inbox = user.roles.inbox ?? '';
  await logIn(page, user);
  const { rows } = inboxList(page);
  await expect(rows).toHaveCount(10);
  const reader = page.getByRole('article', { name: 'Message' });
  const openSubject = (subject: string) =>
    expect(reader.getByRole('heading', { name: subject })).toBeVisible();
  const key = (k: string) => page.keyboard.press(k);

  await test.step('? lists the shortcuts; Escape closes the list', async () => {
    await key('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Archive');
    expect(await blockingViolations(page)).toEqual([]);
    await key('Escape');
    await expect(help).toBeHidden();
  });

  await test.step('j moves to the newest, Enter opens it, e archives and opens the next', async () => {
    await key('j');
    await key('Enter');
    await openSubject('Triage 10');
    expect(await blockingViolations(page)).toEqual([]);
    await key('e');
    await openSubject('Triage 09');
    await expect(rows).toHaveCount(9);
  });

  await test.step('s flags, # deletes, j and k move between open messages', async () => {
    await key('s');
    await key('j');
    await openSubject('Triage 08');
    await key('#');
    await openSubject('Triage 07');
    await key('k');
    await openSubject('Triage 09');
  });

  await test.step('Shift+U marks the open message unread and goes back to the list', async () => {
    await key('Shift+U');
    await expect(reader.getByRole('heading')).toHaveCount(0);
    await key('Enter');
    await openSubject('Triage 09');
    await key('u');
    await expect(reader.getByRole('heading')).toHaveCount(0);
    await key('Shift+U');
  });

  await test.step('x selects three rows, e archives them together', async () => {
    await key('j'); // 07
    await key('x');
    await key('j'); // 06
    await key('x');
    await key('j'); // 05
    await key('x');
    await expect(page.getByText('3 selected')).toBeVisible();
    await key('e');
    await expect(rows).toHaveCount(5);
  });

  await test.step('Shift+I marks read, g then a mailbox key navigates', async () => {
    // After archiving, the cursor moved on to the next row, Triage 04.
    await key('Shift+I');
    await expect(inboxList(page).row('Triage 04')).not.toHaveClass(/unread/);
    await key('g');
    await key('s');
    await expect(page.getByRole('heading', { level: 1, name: 'Sent' })).toBeVisible();
    await key('g');
    await key('i');
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  });

  await test.step('the server has every decision', async () => {
    await expect
      .poll(() => subjectsIn(user, user.roles.archive ?? ''))
      .toEqual(['Triage 05', 'Triage 06', 'Triage 07', 'Triage 10']);
    await expect.poll(() => subjectsIn(user, user.roles.trash ?? '')).toEqual(['Triage 08']);
    await expect
      .poll(async () => (await emailsIn(user, inbox)).find((e) => e.subject === 'Triage 04')?.keywords?.$seen)
      .toBe(true);
    const left = await emailsIn(user, inbox);
    expect(left.map((e) => e.subject).sort()).toEqual([
      'Triage 01',
      'Triage 02',
      'Triage 03',
      'Triage 04',
      'Triage 09',
    ]);
    const nine = left.find((e) => e.subject === 'Triage 09');
    expect(nine?.keywords?.$flagged).toBe(true);
    // Opened (so read), then marked unread again.
    expect(nine?.keywords?.$seen).toBeUndefined();
    // Never opened, never marked: still unread.
    expect(left.find((e) => e.subject === 'Triage 03')?.keywords?.$seen).toBeUndefined();
  });
});
