import type { Id, Identity } from '@colibri/jmap-types';
import { expect } from '@playwright/test';
import type { JmapAccount } from './jmap-raw.js';
import { mailboxesByRole } from './mail.js';
import { perAccount } from './per-account.js';
import { createdId } from './set.js';
import type { SetResponse } from './set.js';

/** The account's identity for its own address (made when the server gave it none). */
export async function ownIdentity(account: JmapAccount): Promise<Id> {
  const { list } = await account.ok<{ list: Identity[] }>('Identity/get', {
    accountId: account.accountId,
    ids: null,
  });
  const mine = list.find((identity) => identity.email === account.email);
  if (mine) return mine.id;
  return createdId(
    await account.ok<SetResponse>('Identity/set', {
      accountId: account.accountId,
      create: { me: { email: account.email, name: 'Me' } },
    }),
    'me',
  );
}

/** A draft in the Drafts mailbox, from the account's own address. */
export async function draft(
  account: JmapAccount,
  fields: { to: string[]; subject: string; from?: string; bcc?: string[] },
): Promise<Id> {
  const { drafts } = await mailboxesByRole(account);
  const result = await account.ok<SetResponse>('Email/set', {
    accountId: account.accountId,
    create: {
      d: {
        mailboxIds: { [drafts!]: true },
        keywords: { $draft: true, $seen: true },
        from: [{ email: fields.from ?? account.email }],
        to: fields.to.map((email) => ({ email })),
        ...(fields.bcc ? { bcc: fields.bcc.map((email) => ({ email })) } : {}),
        subject: fields.subject,
        textBody: [{ partId: 't', type: 'text/plain' }],
        bodyValues: { t: { value: `Body of ${fields.subject}` } },
      },
    },
  });
  return createdId(result, 'd');
}

/** Waits until the recipient's account holds an email with this subject; resolves with its id. */
export async function receivedBy(recipient: JmapAccount, subject: string): Promise<Id> {
  let found: Id | undefined;
  await expect
    .poll(
      async () => {
        const { ids } = await recipient.ok<{ ids: Id[] }>('Email/query', {
          accountId: recipient.accountId,
          filter: { subject },
        });
        found = ids[0];
        return ids.length;
      },
      { timeout: 15_000, message: `"${subject}" did not reach ${recipient.email}` },
    )
    .toBeGreaterThan(0);
  return found!;
}

/** A held submission: it stays pending, so the tests see a stable object (and nothing is sent). */
export async function heldSubmission(
  account: JmapAccount,
  subject: string,
): Promise<{ id: Id; emailId: Id }> {
  const identityId = await ownIdentity(account);
  const emailId = await draft(account, { to: ['nobody@example.org'], subject });
  const result = await account.ok<SetResponse>('EmailSubmission/set', {
    accountId: account.accountId,
    create: {
      s: {
        identityId,
        emailId,
        envelope: {
          mailFrom: { email: account.email, parameters: { HOLDFOR: '86400' } },
          rcptTo: [{ email: 'nobody@example.org' }],
        },
      },
    },
  });
  return { id: createdId(result, 's'), emailId };
}

/** Two held submissions a file's tests share (made on first use). */
export const twoHeldSubmissions = perAccount(async (account) => ({
  first: await heldSubmission(account, 'Submission one'),
  second: await heldSubmission(account, 'Submission two'),
}));
