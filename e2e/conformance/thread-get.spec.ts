import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

interface ThreadGet {
  state: string;
  list: { id: Id; emailIds: Id[] }[];
  notFound: Id[];
}

test.describe('RFC 8621 §3.1 Thread/get', () => {
  test('RFC 8621 §3: a reply joins its parent’s thread; emailIds are sorted by receivedAt', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    // Imported newest first: the order of emailIds must follow receivedAt, not import order.
    const reply = await importMessage(
      account,
      rfc822({ subject: 'Re: Plans', messageId: '<tg-2@example.org>', inReplyTo: '<tg-1@example.org>' }),
      [inbox!],
      { receivedAt: '2026-03-02T11:00:00Z' },
    );
    const parent = await importMessage(
      account,
      rfc822({ subject: 'Plans', messageId: '<tg-1@example.org>' }),
      [inbox!],
      {
        receivedAt: '2026-03-02T10:00:00Z',
      },
    );
    const other = await importMessage(
      account,
      rfc822({ subject: 'Unrelated', messageId: '<tg-x@example.org>' }),
      [inbox!],
    );
    expect(reply.threadId).toBe(parent.threadId);
    expect(other.threadId).not.toBe(parent.threadId);

    const result = await account.ok<ThreadGet>('Thread/get', {
      accountId: account.accountId,
      ids: [parent.threadId, other.threadId, 'Tnope'],
    });
    expect(result.list).toEqual([
      { id: parent.threadId, emailIds: [parent.id, reply.id] },
      { id: other.threadId, emailIds: [other.id] },
    ]);
    expect(result.notFound).toEqual(['Tnope']);
    expect(typeof result.state).toBe('string');
  });

  test('RFC 8621 §3: a thread whose emails are all destroyed is gone', async ({ account }) => {
    const { inbox } = await mailboxesByRole(account);
    const lone = await importMessage(account, rfc822({ subject: 'Lone' }), [inbox!]);
    await account.ok('Email/set', { accountId: account.accountId, destroy: [lone.id] });
    const result = await account.ok<ThreadGet>('Thread/get', {
      accountId: account.accountId,
      ids: [lone.threadId],
    });
    expect(result).toMatchObject({ list: [], notFound: [lone.threadId] });
  });

  test('RFC 8620 §5.1: an unknown property answers invalidArguments', async ({ account }) => {
    expectMethodError(
      await account.invoke('Thread/get', { accountId: account.accountId, ids: [], properties: ['subject'] }),
      'invalidArguments',
    );
  });
});
