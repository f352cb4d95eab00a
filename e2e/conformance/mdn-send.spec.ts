import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { askingForReceipt, displayed } from './support/mdn.js';
import { ownIdentity, receivedBy } from './support/submission.js';

interface MdnSendResponse {
  accountId: Id;
  sent: Record<string, Record<string, unknown>> | null;
  notSent: Record<string, { type: string }> | null;
}

const sendMdn = (account: JmapAccount, args: Record<string, unknown>) =>
  account.request([['MDN/send', { accountId: account.accountId, ...args }, 'm']]);

test.describe('RFC 9007 §2.1 MDN/send', () => {
  test('RFC 9007 §2.1: MDN/send sends the receipt and runs onSuccessUpdateEmail as an implicit Email/set', async ({
    account,
    newAccount,
  }) => {
    const requester = await newAccount();
    const identityId = await ownIdentity(account);
    const emailId = await askingForReceipt(account, requester, 'Please confirm');
    const { methodResponses } = await sendMdn(account, {
      identityId,
      send: { k: { forEmailId: emailId, subject: 'Read: Please confirm', disposition: displayed } },
      onSuccessUpdateEmail: { '#k': { 'keywords/$mdnsent': true } },
    });
    const result = methodResponses[0]?.[1] as unknown as MdnSendResponse;
    expect(methodResponses[0]?.[0]).toBe('MDN/send');
    expect(result.sent).toHaveProperty('k');
    expect(methodResponses[1]?.[0]).toBe('Email/set');
    expect(methodResponses[1]?.[1].updated).toHaveProperty(emailId);

    // The receipt reaches the requester, and MDN/parse reads it back (RFC 9007 §2.2).
    const receiptId = await receivedBy(requester, 'Read: Please confirm');
    const { list } = await requester.ok<{ list: { blobId: Id }[] }>('Email/get', {
      accountId: requester.accountId,
      ids: [receiptId],
      properties: ['blobId'],
    });
    const blobId = list[0]!.blobId;
    const parsed = await requester.ok<{ parsed: Record<Id, Record<string, unknown>> | null }>('MDN/parse', {
      accountId: requester.accountId,
      blobIds: [blobId],
    });
    expect(parsed.parsed?.[blobId]).toMatchObject({
      disposition: displayed,
      originalMessageId: '<Pleaseconfirm@example.org>',
    });
  });

  test('RFC 9007 §2.1: a second receipt for an email with $mdnsent is mdnAlreadySent', async ({
    account,
    newAccount,
  }) => {
    const requester = await newAccount();
    const identityId = await ownIdentity(account);
    const emailId = await askingForReceipt(account, requester, 'Only once');
    await account.ok('Email/set', {
      accountId: account.accountId,
      update: { [emailId]: { 'keywords/$mdnsent': true } },
    });
    const { methodResponses } = await sendMdn(account, {
      identityId,
      send: { k: { forEmailId: emailId, disposition: displayed } },
    });
    expect((methodResponses[0]?.[1] as unknown as MdnSendResponse).notSent?.k?.type).toBe('mdnAlreadySent');
  });

  test('RFC 9007 §2.1: an unknown forEmailId is notFound; a bad disposition is invalidProperties', async ({
    account,
    newAccount,
  }) => {
    const requester = await newAccount();
    const identityId = await ownIdentity(account);
    const emailId = await askingForReceipt(account, requester, 'Bad receipts');
    const { methodResponses } = await sendMdn(account, {
      identityId,
      send: {
        missing: { forEmailId: 'Enope', disposition: displayed },
        bad: { forEmailId: emailId, disposition: { ...displayed, type: 'eaten' } },
      },
    });
    const result = methodResponses[0]?.[1] as unknown as MdnSendResponse;
    expect(result.notSent?.missing?.type).toBe('notFound');
    expect(result.notSent?.bad?.type).toBe('invalidProperties');
  });
});
