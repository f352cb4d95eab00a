import { Capability } from '@colibri/jmap-types';
import type { Id, Mailbox } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

interface GetResult {
  accountId: Id;
  state: string;
  list: Partial<Mailbox>[];
  notFound: Id[];
}

// RFC 8621 §2: every Mailbox property, and every right of myRights.
const properties =
  'id name parentId role sortOrder totalEmails unreadEmails totalThreads unreadThreads myRights isSubscribed'
    .split(' ')
    .sort();
const rights =
  'mayReadItems mayAddItems mayRemoveItems maySetSeen maySetKeywords mayCreateChild mayRename mayDelete maySubmit'.split(
    ' ',
  );

test.describe('RFC 8621 §2.1 Mailbox/get', () => {
  test('RFC 8621 §2: ids null returns every Mailbox with every property', async ({ account }) => {
    const result = await account.ok<GetResult>('Mailbox/get', { accountId: account.accountId, ids: null });
    expect(result.accountId).toBe(account.accountId);
    expect(typeof result.state).toBe('string');
    expect(result.notFound).toEqual([]);
    // A server that shares mailboxes (RFC 9670 §4) adds shareWith, and may name a right to share.
    const sharing = Capability.Principals in account.session.capabilities;
    for (const mailbox of result.list) {
      expect(Object.keys(mailbox).sort()).toEqual(sharing ? [...properties, 'shareWith'].sort() : properties);
      const named = Object.keys(mailbox.myRights ?? {}).filter((right) => !(sharing && right === 'mayShare'));
      expect(named.sort()).toEqual([...rights].sort());
    }
  });

  test('RFC 8621 §2: an account has at most one Mailbox per role, and an inbox', async ({ account }) => {
    const { list } = await account.ok<GetResult>('Mailbox/get', {
      accountId: account.accountId,
      ids: null,
      properties: ['role'],
    });
    const roles = list.map((m) => m.role).filter((role) => role != null);
    expect(new Set(roles).size).toBe(roles.length);
    expect(roles).toContain('inbox');
  });

  test('RFC 8620 §5.1: properties limits the answer, and id is always returned', async ({ account }) => {
    const { list } = await account.ok<GetResult>('Mailbox/get', {
      accountId: account.accountId,
      ids: null,
      properties: ['name'],
    });
    for (const mailbox of list) expect(Object.keys(mailbox).sort()).toEqual(['id', 'name']);
  });

  test('RFC 8620 §5.1: unknown ids are in notFound; known ones are listed once', async ({ account }) => {
    const { inbox } = await mailboxesByRole(account);
    const result = await account.ok<GetResult>('Mailbox/get', {
      accountId: account.accountId,
      ids: [inbox, 'Mnope', inbox],
      properties: ['role'],
    });
    expect(result.list).toEqual([{ id: inbox, role: 'inbox' }]);
    expect(result.notFound).toEqual(['Mnope']);
  });

  test('RFC 8620 §5.1: an unknown property answers invalidArguments', async ({ account }) => {
    const response = await account.invoke('Mailbox/get', {
      accountId: account.accountId,
      ids: null,
      properties: ['name', 'colour'],
    });
    expectMethodError(response, 'invalidArguments');
  });

  test('RFC 8620 §5.1: more ids than maxObjectsInGet answers requestTooLarge', async ({ account }) => {
    const max = account.session.capabilities['urn:ietf:params:jmap:core'].maxObjectsInGet;
    const ids = Array.from({ length: max + 1 }, (_, i) => `M${i}`);
    expectMethodError(
      await account.invoke('Mailbox/get', { accountId: account.accountId, ids }),
      'requestTooLarge',
    );
  });

  test('RFC 8621 §2: totalEmails, unreadEmails, totalThreads and unreadThreads count the mail', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const counts = async () =>
      (
        await account.ok<GetResult>('Mailbox/get', {
          accountId: account.accountId,
          ids: [inbox],
          properties: ['totalEmails', 'unreadEmails', 'totalThreads', 'unreadThreads'],
        })
      ).list[0];
    const before = await counts();
    const first = await importMessage(account, rfc822({ messageId: '<count-1@example.org>' }), [inbox!]);
    // A reply in the same thread, already read.
    await importMessage(
      account,
      rfc822({
        messageId: '<count-2@example.org>',
        inReplyTo: '<count-1@example.org>',
        subject: 'Re: Hello',
      }),
      [inbox!],
      { keywords: { $seen: true } },
    );
    expect(await counts()).toEqual({
      id: inbox,
      totalEmails: (before?.totalEmails ?? 0) + 2,
      unreadEmails: (before?.unreadEmails ?? 0) + 1,
      totalThreads: (before?.totalThreads ?? 0) + 1,
      unreadThreads: (before?.unreadThreads ?? 0) + 1,
    });
    await account.ok('Email/set', {
      accountId: account.accountId,
      update: { [first.id]: { 'keywords/$seen': true } },
    });
    expect(await counts()).toMatchObject({
      unreadEmails: before?.unreadEmails ?? 0,
      unreadThreads: before?.unreadThreads ?? 0,
    });
  });

  test('RFC 8620 §5.1: an empty properties list returns only the id', async ({ account }) => {
    const { list } = await account.ok<GetResult>('Mailbox/get', {
      accountId: account.accountId,
      ids: null,
      properties: [],
    });
    expect(list.length).toBeGreaterThan(0);
    for (const mailbox of list) expect(Object.keys(mailbox)).toEqual(['id']);
  });
});
