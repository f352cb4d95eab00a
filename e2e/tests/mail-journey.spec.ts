import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { EmailBodyPart, Id } from '@colibri/jmap-types';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/colibri.js';

// The browser journey of issue 2, as alice, against the real BFF and the seeded demo: wrong
// password, login, mailbox tree, Inbox order, a plain-text message, the hostile HTML message
// (sanitised, sandboxed, remote image blocked), logout. Alice's account belongs to this spec.

interface DemoMessage {
  id: Id;
  subject: string;
}

interface DemoMessages {
  inboxId: Id;
  plain: DemoMessage;
  /** The first non-empty line of the plain-text body, to find in the reader. */
  plainFirstLine: string;
  hostile: DemoMessage;
}

/**
 * Picks, among alice's newest Inbox messages, one plain-text message and the hostile HTML one
 * (its HTML carries a <script>), by asking the server over JMAP (RFC 8621 §4.2) rather than
 * hard-coding seed subjects.
 */
async function demoMessages(client: JmapClient): Promise<DemoMessages> {
  const accountId = await client.primaryAccountId();
  const { list: mailboxes } = await client.call('Mailbox/get', {
    accountId,
    ids: null,
    properties: ['id', 'role'],
  });
  const inboxId = mailboxes.find((m) => m.role === 'inbox')?.id;
  if (!inboxId) throw new Error('alice has no Inbox.');
  const { emails } = await client.request((b) => {
    const query = b.call('Email/query', {
      accountId,
      filter: { inMailbox: inboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
      limit: 500,
    });
    const emails = b.call('Email/get', {
      accountId,
      ids: ref(query, '/ids'),
      properties: ['id', 'subject', 'htmlBody', 'textBody', 'bodyValues'],
      fetchHTMLBodyValues: true,
      fetchTextBodyValues: true,
    });
    return { emails };
  });
  const isHtml = (part: EmailBodyPart) => part.type === 'text/html';
  const plain = emails.list.find(
    (e) => e.subject && !(e.htmlBody ?? []).some(isHtml) && (e.textBody ?? []).length > 0,
  );
  const hostile = emails.list.find((e) =>
    (e.htmlBody ?? []).some(
      (part) =>
        isHtml(part) && part.partId !== null && /<script/i.test(e.bodyValues?.[part.partId]?.value ?? ''),
    ),
  );
  if (!plain?.id || !plain.subject) throw new Error('The demo Inbox has no plain-text message.');
  if (!hostile?.id || !hostile.subject)
    throw new Error('The demo Inbox has no HTML message with a <script>.');
  const plainText = (plain.textBody ?? [])
    .map((part) => (part.partId ? (plain.bodyValues?.[part.partId]?.value ?? '') : ''))
    .join('\n');
  const plainFirstLine = plainText
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0 && !line.startsWith('>'));
  if (!plainFirstLine) throw new Error(`The plain-text message "${plain.subject}" has no text.`);
  return {
    inboxId,
    plain: { id: plain.id, subject: plain.subject },
    plainFirstLine,
    hostile: { id: hostile.id, subject: hostile.subject },
  };
}

/**
 * Opens a message from the Inbox list. The list is virtualised (only the rows in view exist),
 * so it scrolls down a screenful at a time until the message's row is rendered.
 */
async function openFromList(page: Page, subject: string) {
  const list = page.getByRole('listbox', { name: 'Messages in Inbox' });
  const row = list.getByRole('option').filter({ hasText: subject }).first();
  for (let i = 0; i < 50 && (await row.count()) === 0; i++) {
    const atEnd = await list.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop += el.clientHeight;
      return end;
    });
    if (atEnd) break;
    await expect(list.locator('[aria-disabled="true"]')).toHaveCount(0);
  }
  await row.click();
  await expect(
    page.getByRole('region', { name: 'Conversation' }).getByRole('heading', { name: subject }),
  ).toBeVisible();
}

test('log in, read the Inbox, plain text and sanitised HTML, log out', async ({ page, colibri, jmapAs }) => {
  // Many steps, a throttled failed login and a shared two-core machine: 30 s is too tight.
  test.setTimeout(60_000);
  const demo = await demoMessages(jmapAs(colibri.users.alice));

  // Every request the page makes must stay on the server under test: no remote content.
  const serverHost = new URL(colibri.baseURL).host;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== serverHost)
      foreign.push(request.url());
  });
  // A dialog (alert, confirm) could only come from a script in the message.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await test.step('a signed-out visitor is sent to the login page', async () => {
    await page.goto('/mail');
    await expect(page).toHaveURL(/\/login/);
    await expect(page).toHaveTitle('Colibri');
    await expect(page.getByRole('heading', { name: 'Sign in to Colibri' })).toBeVisible();
  });

  await test.step('a wrong password gets a clear message', async () => {
    await page.getByLabel('Email address').fill(colibri.users.alice);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong email address or password.');
    await expect(page).toHaveURL(/\/login/);
  });

  await test.step('alice logs in and lands in her Inbox', async () => {
    await page.getByLabel('Password').fill(colibri.demoPassword);
    const signIn = page.getByRole('button', { name: 'Sign in' });
    // Failed logins are slowed down: the form keeps the button disabled while it must wait.
    await expect(signIn).toBeEnabled({ timeout: 15_000 });
    await signIn.click();
    await expect(page).toHaveURL(new RegExp(`/mail/${demo.inboxId}$`));
    await expect(page.getByRole('banner')).toContainText(colibri.users.alice);
  });

  await test.step('the mailbox tree shows the Inbox with an unread count', async () => {
    const mailboxes = page.getByRole('navigation', { name: 'Mailboxes' });
    await expect(mailboxes.getByRole('button', { name: /^Inbox \d+ unread$/ })).toBeVisible();
    await expect(mailboxes.getByRole('button', { name: /^Inbox/ })).toHaveAttribute('aria-current', 'true');
    for (const name of ['Drafts', 'Sent', 'Archive', 'Trash']) {
      await expect(mailboxes.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
    }
  });

  await test.step('the Inbox is sorted newest first', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    const rows = page.getByRole('listbox', { name: 'Messages in Inbox' }).getByRole('option');
    await expect(rows.nth(4)).toBeVisible();
    const dates = await rows
      .locator('time')
      .evaluateAll((times) => times.slice(0, 10).map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThanOrEqual(5);
    const millis = dates.map((d) => Date.parse(d));
    expect(millis.every((t) => !Number.isNaN(t))).toBe(true);
    expect([...millis].sort((a, b) => b - a)).toEqual(millis);
  });

  await test.step('a plain-text message opens and reads as text', async () => {
    await openFromList(page, demo.plain.subject);
    await expect(page).toHaveURL(new RegExp(`/mail/${demo.inboxId}/${demo.plain.id}$`));
    const reader = page.getByRole('region', { name: 'Conversation' });
    // Plain text is never put in a frame: it is the page's own text.
    await expect(reader.locator('iframe')).toHaveCount(0);
    await expect(reader).toContainText(demo.plainFirstLine);
  });

  await test.step('the hostile HTML message is sanitised, sandboxed and loads nothing remote', async () => {
    await openFromList(page, demo.hostile.subject);
    const reader = page.getByRole('region', { name: 'Conversation' });
    await expect(
      reader.getByRole('status').filter({ hasText: /\d+ remote images?.* blocked to protect your privacy/ }),
    ).toBeVisible();

    const frameElement = reader.locator('iframe');
    await expect(frameElement).toHaveCount(1);
    const sandbox = (await frameElement.getAttribute('sandbox')) ?? 'missing';
    expect(sandbox).not.toBe('missing');
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    await expect(frameElement).toHaveAttribute('srcdoc', /Content-Security-Policy[^>]*default-src 'none'/);

    const frame = page.frameLocator('iframe[title^="Message body"]');
    await expect(frame.locator('body')).not.toBeEmpty();
    await expect(frame.locator('script')).toHaveCount(0);
    await expect(frame.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
    await expect(frame.locator('img[src^="http"], img[src^="//"]')).toHaveCount(0);
    await expect(frame.locator('a[href^="javascript:" i]')).toHaveCount(0);

    // The demo message's script sets document.title and calls alert(): neither happened, in
    // the frame or in the app.
    const mailFrame = page.frames().find((f) => f.url() === 'about:srcdoc');
    expect(mailFrame, 'the mail frame').toBeTruthy();
    expect(await mailFrame?.evaluate(() => document.title)).not.toBe('pwned');
    // Whatever the message's script would have done to the app, it did not happen.
    const touched = await page.evaluate(() => ({ title: document.title, cookieReadable: document.cookie }));
    expect(touched.title).toBe('Colibri');
    expect(dialogs).toEqual([]);
    expect(touched.cookieReadable).not.toContain('colibri_session');
  });

  await test.step('alice logs out and lands on the login page', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Colibri' })).toBeVisible();
    // The session is over server-side too: the mail is not reachable any more.
    await page.goto('/mail');
    await expect(page).toHaveURL(/\/login/);
  });

  expect(foreign, 'requests to other hosts').toEqual([]);
});
