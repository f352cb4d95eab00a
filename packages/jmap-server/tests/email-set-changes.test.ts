import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const emailState = async () =>
  resultOf(await f.call([['Email/get', { accountId: f.alice.accountId, ids: [] }, 'g']]), 'Email/get')
    .state as string;
const keywordsOf = async (id: string) =>
  (
    resultOf(
      await f.call([
        ['Email/get', { accountId: f.alice.accountId, ids: [id], properties: ['keywords'] }, 'g'],
      ]),
      'Email/get',
    ).list as { keywords: object }[]
  )[0]?.keywords;
const set = async (args: Record<string, unknown>) =>
  resultOf(await f.call([['Email/set', { accountId: f.alice.accountId, ...args }, 's']]), 'Email/set');

describe('Email/set keywords (RFC 8621 §4.6) and Email/changes (§4.3)', () => {
  it('marks an email read with a keywords/$seen patch, bumps the state, and shows up in Email/changes', async () => {
    const id = f.emails.lunchInvite.id;
    const before = await emailState();
    const result = await set({ update: { [id]: { 'keywords/$seen': true } } });
    expect(result).toMatchObject({
      oldState: before,
      updated: { [id]: null },
      notUpdated: null,
      created: null,
      destroyed: null,
    });
    expect(result.newState).not.toBe(before);
    expect(await keywordsOf(id)).toEqual({ $seen: true });

    const changes = resultOf(
      await f.call([['Email/changes', { accountId: f.alice.accountId, sinceState: before }, 'c']]),
      'Email/changes',
    );
    expect(changes).toMatchObject({
      oldState: before,
      newState: result.newState,
      hasMoreChanges: false,
      created: [],
      destroyed: [],
    });
    expect(changes.updated).toContain(id);

    // The unread count of the Inbox follows.
    const mailboxes = resultOf(
      await f.call([
        [
          'Mailbox/get',
          { accountId: f.alice.accountId, ids: [f.inbox.id], properties: ['unreadEmails'] },
          'm',
        ],
      ]),
      'Mailbox/get',
    );
    expect(mailboxes.list).toEqual([{ id: f.inbox.id, unreadEmails: 1 }]);
  });

  it('replaces keywords whole, lower-cases them, and removes one with null', async () => {
    const id = f.emails.latin1Note.id;
    await set({ update: { [id]: { keywords: { $Flagged: true, $seen: true } } } });
    expect(await keywordsOf(id)).toEqual({ $flagged: true, $seen: true });
    await set({ update: { [id]: { 'keywords/$flagged': null } } });
    expect(await keywordsOf(id)).toEqual({ $seen: true });
  });

  it('does not bump the state for a patch that changes nothing', async () => {
    const before = await emailState();
    const result = await set({ update: { [f.emails.newsletter.id]: { 'keywords/$seen': true } } });
    expect(result.updated).toEqual({ [f.emails.newsletter.id]: null });
    expect(result.newState).toBe(before);
  });

  it('answers per-item errors for bad patches, unknown emails, a create without a mailbox and destroy', async () => {
    const id = f.emails.newsletter.id;
    const result = await set({
      update: {
        [id]: { subject: 'hacked' },
        Enope: { 'keywords/$seen': true },
        [f.emails.invoice.id]: { 'keywords/bad keyword': true },
        [f.emails.lunchReply.id]: { keywords: {}, 'keywords/$seen': true },
      },
      create: { k1: { subject: 'new' } },
      destroy: ['Enope', 'not an id!'],
    });
    expect(result.notUpdated).toMatchObject({
      [id]: { type: 'invalidProperties', properties: ['subject'] },
      Enope: { type: 'notFound' },
      [f.emails.invoice.id]: { type: 'invalidProperties', properties: ['keywords'] },
      [f.emails.lunchReply.id]: { type: 'invalidPatch' },
    });
    expect(result.notCreated).toMatchObject({
      k1: { type: 'invalidProperties', properties: ['mailboxIds'] },
    });
    expect(result.notDestroyed).toEqual({ Enope: { type: 'notFound' }, 'not an id!': { type: 'notFound' } });
    expect(result.destroyed).toBeNull();
    expect(result.updated).toBeNull();
  });

  it('validates mailboxIds: at least one, and only existing mailboxes', async () => {
    const id = f.emails.newsletter.id;
    const result = await set({ update: { [id]: { [`mailboxIds/${f.inbox.id}`]: null } } });
    expect(result.notUpdated).toMatchObject({
      [id]: { type: 'invalidProperties', properties: ['mailboxIds'] },
    });
    const unknown = await set({ update: { [id]: { mailboxIds: { Mnope: true } } } });
    expect(unknown.notUpdated).toMatchObject({
      [id]: { type: 'invalidProperties', properties: ['mailboxIds'] },
    });
  });

  it('answers stateMismatch for a stale ifInState', async () => {
    const response = await f.call([
      ['Email/set', { accountId: f.alice.accountId, ifInState: 'stale', update: {} }, 's'],
    ]);
    expect(response.methodResponses[0]).toMatchObject(['error', { type: 'stateMismatch' }, 's']);
  });

  it('answers cannotCalculateChanges for a state the log does not know, and pages with maxChanges', async () => {
    for (const method of ['Email/changes', 'Mailbox/changes', 'Thread/changes']) {
      const response = await f.call([
        [method, { accountId: f.alice.accountId, sinceState: 'not-a-state' }, 'c'],
      ]);
      expect(response.methodResponses[0]).toMatchObject(['error', { type: 'cannotCalculateChanges' }, 'c']);
    }
    const zero = await f.call([
      ['Email/changes', { accountId: f.alice.accountId, sinceState: await emailState(), maxChanges: 0 }, 'c'],
    ]);
    expect(zero.methodResponses[0]).toMatchObject(['error', { type: 'invalidArguments' }, 'c']);
    const now = await emailState();
    const none = resultOf(
      await f.call([
        ['Email/changes', { accountId: f.alice.accountId, sinceState: now, maxChanges: 5 }, 'c'],
      ]),
      'Email/changes',
    );
    expect(none).toMatchObject({
      oldState: now,
      newState: now,
      created: [],
      updated: [],
      destroyed: [],
      hasMoreChanges: false,
    });
  });
});
