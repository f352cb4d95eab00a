import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWithBlob, upload } from './support/blobs.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const ALL = ['Mailbox', 'Thread', 'Email'];
const lookup = async (ids: string[], typeNames = ALL) =>
  resultOf(
    await callWithBlob(f, [['Blob/lookup', { accountId: f.alice.accountId, typeNames, ids }, 'l']]),
    'Blob/lookup',
  );

describe('Blob/lookup (RFC 9404 §4.3)', () => {
  it('names the email, thread and mailboxes of a raw message and of an attachment', async () => {
    const { lunchInvite, invoice } = f.emails;
    const pdf = invoice.attachments[0]!.blobId!;
    const result = await lookup([lunchInvite.blobId, pdf]);
    expect(result).toEqual({
      accountId: f.alice.accountId,
      list: [
        {
          id: lunchInvite.blobId,
          matchedIds: { Mailbox: [f.inbox.id], Thread: [lunchInvite.threadId], Email: [lunchInvite.id] },
        },
        { id: pdf, matchedIds: { Mailbox: [f.archive.id], Thread: [invoice.threadId], Email: [invoice.id] } },
      ],
      notFound: [],
    });
  });

  it('answers only the type names asked for, and every email sharing the blob', async () => {
    const { newsletter } = f.emails;
    const copy = await f.store.importMessage(f.alice.accountId, {
      raw: (await f.store.readBlob(f.alice.accountId, newsletter.blobId))!,
      mailboxIds: [f.archive.id],
    });
    const result = await lookup([newsletter.blobId], ['Email', 'Mailbox']);
    expect(result.list).toEqual([
      {
        id: newsletter.blobId,
        matchedIds: { Email: [newsletter.id, copy.id].sort(), Mailbox: [f.inbox.id, f.archive.id].sort() },
      },
    ]);
  });

  it('gives empty lists for an upload nothing refers to; blobs of others and unknown ids are notFound', async () => {
    const mine = await upload(f, 'an upload', f.alice.accountId, 'text/plain');
    const bobs = await upload(f, 'bob upload', f.bob.accountId, 'text/plain');
    const result = await lookup([mine, bobs, 'nope']);
    expect(result.list).toEqual([{ id: mine, matchedIds: { Mailbox: [], Thread: [], Email: [] } }]);
    expect(result.notFound).toEqual([bobs, 'nope']);
  });

  it('answers unknownDataType for a type name it does not know', async () => {
    const response = await callWithBlob(f, [
      ['Blob/lookup', { accountId: f.alice.accountId, typeNames: ['Email', 'CalendarEvent'], ids: [] }, 'l'],
    ]);
    expect(response.methodResponses[0]?.[0]).toBe('error');
    expect(response.methodResponses[0]?.[1]).toMatchObject({ type: 'unknownDataType' });
  });

  it('answers accountNotFound for another account', async () => {
    const response = await callWithBlob(f, [
      ['Blob/lookup', { accountId: f.bob.accountId, typeNames: ALL, ids: [] }, 'l'],
    ]);
    expect(response.methodResponses[0]).toEqual(['error', { type: 'accountNotFound' }, 'l']);
  });
});
