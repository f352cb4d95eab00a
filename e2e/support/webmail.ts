import AxeBuilder from '@axe-core/playwright';
import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Email, Id } from '@colibri/jmap-types';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { createThrowawayUsers } from '../conformance/support/cli.js';
import { envNames } from './colibri-env.js';
import type { ColibriServer } from './colibri-env.js';
import { jmapClientFor } from './jmap.js';
import { sendMail } from './smtp.js';

/** A user of one test only: its mailbox holds exactly the mail the test delivers. */
export interface MailUser {
  email: string;
  password: string;
  jmap: JmapClient;
  accountId: Id;
  /** Mailbox ids by role (RFC 8621 §2: inbox, archive, trash, …). */
  roles: Record<string, Id>;
}

/** A fresh, empty account made with the CLI on the server's data folder (see e2e/CONTEXT.md). */
export async function newMailUser(colibri: ColibriServer): Promise<MailUser> {
  const dataDir = process.env[envNames.dataDir];
  if (!dataDir) throw new Error(`${envNames.dataDir} is not set: run the suites through global setup.`);
  const [user] = await createThrowawayUsers(dataDir, 1);
  if (!user) throw new Error('The CLI made no user.');
  const jmap = jmapClientFor(colibri.baseURL, user.email, user.password);
  const accountId = await jmap.primaryAccountId();
  const { list } = await jmap.call('Mailbox/get', { accountId, ids: null, properties: ['id', 'role'] });
  const roles: Record<string, Id> = {};
  for (const mailbox of list) if (mailbox.role && mailbox.id) roles[mailbox.role] = mailbox.id;
  return { ...user, jmap, accountId, roles };
}

/**
 * Delivers `subjects` to the user over real SMTP, one message each, oldest first, and waits
 * until the Inbox holds them all (delivery is a store write, so it is quick but not instant).
 */
export async function deliver(colibri: ColibriServer, user: MailUser, subjects: readonly string[]) {
  const before = (await emailsIn(user, user.roles.inbox ?? '')).length;
  for (const subject of subjects) {
    await sendMail(colibri.smtpPort, {
      from: 'Dana Sender <dana@example.org>',
      to: user.email,
      subject,
      text: `Body of ${subject}.`,
    });
  }
  await expect
    .poll(async () => (await emailsIn(user, user.roles.inbox ?? '')).length)
    .toBe(before + subjects.length);
}

export type MailSummary = Pick<Email, 'id' | 'subject' | 'keywords' | 'mailboxIds'>;

/** The emails of a mailbox as the server has them, newest first (RFC 8621 §4.4, §4.2). */
export async function emailsIn(user: MailUser, mailboxId: Id): Promise<MailSummary[]> {
  const { emails } = await user.jmap.request((b) => {
    const query = b.call('Email/query', {
      accountId: user.accountId,
      filter: { inMailbox: mailboxId },
      sort: [{ property: 'receivedAt', isAscending: false }],
    });
    const emails = b.call('Email/get', {
      accountId: user.accountId,
      ids: ref(query, '/ids'),
      properties: ['id', 'subject', 'keywords', 'mailboxIds'],
    });
    return { emails };
  });
  return emails.list as MailSummary[];
}

/** Subjects of a mailbox, sorted, for order-free comparisons. */
export async function subjectsIn(user: MailUser, mailboxId: Id): Promise<string[]> {
  return (await emailsIn(user, mailboxId)).map((e) => e.subject ?? '').sort();
}

/**
 * How long logging in may take. Logging in hashes the password (scrypt) and then loads the
 * session, the mailboxes and the first page of the list: quick on an idle machine, seconds on a
 * busy one. This is a ceiling, not a pause: `logIn` returns as soon as the list is there.
 */
const LOGIN_TIMEOUT = 30_000;

/**
 * Logs in through the login form, with the keyboard only, and waits until the app is ready to
 * use: the banner shows the account and the Inbox list has loaded (its rows, or its empty state).
 * A refused login fails at once with the form's message instead of timing out.
 */
export async function logIn(page: Page, user: Pick<MailUser, 'email' | 'password'>) {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByLabel('Password').press('Enter');
  const refused = page.locator('form').getByRole('alert');
  const shell = page.getByRole('banner').filter({ hasText: user.email });
  await expect(shell.or(refused).first()).toBeVisible({ timeout: LOGIN_TIMEOUT });
  if (await refused.isVisible()) throw new Error(`Login refused: ${await refused.innerText()}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible({
    timeout: LOGIN_TIMEOUT,
  });
  const list = page.getByRole('listbox', { name: 'Messages in Inbox' });
  await expect(list.or(page.getByText('No messages here.')).first()).toBeVisible({ timeout: LOGIN_TIMEOUT });
}

/** The Inbox message list and its rows. */
export function inboxList(page: Page) {
  const list = page.getByRole('listbox', { name: 'Messages in Inbox' });
  return {
    list,
    rows: list.getByRole('option'),
    row: (subject: string) => list.getByRole('option', { name: subject }),
  };
}

/** axe-core's serious and critical findings on the page as it is now (rule, help, elements). */
export async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
