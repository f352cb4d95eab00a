import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodResult } from '@colibri/jmap-types';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { shareRights } from './support/sharing.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const copyCall = async (args: Record<string, unknown>) =>
  (await f.call([['Email/copy', args, 'c']])).methodResponses;

/** Bob shares his Inbox with alice, who may add to it (RFC 9670): the copy's target. */
async function shareBobInbox(): Promise<void> {
  const inbox = (await f.store.findMailboxByRole(f.bob.accountId, 'inbox'))!.id;
  await f.store.setMailboxShares(
    f.bob.accountId,
    inbox,
    new Map([
      [f.alice.accountId, shareRights('mayReadItems', 'mayAddItems', 'maySetSeen', 'maySetKeywords')],
    ]),
  );
}

/** Email/copy alice -> bob over the API; a method error is thrown, as the engine answers it. */
const copyToBob = async (args: Record<string, unknown>) => {
  await shareBobInbox();
  const [first, ...implicit] = await copyCall({
    fromAccountId: f.alice.accountId,
    accountId: f.bob.accountId,
    ...args,
  });
  if (first?.[0] === 'error') throw first[1];
  return {
    result: first![1] as MethodResult<'Email/copy'>,
    implicit: implicit.map(([name, result]) => [name, result] as const),
  };
};
const bobInbox = async () => (await f.store.findMailboxByRole(f.bob.accountId, 'inbox'))!.id;

describe('Email/copy (RFC 8621 §4.7, RFC 8620 §5.4)', () => {
  it('answers accountNotFound / fromAccountNotFound for accounts the principal cannot access', async () => {
    const create = { c: { id: f.emails.lunchInvite.id, mailboxIds: { [f.inbox.id]: true } } };
    const me = f.alice.accountId;
    expect(await copyCall({ fromAccountId: me, accountId: f.bob.accountId, create })).toEqual([
      ['error', { type: 'accountNotFound' }, 'c'],
    ]);
    expect(await copyCall({ fromAccountId: f.bob.accountId, accountId: me, create })).toEqual([
      ['error', { type: 'fromAccountNotFound' }, 'c'],
    ]);
    expect((await f.store.queryEmails(f.bob.accountId, { position: 0, limit: 10 })).ids).toEqual([]);
  });

  it('refuses a copy within one account and malformed arguments with invalidArguments', async () => {
    const me = f.alice.accountId;
    const [same] = await copyCall({ fromAccountId: me, accountId: me, create: {} });
    expect(same?.[1]).toMatchObject({ type: 'invalidArguments' });
    const [bad] = await copyCall({ fromAccountId: me, accountId: me });
    expect(bad?.[1]).toMatchObject({ type: 'invalidArguments' });
  });

  it('copies into the target with its mailboxes, the original keywords and receivedAt unless given', async () => {
    const inbox = await bobInbox();
    const { lunchReply, newsletter } = f.emails;
    const before = await f.store.getState(f.bob.accountId, 'Email');
    const { result, implicit } = await copyToBob({
      create: {
        a: { id: lunchReply.id, mailboxIds: { [inbox]: true } },
        b: {
          id: newsletter.id,
          mailboxIds: { [inbox]: true },
          keywords: {},
          receivedAt: '2025-01-01T00:00:00Z',
        },
      },
    });
    expect(result).toMatchObject({
      fromAccountId: f.alice.accountId,
      accountId: f.bob.accountId,
      oldState: before,
      notCreated: null,
    });
    expect(result.newState).not.toBe(before);
    const created = result.created!;
    expect(created.a).toMatchObject({ blobId: lunchReply.blobId, size: lunchReply.size });
    const [a, b] = await f.store.getEmails(f.bob.accountId, [created.a!.id, created.b!.id] as never[]);
    expect(a).toMatchObject({ mailboxIds: [inbox], keywords: ['$seen'], receivedAt: lunchReply.receivedAt });
    expect(b).toMatchObject({
      mailboxIds: [inbox],
      keywords: [],
      receivedAt: new Date('2025-01-01T00:00:00Z'),
    });
    expect(implicit).toEqual([]);
    // The originals stay where they were.
    expect(await f.store.getEmails(f.alice.accountId, [lunchReply.id])).toHaveLength(1);
  });

  it('answers notFound, invalidProperties per item; stateMismatch for ifInState / ifFromInState', async () => {
    const inbox = await bobInbox();
    const { result } = await copyToBob({
      create: {
        gone: { id: 'Enotanemail00000', mailboxIds: { [inbox]: true } },
        subject: { id: f.emails.invoice.id, mailboxIds: { [inbox]: true }, subject: 'changed' },
        mailbox: { id: f.emails.invoice.id, mailboxIds: { [f.inbox.id]: true } },
      },
    });
    expect(result.created).toBeNull();
    expect(result.notCreated).toMatchObject({
      gone: { type: 'notFound' },
      subject: { type: 'invalidProperties', properties: ['subject'] },
      mailbox: { type: 'invalidProperties', properties: ['mailboxIds'] },
    });
    await expect(copyToBob({ ifInState: 'stale', create: {} })).rejects.toMatchObject({
      type: 'stateMismatch',
    });
    await expect(copyToBob({ ifFromInState: 'stale', create: {} })).rejects.toMatchObject({
      type: 'stateMismatch',
    });
  });

  it('destroys the originals with onSuccessDestroyOriginal, answered by an implicit Email/set', async () => {
    const inbox = await bobInbox();
    const { latin1Note } = f.emails;
    const fromState = await f.store.getState(f.alice.accountId, 'Email');
    const { result, implicit } = await copyToBob({
      onSuccessDestroyOriginal: true,
      destroyFromIfInState: fromState,
      create: {
        moved: { id: latin1Note.id, mailboxIds: { [inbox]: true } },
        failed: { id: 'Enotanemail00000', mailboxIds: { [inbox]: true } },
      },
    });
    expect(Object.keys(result.created!)).toEqual(['moved']);
    expect(implicit).toHaveLength(1);
    expect(implicit[0]![0]).toBe('Email/set');
    expect(implicit[0]![1]).toMatchObject({
      accountId: f.alice.accountId,
      oldState: fromState,
      destroyed: [latin1Note.id],
      notDestroyed: null,
    });
    expect(await f.store.getEmails(f.alice.accountId, [latin1Note.id])).toEqual([]);
  });

  it('keeps the originals when destroyFromIfInState does not match, the implicit call answering stateMismatch', async () => {
    const inbox = await bobInbox();
    const { lunchInvite } = f.emails;
    const { result, implicit } = await copyToBob({
      onSuccessDestroyOriginal: true,
      destroyFromIfInState: 'stale',
      create: { kept: { id: lunchInvite.id, mailboxIds: { [inbox]: true } } },
    });
    expect(result.created).toHaveProperty('kept');
    expect(implicit).toEqual([['error', { type: 'stateMismatch' }]]);
    expect(await f.store.getEmails(f.alice.accountId, [lunchInvite.id])).toHaveLength(1);
  });
});
