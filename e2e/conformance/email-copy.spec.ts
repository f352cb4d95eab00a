import { test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

// The argument rules of /copy (RFC 8620 §5.4) that hold on any server; a copy between accounts
// shared with the user (RFC 9670) is in sharing.spec.ts.
test.describe('RFC 8621 §4.7 Email/copy', () => {
  test('RFC 8620 §5.4: fromAccountId equal to accountId answers invalidArguments', async ({ account }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822(), [inbox!]);
    expectMethodError(
      await account.invoke('Email/copy', {
        fromAccountId: account.accountId,
        accountId: account.accountId,
        create: { c: { id: email.id, mailboxIds: { [inbox!]: true } } },
      }),
      'invalidArguments',
    );
  });

  test('RFC 8620 §5.4: a fromAccountId the user cannot access answers fromAccountNotFound', async ({
    account,
    newAccount,
  }) => {
    const other = await newAccount();
    const { inbox } = await mailboxesByRole(other);
    const email = await importMessage(other, rfc822(), [inbox!]);
    const mine = await mailboxesByRole(account);
    expectMethodError(
      await account.invoke('Email/copy', {
        fromAccountId: other.accountId,
        accountId: account.accountId,
        create: { c: { id: email.id, mailboxIds: { [mine.inbox!]: true } } },
      }),
      'fromAccountNotFound',
    );
  });

  test('RFC 8620 §5.4: an accountId the user cannot access answers accountNotFound', async ({ account }) => {
    expectMethodError(
      await account.invoke('Email/copy', {
        fromAccountId: account.accountId,
        accountId: 'Anope',
        create: {},
      }),
      'accountNotFound',
    );
  });
});
