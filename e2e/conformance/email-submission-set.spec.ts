import type { EmailSubmission, Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { mailboxesByRole } from './support/mail.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';
import { draft, heldSubmission, ownIdentity, receivedBy } from './support/submission.js';

const submit = (account: JmapAccount, args: Record<string, unknown>) =>
  account.request([['EmailSubmission/set', { accountId: account.accountId, ...args }, 's']]);

async function submissionOf(account: JmapAccount, id: Id): Promise<EmailSubmission> {
  const { list } = await account.ok<{ list: EmailSubmission[] }>('EmailSubmission/get', {
    accountId: account.accountId,
    ids: [id],
  });
  return list[0]!;
}

/** A recipient of its own, the sender's identity, and a draft to the recipient. */
async function draftToNewUser(
  account: JmapAccount,
  newAccount: () => Promise<JmapAccount>,
  subject: string,
): Promise<{ bob: JmapAccount; identityId: Id; emailId: Id }> {
  const bob = await newAccount();
  const identityId = await ownIdentity(account);
  return { bob, identityId, emailId: await draft(account, { to: [bob.email], subject }) };
}

test.describe('RFC 8621 §7.5 EmailSubmission/set', () => {
  test('RFC 8621 §7.5: a submission delivers the email to the envelope recipients', async ({
    account,
    newAccount,
  }) => {
    const { bob, identityId, emailId } = await draftToNewUser(account, newAccount, 'Submission delivered');
    const { methodResponses } = await submit(account, {
      create: {
        s: {
          identityId,
          emailId,
          envelope: { mailFrom: { email: account.email }, rcptTo: [{ email: bob.email }] },
        },
      },
    });
    const result = methodResponses[0]?.[1] as unknown as SetResponse;
    const id = createdId(result, 's');
    expect(result.created?.s).toMatchObject({ id, undoStatus: expect.stringMatching(/^(pending|final)$/) });
    await receivedBy(bob, 'Submission delivered');
    const submission = await submissionOf(account, id);
    expect(submission).toMatchObject({
      identityId,
      emailId,
      envelope: { mailFrom: { email: account.email }, rcptTo: [{ email: bob.email }] },
    });
  });

  test('RFC 8621 §7.5: without an envelope it is derived from the headers, Bcc included but not sent', async ({
    account,
    newAccount,
  }) => {
    const [to, hidden] = [await newAccount(), await newAccount()];
    const identityId = await ownIdentity(account);
    const emailId = await draft(account, {
      to: [to.email],
      bcc: [hidden.email],
      subject: 'Derived envelope',
    });
    const { methodResponses } = await submit(account, { create: { s: { identityId, emailId } } });
    const id = createdId(methodResponses[0]?.[1] as unknown as SetResponse, 's');
    const submission = await submissionOf(account, id);
    expect(submission.envelope?.mailFrom.email).toBe(account.email);
    expect(submission.envelope?.rcptTo.map((a) => a.email).sort()).toEqual([to.email, hidden.email].sort());
    const received = await receivedBy(hidden, 'Derived envelope');
    const { list } = await hidden.ok<{ list: { bcc: unknown }[] }>('Email/get', {
      accountId: hidden.accountId,
      ids: [received],
      properties: ['bcc'],
    });
    expect(list[0]?.bcc ?? null).toBeNull();
  });

  test('RFC 8621 §7.5: onSuccessUpdateEmail runs as an implicit Email/set after the submission', async ({
    account,
    newAccount,
  }) => {
    const { drafts, sent } = await mailboxesByRole(account);
    const { identityId, emailId } = await draftToNewUser(account, newAccount, 'Moved to Sent');
    const { methodResponses } = await submit(account, {
      create: { s: { identityId, emailId } },
      onSuccessUpdateEmail: {
        '#s': { [`mailboxIds/${drafts}`]: null, [`mailboxIds/${sent}`]: true, 'keywords/$draft': null },
      },
    });
    expect(methodResponses.map(([name, , callId]) => [name, callId])).toEqual([
      ['EmailSubmission/set', 's'],
      ['Email/set', 's'],
    ]);
    expect(methodResponses[1]?.[1].updated).toHaveProperty(emailId);
    const { list } = await account.ok<{
      list: { mailboxIds: Record<Id, true>; keywords: Record<string, true> }[];
    }>('Email/get', { accountId: account.accountId, ids: [emailId], properties: ['mailboxIds', 'keywords'] });
    expect(list[0]).toMatchObject({ mailboxIds: { [sent!]: true }, keywords: { $seen: true } });
  });

  test('RFC 8621 §7.5: onSuccessDestroyEmail destroys the email in an implicit Email/set', async ({
    account,
    newAccount,
  }) => {
    const { bob, identityId, emailId } = await draftToNewUser(account, newAccount, 'Destroyed after send');
    const { methodResponses } = await submit(account, {
      create: { s: { identityId, emailId } },
      onSuccessDestroyEmail: ['#s'],
    });
    expect(methodResponses[1]?.[0]).toBe('Email/set');
    expect(methodResponses[1]?.[1].destroyed).toEqual([emailId]);
    await receivedBy(bob, 'Destroyed after send');
  });

  test('RFC 8621 §7.5: a held submission (FUTURERELEASE HOLDFOR) is pending and can be canceled', async ({
    account,
    newAccount,
  }) => {
    const { bob, identityId, emailId } = await draftToNewUser(account, newAccount, 'Held for an hour');
    const before = Date.now();
    const { methodResponses } = await submit(account, {
      create: {
        s: {
          identityId,
          emailId,
          envelope: {
            mailFrom: { email: account.email, parameters: { HOLDFOR: '3600' } },
            rcptTo: [{ email: bob.email }],
          },
        },
      },
    });
    const id = createdId(methodResponses[0]?.[1] as unknown as SetResponse, 's');
    const held = await submissionOf(account, id);
    expect(held.undoStatus).toBe('pending');
    expect(Date.parse(held.sendAt)).toBeGreaterThanOrEqual(before + 3_590_000);

    const bad = await submit(account, { update: { [id]: { undoStatus: 'final' } } });
    expect((bad.methodResponses[0]?.[1] as unknown as SetResponse).notUpdated?.[id]?.type).toBe(
      'invalidProperties',
    );
    const cancel = await submit(account, { update: { [id]: { undoStatus: 'canceled' } } });
    expect((cancel.methodResponses[0]?.[1] as unknown as SetResponse).updated).toHaveProperty(id);
    expect((await submissionOf(account, id)).undoStatus).toBe('canceled');
  });

  test('RFC 8621 §1.3.2: a hold longer than maxDelayedSend is refused', async ({ account }) => {
    const capability = account.session.accounts[account.accountId]?.accountCapabilities[
      'urn:ietf:params:jmap:submission'
    ] as { maxDelayedSend: number };
    expect(capability.maxDelayedSend).toBeGreaterThan(0);
    const identityId = await ownIdentity(account);
    const emailId = await draft(account, { to: ['someone@example.org'], subject: 'Too late' });
    const { methodResponses } = await submit(account, {
      create: {
        s: {
          identityId,
          emailId,
          envelope: {
            mailFrom: {
              email: account.email,
              parameters: { HOLDFOR: String(capability.maxDelayedSend + 60) },
            },
            rcptTo: [{ email: 'someone@example.org' }],
          },
        },
      },
    });
    const result = methodResponses[0]?.[1] as unknown as SetResponse;
    expect(result.created ?? {}).toEqual({});
    expect(result.notCreated?.s).toBeDefined();
  });

  test('RFC 8621 §7.5: noRecipients, invalidRecipients, forbiddenMailFrom, forbiddenFrom and invalidEmail', async ({
    account,
  }) => {
    const identityId = await ownIdentity(account);
    const { drafts } = await mailboxesByRole(account);
    const ok = await draft(account, { to: ['someone@example.org'], subject: 'Errors' });
    const spoofed = await draft(account, {
      to: ['someone@example.org'],
      subject: 'Spoofed',
      from: 'ceo@example.org',
    });
    const noFrom = createdId(
      await account.ok<SetResponse>('Email/set', {
        accountId: account.accountId,
        create: {
          n: { mailboxIds: { [drafts!]: true }, to: [{ email: 'someone@example.org' }], subject: 'No From' },
        },
      }),
      'n',
    );
    const envelope = (mailFrom: string, rcptTo: string[]) => ({
      mailFrom: { email: mailFrom },
      rcptTo: rcptTo.map((email) => ({ email })),
    });
    const { methodResponses } = await submit(account, {
      create: {
        none: { identityId, emailId: ok, envelope: envelope(account.email, []) },
        invalid: { identityId, emailId: ok, envelope: envelope(account.email, ['not an address']) },
        mailFrom: {
          identityId,
          emailId: ok,
          envelope: envelope('boss@example.org', ['someone@example.org']),
        },
        from: { identityId, emailId: spoofed },
        email: { identityId, emailId: noFrom },
      },
    });
    const result = methodResponses[0]?.[1] as unknown as SetResponse;
    expect(result.created ?? {}).toEqual({});
    expect(result.notCreated?.none?.type).toBe('noRecipients');
    expect(result.notCreated?.invalid?.type).toBe('invalidRecipients');
    expect(result.notCreated?.mailFrom?.type).toBe('forbiddenMailFrom');
    expect(result.notCreated?.from?.type).toBe('forbiddenFrom');
    expect(result.notCreated?.email?.type).toBe('invalidEmail');
  });

  test('RFC 8620 §5.3: a submission can be destroyed; the email stays', async ({ account }) => {
    const { id, emailId } = await heldSubmission(account, 'Destroy the submission');
    const { methodResponses } = await submit(account, { destroy: [id] });
    expect((methodResponses[0]?.[1] as unknown as SetResponse).destroyed).toEqual([id]);
    const { notFound } = await account.ok<{ notFound: Id[] }>('EmailSubmission/get', {
      accountId: account.accountId,
      ids: [id],
    });
    expect(notFound).toEqual([id]);
    const email = await account.ok<{ list: unknown[] }>('Email/get', {
      accountId: account.accountId,
      ids: [emailId],
      properties: ['id'],
    });
    expect(email.list).toHaveLength(1);
  });

  test('RFC 8620 §5.3: an EmailSubmission may name an Email created earlier in the request (#id)', async ({
    account,
    newAccount,
  }) => {
    const bob = await newAccount();
    const identityId = await ownIdentity(account);
    const { drafts } = await mailboxesByRole(account);
    const { methodResponses } = await account.request([
      [
        'Email/set',
        {
          accountId: account.accountId,
          create: {
            e: {
              mailboxIds: { [drafts!]: true },
              from: [{ email: account.email }],
              to: [{ email: bob.email }],
              subject: 'Created and sent at once',
              textBody: [{ partId: 't', type: 'text/plain' }],
              bodyValues: { t: { value: 'One request.' } },
            },
          },
        },
        'e',
      ],
      [
        'EmailSubmission/set',
        { accountId: account.accountId, create: { s: { identityId, emailId: '#e' } } },
        's',
      ],
    ]);
    const created = createdId(methodResponses[1]?.[1] as unknown as SetResponse, 's');
    expect(created).toBeTruthy();
    await receivedBy(bob, 'Created and sent at once');
  });

  test('RFC 8620 §5.3: identityId may name an Identity created earlier in the request (#creationId)', async ({
    account,
    newAccount,
  }) => {
    const bob = await newAccount();
    const emailId = await draft(account, { to: [bob.email], subject: 'Sent with a new identity' });
    const { methodResponses } = await account.request([
      [
        'Identity/set',
        { accountId: account.accountId, create: { id1: { email: account.email, name: 'New' } } },
        'i',
      ],
      [
        'EmailSubmission/set',
        { accountId: account.accountId, create: { s: { identityId: '#id1', emailId } } },
        's',
      ],
    ]);
    const identityId = createdId(methodResponses[0]?.[1] as unknown as SetResponse, 'id1');
    const id = createdId(methodResponses[1]?.[1] as unknown as SetResponse, 's');
    expect((await submissionOf(account, id)).identityId).toBe(identityId);
    await receivedBy(bob, 'Sent with a new identity');
  });
});
