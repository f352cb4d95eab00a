import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { createThrowawayUsers } from '../conformance/support/cli.js';
import type { Credentials } from '../conformance/support/cli.js';
import { colibriServerFromEnv, envNames } from './colibri-env.js';
import { jmapClientFor } from './jmap.js';

export { deliver } from './smtp.js';

/**
 * Support for the reader and search journeys: each test gets a fresh user of its own (made by the
 * CLI on the server's data folder), so that what it searches or reads is exactly what it sent.
 */
export async function freshUser(): Promise<
  Credentials & { client: JmapClient; accountId: Id; byRole: Record<string, Id> }
> {
  const dataDir = process.env[envNames.dataDir];
  if (!dataDir) throw new Error(`${envNames.dataDir} is not set: run the suite through its global setup.`);
  const [user] = await createThrowawayUsers(dataDir, 1);
  if (!user) throw new Error('The CLI made no user.');
  const client = jmapClientFor(colibriServerFromEnv().baseURL, user.email, user.password);
  return { ...user, client, ...(await mailboxIdsByRole(client)) };
}

/** The account's mailbox ids by role (RFC 8621 §2). */
export async function mailboxIdsByRole(
  client: JmapClient,
): Promise<{ accountId: Id; byRole: Record<string, Id> }> {
  const accountId = await client.primaryAccountId();
  const { list } = await client.call('Mailbox/get', { accountId, ids: null, properties: ['id', 'role'] });
  const byRole: Record<string, Id> = {};
  for (const mailbox of list) if (mailbox.role && mailbox.id) byRole[mailbox.role] = mailbox.id;
  return { accountId, byRole };
}

/** Waits until an email with this subject is in the account (delivery is asynchronous), returns its id. */
export async function waitForSubject(client: JmapClient, subject: string): Promise<Id> {
  const accountId = await client.primaryAccountId();
  let id: Id | undefined;
  await expect
    .poll(
      async () => {
        const { ids } = await client.call('Email/query', { accountId, filter: { subject }, limit: 5 });
        const { list } = await client.call('Email/get', { accountId, ids, properties: ['subject'] });
        id = list.find((email) => email.subject === subject)?.id;
        return id;
      },
      { message: `delivery of "${subject}"`, timeout: 15_000 },
    )
    .toBeTruthy();
  return id!;
}

/** Signs in through the login page. */
export async function logIn(page: Page, user: Credentials): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/mail\//);
}
