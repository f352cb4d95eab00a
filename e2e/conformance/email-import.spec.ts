import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { mailboxesByRole, rfc822, stateOf } from './support/mail.js';
import type { SetResponse } from './support/set.js';

const importEmails = (
  account: JmapAccount,
  emails: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => account.ok<SetResponse>('Email/import', { accountId: account.accountId, emails, ...extra });

test.describe('RFC 8621 §4.8 Email/import', () => {
  test('RFC 8621 §4.8: an uploaded message becomes an Email with the given mailboxes, keywords and receivedAt', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const raw = rfc822({ subject: 'Imported', messageId: '<imp-1@example.org>' });
    const { blobId } = await account.upload(raw, 'message/rfc822');
    const before = await stateOf(account, 'Email');
    const result = await importEmails(account, {
      i: {
        blobId,
        mailboxIds: { [inbox!]: true },
        keywords: { $seen: true },
        receivedAt: '2026-04-01T08:00:00Z',
      },
    });
    expect(result.oldState).toBe(before);
    expect(result.newState).not.toBe(before);
    const created = result.created?.i as { id: Id; blobId: Id; threadId: Id; size: number };
    expect(created).toMatchObject({ blobId, size: Buffer.byteLength(raw) });
    const { list } = await account.ok<{ list: Record<string, unknown>[] }>('Email/get', {
      accountId: account.accountId,
      ids: [created.id],
      properties: ['subject', 'mailboxIds', 'keywords', 'receivedAt', 'messageId', 'threadId'],
    });
    expect(list[0]).toEqual({
      id: created.id,
      subject: 'Imported',
      mailboxIds: { [inbox!]: true },
      keywords: { $seen: true },
      receivedAt: '2026-04-01T08:00:00Z',
      messageId: ['imp-1@example.org'],
      threadId: created.threadId,
    });
  });

  test('RFC 8621 §4.8: without receivedAt the server uses the time of import', async ({ account }) => {
    const { inbox } = await mailboxesByRole(account);
    const { blobId } = await account.upload(rfc822(), 'message/rfc822');
    const start = Date.now();
    const result = await importEmails(account, { i: { blobId, mailboxIds: { [inbox!]: true } } });
    const id = (result.created?.i as { id: Id }).id;
    const { list } = await account.ok<{ list: { receivedAt: string }[] }>('Email/get', {
      accountId: account.accountId,
      ids: [id],
      properties: ['receivedAt'],
    });
    const receivedAt = Date.parse(list[0]!.receivedAt);
    expect(receivedAt).toBeGreaterThanOrEqual(Math.floor(start / 1000) * 1000 - 1000);
    expect(receivedAt).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('RFC 8621 §4.8: an unknown blobId is blobNotFound; no or unknown mailboxes are invalidProperties', async ({
    account,
  }) => {
    const { blobId } = await account.upload(rfc822(), 'message/rfc822');
    const { inbox } = await mailboxesByRole(account);
    const result = await importEmails(account, {
      missing: { blobId: 'Gnope', mailboxIds: { [inbox!]: true } },
      noMailbox: { blobId, mailboxIds: {} },
      unknownMailbox: { blobId, mailboxIds: { Mnope: true } },
    });
    expect(result.created ?? {}).toEqual({});
    expect(result.notCreated?.missing?.type).toBe('blobNotFound');
    expect(result.notCreated?.noMailbox?.type).toBe('invalidProperties');
    expect(result.notCreated?.unknownMailbox?.type).toBe('invalidProperties');
  });

  test('RFC 8621 §4.8: ifInState mismatch answers stateMismatch', async ({ account }) => {
    const { blobId } = await account.upload(rfc822(), 'message/rfc822');
    const { inbox } = await mailboxesByRole(account);
    expectMethodError(
      await account.invoke('Email/import', {
        accountId: account.accountId,
        ifInState: 'stale',
        emails: { i: { blobId, mailboxIds: { [inbox!]: true } } },
      }),
      'stateMismatch',
    );
  });

  test('RFC 8621 §4.8: a blob uploaded by another user is blobNotFound', async ({ account, newAccount }) => {
    const other = await newAccount();
    const { blobId } = await other.upload(rfc822({ subject: 'Not yours' }), 'message/rfc822');
    const { inbox } = await mailboxesByRole(account);
    const result = await importEmails(account, { i: { blobId, mailboxIds: { [inbox!]: true } } });
    expect(result.notCreated?.i?.type).toBe('blobNotFound');
  });

  test('RFC 8620 §5.3: mailboxIds may name a Mailbox created earlier in the request (#creationId)', async ({
    account,
  }) => {
    const { blobId } = await account.upload(rfc822({ subject: 'Into a new mailbox' }), 'message/rfc822');
    const { methodResponses } = await account.request([
      ['Mailbox/set', { accountId: account.accountId, create: { m: { name: 'Import target' } } }, 'm'],
      [
        'Email/import',
        { accountId: account.accountId, emails: { i: { blobId, mailboxIds: { '#m': true } } } },
        'i',
      ],
    ]);
    const mailboxId = (methodResponses[0]?.[1].created as Record<string, { id: Id }>).m!.id;
    const created = (methodResponses[1]?.[1].created as Record<string, { id: Id }> | null)?.i;
    expect(created).toBeDefined();
    const { list } = await account.ok<{ list: { mailboxIds: Record<Id, true> }[] }>('Email/get', {
      accountId: account.accountId,
      ids: [created!.id],
      properties: ['mailboxIds'],
    });
    expect(list[0]?.mailboxIds).toEqual({ [mailboxId]: true });
  });
});
