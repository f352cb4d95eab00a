import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const set = async (args: Record<string, unknown>) =>
  resultOf(await f.call([['Email/set', { accountId: f.alice.accountId, ...args }, 's']]), 'Email/set');
const state = async (method: 'Email/get' | 'Mailbox/get' | 'Thread/get') =>
  resultOf(await f.call([[method, { accountId: f.alice.accountId, ids: [] }, 'g']]), method).state as string;
const changes = async (method: 'Email/changes' | 'Mailbox/changes' | 'Thread/changes', sinceState: string) =>
  resultOf(await f.call([[method, { accountId: f.alice.accountId, sinceState }, 'c']]), method) as {
    created: string[];
    updated: string[];
    destroyed: string[];
  };
const totals = async () =>
  (
    resultOf(
      await f.call([
        [
          'Mailbox/get',
          { accountId: f.alice.accountId, ids: [f.inbox.id, f.archive.id], properties: ['totalEmails'] },
          'm',
        ],
      ]),
      'Mailbox/get',
    ).list as { id: string; totalEmails: number }[]
  ).map((m) => m.totalEmails);
const inMailbox = async (mailboxId: string) =>
  resultOf(
    await f.call([['Email/query', { accountId: f.alice.accountId, filter: { inMailbox: mailboxId } }, 'q']]),
    'Email/query',
  ).ids as string[];

// RFC 8621 §4.6: mailboxIds updates (whole, or mailboxIds/<id> patches per RFC 8620 §5.3).
describe('Email/set mailboxIds (RFC 8621 §4.6)', () => {
  it('moves an email with a whole mailboxIds value: counts, queries and both mailboxes change', async () => {
    const id = f.emails.latin1Note.id;
    const before = { email: await state('Email/get'), mailbox: await state('Mailbox/get') };
    expect(await totals()).toEqual([4, 1]);
    const result = await set({ update: { [id]: { mailboxIds: { [f.archive.id]: true } } } });
    expect(result).toMatchObject({ updated: { [id]: null }, notUpdated: null });
    expect(result.newState).not.toBe(before.email);
    expect(await totals()).toEqual([3, 2]);
    expect(await inMailbox(f.archive.id)).toContain(id);
    expect(await inMailbox(f.inbox.id)).not.toContain(id);
    expect((await changes('Email/changes', before.email)).updated).toEqual([id]);
    expect([...(await changes('Mailbox/changes', before.mailbox)).updated].sort()).toEqual(
      [f.inbox.id, f.archive.id].sort(),
    );
  });

  it('adds and removes single mailboxes with mailboxIds/<id> patches', async () => {
    const id = f.emails.latin1Note.id;
    await set({ update: { [id]: { [`mailboxIds/${f.inbox.id}`]: true } } });
    expect(await totals()).toEqual([4, 2]);
    await set({ update: { [id]: { [`mailboxIds/${f.archive.id}`]: null } } });
    expect(await totals()).toEqual([4, 1]);
    expect(await inMailbox(f.archive.id)).not.toContain(id);
  });

  it('moves and changes keywords in one patch', async () => {
    const id = f.emails.newsletter.id;
    const result = await set({
      update: { [id]: { mailboxIds: { [f.archive.id]: true }, 'keywords/$flagged': null } },
    });
    expect(result.updated).toEqual({ [id]: null });
    expect(await inMailbox(f.archive.id)).toContain(id);
    await set({ update: { [id]: { mailboxIds: { [f.inbox.id]: true } } } });
  });

  it('moves into a mailbox created earlier in the request, by #creationId (RFC 8620 §5.3)', async () => {
    const id = f.emails.newsletter.id;
    const accountId = f.alice.accountId;
    const response = await f.call([
      ['Mailbox/set', { accountId, create: { box: { name: 'Created for the move' } } }, 'm'],
      ['Email/set', { accountId, update: { [id]: { 'mailboxIds/#box': true } } }, 's'],
      ['Email/set', { accountId, update: { [id]: { mailboxIds: { '#box': true } } } }, 't'],
      ['Email/set', { accountId, update: { [id]: { 'mailboxIds/#nope': true } } }, 'u'],
    ]);
    const box = (resultOf(response, 'Mailbox/set', 0).created as Record<string, { id: string }>).box!.id;
    expect(resultOf(response, 'Email/set', 1).updated).toEqual({ [id]: null });
    expect(resultOf(response, 'Email/set', 2).updated).toEqual({ [id]: null });
    expect(resultOf(response, 'Email/set', 3).notUpdated).toMatchObject({
      [id]: { type: 'invalidProperties' },
    });
    expect(await inMailbox(box)).toContain(id);
    await set({ update: { [id]: { mailboxIds: { [f.inbox.id]: true } } } });
  });
});

// RFC 8620 §5.3 destroy, RFC 8621 §4.6.
describe('Email/set destroy (RFC 8621 §4.6)', () => {
  it('destroys an email: gone from Email/get, queries, counts and its thread; in Email/changes', async () => {
    const id = f.emails.lunchReply.id;
    const threadId = f.emails.lunchReply.threadId;
    const before = { email: await state('Email/get'), thread: await state('Thread/get') };
    const result = await set({ destroy: [id, 'Enope'] });
    expect(result).toMatchObject({ destroyed: [id], notDestroyed: { Enope: { type: 'notFound' } } });
    expect(result.newState).not.toBe(before.email);
    const got = resultOf(
      await f.call([['Email/get', { accountId: f.alice.accountId, ids: [id], properties: ['id'] }, 'g']]),
      'Email/get',
    );
    expect(got).toMatchObject({ list: [], notFound: [id] });
    expect(await inMailbox(f.inbox.id)).not.toContain(id);
    expect(await totals()).toEqual([3, 1]);
    expect(await changes('Email/changes', before.email)).toMatchObject({
      created: [],
      updated: [],
      destroyed: [id],
    });
    const thread = await changes('Thread/changes', before.thread);
    expect([...thread.updated, ...thread.destroyed]).toContain(threadId);
  });

  it('answers notFound when destroying an email twice or another account’s', async () => {
    const id = f.emails.lunchReply.id;
    const result = await set({ destroy: [id] });
    expect(result).toMatchObject({ destroyed: null, notDestroyed: { [id]: { type: 'notFound' } } });
    const asBob = resultOf(
      await f.call(
        [['Email/set', { accountId: f.bob.accountId, destroy: [f.emails.invoice.id] }, 's']],
        f.bob,
      ),
      'Email/set',
    );
    expect(asBob.notDestroyed).toEqual({ [f.emails.invoice.id]: { type: 'notFound' } });
    expect(await totals()).toEqual([3, 1]);
  });

  it('answers notFound when updating a destroyed email', async () => {
    const id = f.emails.lunchReply.id;
    const result = await set({ update: { [id]: { mailboxIds: { [f.archive.id]: true } } } });
    expect(result.notUpdated).toEqual({ [id]: { type: 'notFound' } });
  });
});
