import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';
import { expect } from '@playwright/test';
import type { Credentials } from '../conformance/support/cli.js';
import { colibriServerFromEnv } from './colibri-env.js';
import { newMailUser } from './webmail.js';

export { deliver } from './smtp.js';

/**
 * Support for the reader and search journeys: each test gets a fresh user of its own (made by the
 * CLI on the server's data folder), so that what it searches or reads is exactly what it sent.
 */
export async function freshUser(): Promise<
  Credentials & { client: JmapClient; accountId: Id; byRole: Record<string, Id> }
> {
  const user = await newMailUser(colibriServerFromEnv());
  return {
    email: user.email,
    password: user.password,
    client: user.jmap,
    accountId: user.accountId,
    byRole: user.roles,
  };
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

export { logIn } from './webmail.js';
