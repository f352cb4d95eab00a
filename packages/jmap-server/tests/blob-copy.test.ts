import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBlobs } from '../src/methods/blob/copy.js';
import { upload } from './support/blobs.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { aliceContext } from './support/method-context.js';

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

  it('gives the target account its own reference to the blob (the path sharing will open)', async () => {
    const pdf = f.emails.invoice.attachments[0]!.blobId!;
    expect(await f.store.readBlob(f.bob.accountId, pdf)).toBeNull();
    const { copied, notCopied } = await copyBlobs(aliceContext(f), f.alice.accountId, f.bob.accountId, [
      pdf,
      'nope',
    ]);
    expect(copied).toEqual({ [pdf]: pdf });
    expect(notCopied).toEqual({ nope: { type: 'notFound' } });
    const original = await f.store.readBlob(f.alice.accountId, pdf);
    expect(await f.store.readBlob(f.bob.accountId, pdf)).toEqual(original);
  });
});
