import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822, stateOf } from './support/mail.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

const setMailboxes = (account: JmapAccount, args: Record<string, unknown>) =>
  account.ok<SetResponse>('Mailbox/set', { accountId: account.accountId, ...args });

async function mailbox(account: JmapAccount, id: Id): Promise<Record<string, unknown> | undefined> {
  const { list } = await account.ok<{ list: Record<string, unknown>[] }>('Mailbox/get', {
    accountId: account.accountId,
    ids: [id],
  });
  return list[0];
}

test.describe('RFC 8621 §2.5 Mailbox/set', () => {
  test('RFC 8620 §5.3: create answers the id and the server-set properties; states move on', async ({
    account,
  }) => {
    const before = await stateOf(account, 'Mailbox');
    const result = await setMailboxes(account, { create: { w: { name: 'Work', sortOrder: 7 } } });
    expect(result.oldState).toBe(before);
    expect(result.newState).not.toBe(before);
    expect(result.newState).toBe(await stateOf(account, 'Mailbox'));
    const id = createdId(result, 'w');
    // Properties the client did not give and the server chose must be returned (§5.3 created).
    expect(result.created?.w).toMatchObject({ totalEmails: 0, unreadEmails: 0 });
    expect(await mailbox(account, id)).toMatchObject({
      name: 'Work',
      sortOrder: 7,
      parentId: null,
      role: null,
      totalEmails: 0,
    });
  });

  test('RFC 8621 §2.5: a create without a name, with an unknown property or a server-set one is invalidProperties', async ({
    account,
  }) => {
    const result = await setMailboxes(account, {
      create: {
        noName: { sortOrder: 1 },
        unknown: { name: 'Has colour', colour: 'red' },
        serverSet: { name: 'Counts', totalEmails: 3 },
        emptyName: { name: '' },
      },
    });
    expect(result.created ?? {}).toEqual({});
    expect(result.notCreated?.noName?.type).toBe('invalidProperties');
    expect(result.notCreated?.unknown).toMatchObject({ type: 'invalidProperties', properties: ['colour'] });
    expect(result.notCreated?.serverSet).toMatchObject({
      type: 'invalidProperties',
      properties: ['totalEmails'],
    });
    expect(result.notCreated?.emptyName).toMatchObject({ type: 'invalidProperties', properties: ['name'] });
  });

  test('RFC 8621 §2: a second Mailbox with a role already taken is refused', async ({ account }) => {
    const result = await setMailboxes(account, { create: { inbox2: { name: 'Inbox two', role: 'inbox' } } });
    expect(result.notCreated?.inbox2?.type).toBe('invalidProperties');
  });

  test('RFC 8621 §2: a sibling with the same name is refused', async ({ account }) => {
    await setMailboxes(account, { create: { a: { name: 'Twin' } } });
    const result = await setMailboxes(account, { create: { b: { name: 'Twin' } } });
    expect(result.notCreated?.b?.type).toMatch(/^(invalidProperties|alreadyExists)$/);
  });

  test('RFC 8620 §5.3: update applies a patch and answers updated (null when nothing else changed)', async ({
    account,
  }) => {
    const id = createdId(await setMailboxes(account, { create: { p: { name: 'Patch me' } } }), 'p');
    const result = await setMailboxes(account, {
      update: { [id]: { name: 'Patched', isSubscribed: false } },
    });
    expect(Object.keys(result.updated ?? {})).toEqual([id]);
    expect(await mailbox(account, id)).toMatchObject({ name: 'Patched', isSubscribed: false });
  });

  test('RFC 8620 §5.3: a patch into a server-set or unknown path is invalidProperties', async ({
    account,
  }) => {
    const id = createdId(await setMailboxes(account, { create: { p: { name: 'Patch paths' } } }), 'p');
    const result = await setMailboxes(account, {
      update: { [id]: { 'myRights/mayDelete': false } },
    });
    expect(result.notUpdated?.[id]?.type).toBe('invalidProperties');
    const unknown = await setMailboxes(account, { update: { [id]: { colour: 'red' } } });
    expect(unknown.notUpdated?.[id]).toMatchObject({ type: 'invalidProperties', properties: ['colour'] });
    expect(await mailbox(account, id)).toMatchObject({ name: 'Patch paths' });
  });

  test('RFC 8620 §5.3: update and destroy of an unknown id are notFound', async ({ account }) => {
    const result = await setMailboxes(account, { update: { Mnope: { name: 'x' } }, destroy: ['Mnope2'] });
    expect(result.notUpdated?.Mnope?.type).toBe('notFound');
    expect(result.notDestroyed?.Mnope2?.type).toBe('notFound');
  });

  test('RFC 8621 §2.5: a parentId that makes a loop is invalidProperties', async ({ account }) => {
    const created = await setMailboxes(account, {
      create: { top: { name: 'Loop top' }, child: { name: 'Loop child', parentId: '#top' } },
    });
    const top = createdId(created, 'top');
    const child = createdId(created, 'child');
    const result = await setMailboxes(account, { update: { [top]: { parentId: child } } });
    expect(result.notUpdated?.[top]).toMatchObject({ type: 'invalidProperties', properties: ['parentId'] });
  });

  test('RFC 8621 §2.5: destroying a Mailbox with a child is mailboxHasChild', async ({ account }) => {
    const created = await setMailboxes(account, {
      create: { top: { name: 'Has child' }, child: { name: 'The child', parentId: '#top' } },
    });
    const top = createdId(created, 'top');
    const result = await setMailboxes(account, { destroy: [top] });
    expect(result.notDestroyed?.[top]?.type).toBe('mailboxHasChild');
  });

  test('RFC 8621 §2.5: destroying a Mailbox with mail is mailboxHasEmail unless onDestroyRemoveEmails', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const box = createdId(await setMailboxes(account, { create: { b: { name: 'Full' } } }), 'b');
    const onlyHere = await importMessage(account, rfc822({ subject: 'Only here' }), [box]);
    const alsoInbox = await importMessage(account, rfc822({ subject: 'Also in inbox' }), [box, inbox!]);

    const refused = await setMailboxes(account, { destroy: [box] });
    expect(refused.notDestroyed?.[box]?.type).toBe('mailboxHasEmail');

    const destroyed = await setMailboxes(account, { destroy: [box], onDestroyRemoveEmails: true });
    expect(destroyed.destroyed).toEqual([box]);
    // An email only in the destroyed Mailbox is destroyed; one also elsewhere just leaves it.
    const { list, notFound } = await account.ok<{
      list: { id: Id; mailboxIds: Record<Id, true> }[];
      notFound: Id[];
    }>('Email/get', {
      accountId: account.accountId,
      ids: [onlyHere.id, alsoInbox.id],
      properties: ['mailboxIds'],
    });
    expect(notFound).toEqual([onlyHere.id]);
    expect(list).toEqual([{ id: alsoInbox.id, mailboxIds: { [inbox!]: true } }]);
  });

  test('RFC 8620 §5.3: ifInState that is not the current state answers stateMismatch and changes nothing', async ({
    account,
  }) => {
    const before = await stateOf(account, 'Mailbox');
    const response = await account.invoke('Mailbox/set', {
      accountId: account.accountId,
      ifInState: 'not-the-state',
      create: { x: { name: 'Never made' } },
    });
    expectMethodError(response, 'stateMismatch');
    expect(await stateOf(account, 'Mailbox')).toBe(before);
    const ok = await setMailboxes(account, {
      ifInState: before,
      create: { x: { name: 'Made with ifInState' } },
    });
    createdId(ok, 'x');
  });

  test('RFC 8620 §5.3: more operations than maxObjectsInSet answers requestTooLarge', async ({ account }) => {
    const max = account.session.capabilities['urn:ietf:params:jmap:core'].maxObjectsInSet;
    const destroy = Array.from({ length: max + 1 }, (_, i) => `M${i}`);
    expectMethodError(
      await account.invoke('Mailbox/set', { accountId: account.accountId, destroy }),
      'requestTooLarge',
    );
  });

  test('RFC 8620 §5.3: creates are applied before updates, updates before destroys', async ({ account }) => {
    const id = createdId(await setMailboxes(account, { create: { o: { name: 'Order old' } } }), 'o');
    const result = await setMailboxes(account, {
      create: { n: { name: 'Order new' } },
      update: { [id]: { parentId: '#n' } },
    });
    const created = createdId(result, 'n');
    expect(result.updated).toHaveProperty(id);
    expect(await mailbox(account, id)).toMatchObject({ parentId: created });
  });

  test('RFC 8620 §5.3: updated maps an id to null when nothing changed beyond the patch', async ({
    account,
  }) => {
    const id = createdId(await setMailboxes(account, { create: { u: { name: 'Updated null' } } }), 'u');
    const result = await setMailboxes(account, { update: { [id]: { name: 'Updated null 2' } } });
    // "…or null if none": only server-set properties the client did not ask to change are listed.
    expect(result.updated?.[id] ?? null).toBeNull();
    expect(result.updated).toHaveProperty(id);
  });

  test('RFC 8620 §5.3: an id both updated and destroyed in one call is updated, then destroyed', async ({
    account,
  }) => {
    const id = createdId(await setMailboxes(account, { create: { b: { name: 'Both ways' } } }), 'b');
    const result = await setMailboxes(account, { update: { [id]: { name: 'Both ways 2' } }, destroy: [id] });
    expect(result.updated).toHaveProperty(id);
    expect(result.destroyed).toEqual([id]);
  });

  test('RFC 8621 §1.3.1: a name longer than maxSizeMailboxName octets is invalidProperties', async ({
    account,
  }) => {
    const mail =
      account.session.accounts[account.accountId]?.accountCapabilities['urn:ietf:params:jmap:mail'];
    const max = mail?.maxSizeMailboxName ?? 0;
    expect(max).toBeGreaterThan(0);
    const result = await setMailboxes(account, {
      create: { long: { name: 'é'.repeat(Math.ceil(max / 2) + 1) }, fits: { name: 'n'.repeat(max) } },
    });
    expect(result.notCreated?.long).toMatchObject({ type: 'invalidProperties', properties: ['name'] });
    createdId(result, 'fits');
  });
});
