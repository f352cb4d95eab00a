import { expect, test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';

// As for Email/copy: a Colibri user reaches one account, so only the argument rules are checkable.
test.describe('RFC 8620 §6.3 Blob/copy', () => {
  test('RFC 8620 §6.3: a fromAccountId the user cannot access answers fromAccountNotFound', async ({
    account,
    newAccount,
  }) => {
    const other = await newAccount();
    const { blobId } = await other.upload('secret', 'text/plain');
    expectMethodError(
      await account.invoke('Blob/copy', {
        fromAccountId: other.accountId,
        accountId: account.accountId,
        blobIds: [blobId],
      }),
      'fromAccountNotFound',
    );
  });

  test('RFC 8620 §6.3: an accountId the user cannot access answers accountNotFound', async ({ account }) => {
    const { blobId } = await account.upload('mine', 'text/plain');
    expectMethodError(
      await account.invoke('Blob/copy', {
        fromAccountId: account.accountId,
        accountId: 'Anope',
        blobIds: [blobId],
      }),
      'accountNotFound',
    );
  });

  test('RFC 8620 §6.3: the response has fromAccountId, accountId, copied and notCopied', async ({
    account,
  }) => {
    const { blobId } = await account.upload('copy me', 'text/plain');
    const [name, args] = await account.invoke('Blob/copy', {
      fromAccountId: account.accountId,
      accountId: account.accountId,
      blobIds: [blobId, 'Gnope'],
    });
    // A copy within one account is not forbidden by §6.3 (unlike §5.4): either it is answered with
    // the standard response, or refused as invalidArguments.
    if (name === 'error') expect(args.type).toBe('invalidArguments');
    else {
      expect(args).toMatchObject({ fromAccountId: account.accountId, accountId: account.accountId });
      expect(args.copied).toEqual({ [blobId]: blobId });
      // §6.3: a blob that cannot be found is the notFound SetError.
      expect((args.notCopied as Record<string, { type: string }>).Gnope?.type).toBe('notFound');
    }
  });
});
