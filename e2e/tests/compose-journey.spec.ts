import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import type { Browser, Page } from '@playwright/test';
import { createThrowawayUsers } from '../conformance/support/cli.js';
import type { Credentials } from '../conformance/support/cli.js';
import { envNames } from '../support/colibri-env.js';
import { expect, jmapClientFor, test } from '../support/colibri.js';

// The composer journeys of issue 5 ("Writing"), in a real browser against the real BFF: compose
// with an attachment and send to another local user, who sees it in a second browser context;
// undo send; send later then cancel. Each test has two throwaway users of its own (the CLI on
// the server's data folder), so nothing here depends on the demo accounts other specs use.

async function newUsers(): Promise<[Credentials, Credentials]> {
  const dataDir = process.env[envNames.dataDir];
  if (!dataDir) throw new Error(`${envNames.dataDir} is not set: run the suite from e2e/ (global setup).`);
  const [sender, recipient] = await createThrowawayUsers(dataDir, 2);
  return [sender!, recipient!];
}

async function logIn(browser: Browser, user: Credentials): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Logging in hashes the password (scrypt): slow on a busy machine.
  await expect(page.getByRole('banner')).toContainText(user.email, { timeout: 20_000 });
  return page;
}

/** Opens a composer and fills in recipient, subject and a line of body text. */
async function compose(page: Page, to: string, subject: string, text: string) {
  await page.getByRole('button', { name: 'Compose' }).click();
  const composer = page.getByRole('dialog', { name: 'New message' });
  const toField = composer.getByRole('combobox', { name: 'To', exact: true });
  await toField.fill(to);
  await toField.press('Enter');
  await expect(composer.getByRole('button', { name: `Remove ${to}` })).toBeVisible();
  await composer.getByLabel('Subject').fill(subject);
  const body = page.getByRole('dialog', { name: subject }).getByRole('textbox', { name: 'Message body' });
  await body.click();
  await body.pressSequentially(text);
  return page.getByRole('dialog', { name: subject });
}

/** RFC 8621 §7.3: the account's submissions of the email with this subject. */
async function submissionsOf(client: JmapClient, subject: string) {
  const accountId = await client.primaryAccountId();
  const { ids } = await client.call('Email/query', { accountId, filter: { subject } });
  if (ids.length === 0) return { emails: [], submissions: [] };
  const { list: emails } = await client.call('Email/get', {
    accountId,
    ids,
    properties: ['id', 'mailboxIds', 'keywords', 'subject'],
  });
  const { ids: submissionIds } = await client.call('EmailSubmission/query', {
    accountId,
    filter: { emailIds: ids as Id[] },
  });
  const { list: submissions } = await client.call('EmailSubmission/get', {
    accountId,
    ids: submissionIds,
    properties: ['id', 'undoStatus', 'sendAt', 'emailId'],
  });
  return { emails, submissions };
}

async function mailboxIdByRole(client: JmapClient, role: string): Promise<Id> {
  const accountId = await client.primaryAccountId();
  const { list } = await client.call('Mailbox/get', { accountId, ids: null, properties: ['id', 'role'] });
  const id = list.find((m) => m.role === role)?.id;
  if (!id) throw new Error(`No ${role} mailbox`);
  return id;
}

test('compose with an attachment and send to another local user, who receives it', async ({
  browser,
  colibri,
}) => {
  test.setTimeout(120_000);
  const [sender, recipient] = await newUsers();
  const subject = `Quarterly figures ${Date.now()}`;
  const attachment = {
    name: 'figures.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('quarter,total\nQ3,4200\n'),
  };

  const alice = await logIn(browser, sender);
  // The recipient's browser is open on their Inbox before the message leaves.
  const bob = await logIn(browser, recipient);
  const bobInbox = bob.getByRole('listbox', { name: 'Messages in Inbox' });
  await expect(bob.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();

  const composer = await compose(alice, recipient.email, subject, 'Here are the figures.');
  await test.step('the file uploads with its progress, then shows as attached', async () => {
    await composer.locator('input[type="file"]').setInputFiles(attachment);
    const files = composer.getByRole('list', { name: 'Attached files' });
    await expect(files.getByText('figures.csv')).toBeVisible();
    await expect(files.getByRole('progressbar')).toHaveCount(0);
    await expect(files.getByRole('button', { name: 'Remove figures.csv' })).toBeVisible();
  });

  await test.step('sent at once (undo send off): the composer closes and says it is sent', async () => {
    await composer.getByLabel('Undo send').selectOption('0');
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(composer).toHaveCount(0);
    await expect(alice.getByRole('status').filter({ hasText: 'Message sent' })).toBeVisible();
  });

  await test.step("the sender's copy is in Sent, no longer a draft", async () => {
    const client = jmapClientFor(colibri.baseURL, sender.email, sender.password);
    const sentId = await mailboxIdByRole(client, 'sent');
    const { emails, submissions } = await submissionsOf(client, subject);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.mailboxIds).toEqual({ [sentId]: true });
    expect(emails[0]?.keywords?.$draft).toBeUndefined();
    expect(submissions.map((s) => s.undoStatus)).toEqual(['final']);
  });

  await test.step('the recipient sees it arrive live in the Inbox and reads it with its attachment', async () => {
    // No reload: push (EventSource) brings it into the open list.
    const marker = await bob.evaluate(() => ((window as { loadMarker?: number }).loadMarker = Date.now()));
    const row = bobInbox.getByRole('option').filter({ hasText: subject });
    await expect(row).toBeVisible({ timeout: 30_000 });
    expect(await bob.evaluate(() => (window as { loadMarker?: number }).loadMarker)).toBe(marker);
    await row.click();
    const reader = bob.getByRole('region', { name: 'Conversation' });
    await expect(reader.getByRole('heading', { name: subject })).toBeVisible();
    await expect(reader).toContainText('Here are the figures.');
    await expect(reader).toContainText('figures.csv');
  });

  await test.step('the attachment arrived byte for byte', async () => {
    const client = jmapClientFor(colibri.baseURL, recipient.email, recipient.password);
    const accountId = await client.primaryAccountId();
    const { ids } = await client.call('Email/query', { accountId, filter: { subject } });
    const { list } = await client.call('Email/get', {
      accountId,
      ids,
      properties: ['attachments', 'from'],
      bodyProperties: ['blobId', 'name', 'type', 'size'],
    });
    expect(list[0]?.from?.[0]?.email).toBe(sender.email);
    const file = list[0]?.attachments?.find((a) => a.name === 'figures.csv');
    expect(file?.size).toBe(attachment.buffer.length);
    expect(file?.type).toBe('text/csv');
  });

  await test.step('the recipient replies from the reader; the reply threads under the original', async () => {
    await bob
      .getByRole('region', { name: 'Conversation' })
      .getByRole('button', { name: 'Reply', exact: true })
      .click();
    const reply = bob.getByRole('dialog', { name: `Re: ${subject}` });
    await expect(reply.getByRole('button', { name: `Remove ${sender.email}` })).toBeVisible();
    const body = reply.getByRole('textbox', { name: 'Message body' });
    await body.click();
    await body.pressSequentially('Thanks, got them.');
    await reply.getByLabel('Undo send').selectOption('0');
    await reply.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(reply).toHaveCount(0);
    // It reaches the sender's open Inbox live, and carries the threading headers (RFC 5322 §3.6.4).
    await expect(
      alice
        .getByRole('listbox', { name: 'Messages in Inbox' })
        .getByRole('option')
        .filter({ hasText: `Re: ${subject}` }),
    ).toBeVisible({ timeout: 30_000 });
    const client = jmapClientFor(colibri.baseURL, sender.email, sender.password);
    const accountId = await client.primaryAccountId();
    const { ids } = await client.call('Email/query', { accountId, filter: { subject: `Re: ${subject}` } });
    const { list } = await client.call('Email/get', {
      accountId,
      ids,
      properties: ['subject', 'inReplyTo', 'threadId'],
    });
    const { ids: originals } = await client.call('Email/query', {
      accountId,
      filter: { subject, header: ['Message-ID'] },
    });
    const { list: sent } = await client.call('Email/get', {
      accountId,
      ids: originals,
      properties: ['subject', 'messageId', 'threadId'],
    });
    const original = sent.find((email) => email.subject === subject);
    expect(list).toHaveLength(1);
    expect(list[0]?.inReplyTo).toEqual(original?.messageId);
    expect(list[0]?.threadId).toBe(original?.threadId);
  });
});

test('undo send: the message is held, then comes back as a draft to edit', async ({ browser, colibri }) => {
  test.setTimeout(120_000);
  const [sender, recipient] = await newUsers();
  const subject = `Second thoughts ${Date.now()}`;
  const page = await logIn(browser, sender);
  const composer = await compose(page, recipient.email, subject, 'On reflection, no.');
  await composer.getByLabel('Undo send').selectOption('30');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer).toHaveCount(0);

  const toast = page.getByRole('status').filter({ hasText: 'Sending…' });
  await expect(toast).toBeVisible();
  const client = jmapClientFor(colibri.baseURL, sender.email, sender.password);
  await expect
    .poll(async () => (await submissionsOf(client, subject)).submissions.map((s) => s.undoStatus))
    .toEqual(['pending']);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await test.step('the composer opens again on the draft, as it was', async () => {
    const reopened = page.getByRole('dialog', { name: subject });
    await expect(reopened).toBeVisible();
    await expect(reopened.getByRole('button', { name: `Remove ${recipient.email}` })).toBeVisible();
    await expect(reopened.getByRole('textbox', { name: 'Message body' })).toContainText('On reflection, no.');
  });
  await test.step('the server canceled the submission and the email is back in Drafts', async () => {
    const draftsId = await mailboxIdByRole(client, 'drafts');
    const { emails, submissions } = await submissionsOf(client, subject);
    expect(submissions.map((s) => s.undoStatus)).toEqual(['canceled']);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.mailboxIds).toEqual({ [draftsId]: true });
    expect(emails[0]?.keywords?.$draft).toBe(true);
  });
});

test('send later, see it scheduled, then cancel it', async ({ browser, colibri }) => {
  test.setTimeout(120_000);
  const [sender, recipient] = await newUsers();
  const subject = `Tomorrow morning ${Date.now()}`;
  const page = await logIn(browser, sender);
  const composer = await compose(page, recipient.email, subject, 'Good morning!');

  const when = new Date(Date.now() + 24 * 3600_000);
  when.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T${pad(when.getHours())}:${pad(when.getMinutes())}`;
  await composer.getByRole('button', { name: 'Send later' }).click();
  await composer.getByLabel('Send at').fill(local);
  await composer.getByRole('button', { name: 'Schedule' }).click();
  await expect(composer).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled for' })).toBeVisible();

  const client = jmapClientFor(colibri.baseURL, sender.email, sender.password);
  await test.step('the server holds it until the chosen time', async () => {
    const { submissions } = await submissionsOf(client, subject);
    expect(submissions.map((s) => s.undoStatus)).toEqual(['pending']);
    expect(Date.parse(submissions[0]!.sendAt!)).toBe(when.getTime());
  });

  await test.step('the scheduled list shows it, and cancelling removes it', async () => {
    await page.getByRole('button', { name: 'Scheduled' }).click();
    const panel = page.getByRole('region', { name: 'Scheduled messages' });
    const item = panel.getByRole('listitem', { name: subject });
    await expect(item).toBeVisible();
    await expect(item).toContainText(recipient.email);
    await item.getByRole('button', { name: 'Cancel sending' }).click();
    await expect(item).toHaveCount(0);
    await expect(panel).toContainText('Nothing is scheduled.');
  });

  await test.step('the submission is canceled and the message is a draft again', async () => {
    const draftsId = await mailboxIdByRole(client, 'drafts');
    const { emails, submissions } = await submissionsOf(client, subject);
    expect(submissions.map((s) => s.undoStatus)).toEqual(['canceled']);
    expect(emails[0]?.mailboxIds).toEqual({ [draftsId]: true });
    expect(emails[0]?.keywords?.$draft).toBe(true);
  });
});

test('a draft saves itself, an upload can be canceled, and open composers come back after a reload', async ({
  browser,
  colibri,
}) => {
  test.setTimeout(120_000);
  const [sender, recipient] = await newUsers();
  const subject = `Work in progress ${Date.now()}`;
  const page = await logIn(browser, sender);
  const composer = await compose(page, recipient.email, subject, 'First paragraph.');
  const files = composer.getByRole('list', { name: 'Attached files' });

  await test.step('an upload in progress can be canceled', async () => {
    // The server never answers this upload, so it stays in progress until canceled.
    await page.route('**/jmap/upload/**', () => undefined);
    await composer.locator('input[type="file"]').setInputFiles({
      name: 'huge.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(64 * 1024, 1),
    });
    await expect(files.getByRole('progressbar', { name: 'Uploading huge.bin' })).toBeVisible();
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(composer.getByRole('alert')).toContainText('Wait for the files to finish uploading.');
    await files.getByRole('button', { name: 'Cancel upload of huge.bin' }).click();
    await expect(files).toHaveCount(0);
    await page.unroute('**/jmap/upload/**');
  });

  await test.step('with a file attached, the draft is saved to Drafts on its own', async () => {
    await composer.locator('input[type="file"]').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('notes'),
    });
    await expect(files.getByRole('button', { name: 'Remove notes.txt' })).toBeVisible();
    await expect(composer.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible({
      timeout: 10_000,
    });
    const client = jmapClientFor(colibri.baseURL, sender.email, sender.password);
    const draftsId = await mailboxIdByRole(client, 'drafts');
    // Each save replaces the previous version: one draft, never a pile of them.
    const { emails } = await submissionsOf(client, subject);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.mailboxIds).toEqual({ [draftsId]: true });
    expect(emails[0]?.keywords?.$draft).toBe(true);
  });

  await test.step('after a reload the composer is back, docked, with its content', async () => {
    await page.reload();
    await page.getByRole('button', { name: `Open ${subject}` }).click();
    const restored = page.getByRole('dialog', { name: subject });
    await expect(restored.getByRole('button', { name: `Remove ${recipient.email}` })).toBeVisible();
    await expect(restored.getByRole('textbox', { name: 'Message body' })).toContainText('First paragraph.');
    await expect(restored.getByRole('list', { name: 'Attached files' })).toContainText('notes.txt');
  });
});

test('an image pasted into the body is sent inline, as a cid: part beside the HTML', async ({
  browser,
  colibri,
}) => {
  test.setTimeout(120_000);
  const [sender, recipient] = await newUsers();
  const subject = `Screenshot ${Date.now()}`;
  const page = await logIn(browser, sender);
  const composer = await compose(page, recipient.email, subject, 'Look: ');
  // A 1×1 PNG, pasted as a screenshot would be (a File on the clipboard).
  const png =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  await composer.getByRole('textbox', { name: 'Message body' }).evaluate((editor, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'shot.png', { type: 'image/png' }));
    editor.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, png);
  const image = composer.getByRole('textbox', { name: 'Message body' }).locator('img[data-cid]');
  await expect(image).toHaveAttribute('src', /^blob:/);
  // Inline images are not listed as files, but the send waits for their upload all the same.
  await expect(composer.getByRole('list', { name: 'Attached files' })).toHaveCount(0);
  await composer.getByLabel('Undo send').selectOption('0');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer).toHaveCount(0);

  const client = jmapClientFor(colibri.baseURL, sender.email, sender.password);
  const accountId = await client.primaryAccountId();
  const { ids } = await client.call('Email/query', { accountId, filter: { subject } });
  const { list } = await client.call('Email/get', {
    accountId,
    ids,
    properties: ['htmlBody', 'textBody', 'attachments', 'bodyValues', 'bodyStructure'],
    bodyProperties: ['partId', 'type', 'cid', 'disposition', 'name', 'size', 'subParts'],
    fetchHTMLBodyValues: true,
    fetchTextBodyValues: true,
  });
  const email = list[0]!;
  const inline = email.attachments?.find((part) => part.type === 'image/png');
  expect(inline?.disposition).toBe('inline');
  expect(inline?.size).toBe(Buffer.from(png, 'base64').length);
  const cid = inline?.cid?.replace(/^<|>$/g, '');
  expect(cid).toMatch(/@colibri$/);
  const htmlPart = email.htmlBody?.find((part) => part.type === 'text/html');
  expect(email.bodyValues?.[htmlPart!.partId!]?.value).toContain(`src="cid:${cid}"`);
  // RFC 2387: the HTML and its image travel together as multipart/related, with the text beside.
  expect(JSON.stringify(email.bodyStructure)).toContain('multipart/related');
  const textPart = email.textBody?.find((part) => part.type === 'text/plain');
  expect(email.bodyValues?.[textPart!.partId!]?.value).toContain('Look: [shot.png]');
});
