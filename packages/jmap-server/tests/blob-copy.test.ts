import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from './support/blobs.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { shareRights } from './support/sharing.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const copy = async (args: Record<string, unknown>) =>
  (await f.call([['Blob/copy', args, 'c']])).methodResponses[0]!;

describe('Blob/copy (RFC 8620 §6.3)', () => {
  it('answers accountNotFound / fromAccountNotFound for accounts the principal cannot access', async () => {
    const me = f.alice.accountId;
    const blobIds = [f.emails.lunchInvite.blobId];
    expect(await copy({ fromAccountId: me, accountId: f.bob.accountId, blobIds })).toEqual([
      'error',
      { type: 'accountNotFound' },
      'c',
    ]);
    expect(await copy({ fromAccountId: f.bob.accountId, accountId: me, blobIds })).toEqual([
      'error',
      { type: 'fromAccountNotFound' },
      'c',
    ]);
    expect(await copy({ fromAccountId: 'Anope', accountId: me, blobIds })).toEqual([
      'error',
      { type: 'fromAccountNotFound' },
      'c',
    ]);
    // Nothing reached bob's account.
    expect(await f.store.readBlob(f.bob.accountId, f.emails.lunchInvite.blobId)).toBeNull();
  });

  it('within one account, answers each readable blob as copied to itself, and others as notCopied', async () => {
    const me = f.alice.accountId;
    const bobs = await upload(f, 'bob only', f.bob.accountId, 'text/plain');
    const [name, result] = await copy({
      fromAccountId: me,
      accountId: me,
      blobIds: [f.emails.lunchInvite.blobId, bobs, 'nope'],
    });
    expect(name).toBe('Blob/copy');
    expect(result).toEqual({
      fromAccountId: me,
      accountId: me,
      copied: { [f.emails.lunchInvite.blobId]: f.emails.lunchInvite.blobId },
      notCopied: { [bobs]: { type: 'notFound' }, nope: { type: 'notFound' } },
    });
  });

  it('refuses malformed arguments', async () => {
    const [, result] = await copy({ fromAccountId: f.alice.accountId, accountId: f.alice.accountId });
    expect(result).toMatchObject({ type: 'invalidArguments' });
  });

  it('copies into an account shared with the principal, giving it its own reference (RFC 9670)', async () => {
    const pdf = f.emails.invoice.attachments[0]!.blobId!;
    expect(await f.store.readBlob(f.bob.accountId, pdf)).toBeNull();
    const bobInbox = (await f.store.findMailboxByRole(f.bob.accountId, 'inbox'))!.id;
    // Read-only: nothing may be added to bob's account.
    await f.store.setMailboxShares(
      f.bob.accountId,
      bobInbox,
      new Map([[f.alice.accountId, shareRights('mayReadItems')]]),
    );
    const refused = await copy({
      fromAccountId: f.alice.accountId,
      accountId: f.bob.accountId,
      blobIds: [pdf],
    });
    expect(refused[1]).toMatchObject({ notCopied: { [pdf]: { type: 'forbidden' } }, copied: null });
    expect(await f.store.readBlob(f.bob.accountId, pdf)).toBeNull();

    await f.store.setMailboxShares(
      f.bob.accountId,
      bobInbox,
      new Map([[f.alice.accountId, shareRights('mayReadItems', 'mayAddItems')]]),
    );
    const [name, result] = await copy({
      fromAccountId: f.alice.accountId,
      accountId: f.bob.accountId,
      blobIds: [pdf, 'nope'],
    });
    expect(name).toBe('Blob/copy');
    expect(result).toMatchObject({ copied: { [pdf]: pdf }, notCopied: { nope: { type: 'notFound' } } });
    const original = await f.store.readBlob(f.alice.accountId, pdf);
    expect(await f.store.readBlob(f.bob.accountId, pdf)).toEqual(original);
    // Bob's other blobs stay out of alice's reach: only those of emails she may read.
    await f.store.setMailboxShares(f.bob.accountId, bobInbox, new Map());
    const back = await copy({ fromAccountId: f.bob.accountId, accountId: f.alice.accountId, blobIds: [pdf] });
    expect(back).toEqual(['error', { type: 'fromAccountNotFound' }, 'c']);
  });
});
