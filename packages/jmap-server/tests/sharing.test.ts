import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { openFixture, resultOf, USING } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { shareRights } from './support/sharing.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

/** Alice's mailboxes as bob may use them: her Inbox shared with these rights, nothing else. */
async function shareInbox(...granted: Parameters<typeof shareRights>): Promise<void> {
  await f.store.setMailboxShares(
    f.alice.accountId,
    f.inbox.id,
    new Map([[f.bob.accountId, shareRights(...granted)]]),
  );
}

const asBob = async (name: string, args: Record<string, unknown>) =>
  (await f.call([[name, { accountId: f.alice.accountId, ...args }, 'c']], f.bob)).methodResponses[0]!;

describe('a mailbox shared with another user (RFC 9670)', () => {
  it('shows a sharee the shared mailbox only, its threads and snippets only of what they may read', async () => {
    await shareInbox('mayReadItems');
    const [, threads] = await asBob('Thread/get', {
      ids: [f.emails.lunchInvite.threadId, f.emails.invoice.threadId],
    });
    // The lunch thread is in the Inbox; the invoice is in the Archive, which is not shared.
    expect(threads).toMatchObject({ notFound: [f.emails.invoice.threadId] });
    const [, snippets] = await asBob('SearchSnippet/get', {
      emailIds: [f.emails.lunchInvite.id, f.emails.invoice.id],
      filter: { text: 'lunch' },
    });
    expect(snippets).toMatchObject({ notFound: [f.emails.invoice.id] });
    const [, all] = await asBob('Email/get', { ids: null, properties: ['id'] });
    expect((all as { list: { id: string }[] }).list.map((e) => e.id).sort()).toEqual(
      [
        f.emails.lunchInvite.id,
        f.emails.lunchReply.id,
        f.emails.latin1Note.id,
        f.emails.newsletter.id,
      ].sort(),
    );
  });

  it('reports an email moved out of the shared mailbox as destroyed in the sharee’s /changes', async () => {
    await shareInbox('mayReadItems');
    const [, before] = await asBob('Email/get', { ids: [] });
    const since = (before as { state: string }).state;
    await f.store.setMailboxes(f.alice.accountId, f.emails.latin1Note.id, [f.archive.id]);
    await f.store.setKeywords(f.alice.accountId, f.emails.newsletter.id, ['$seen']);
    const [, changes] = await asBob('Email/changes', { sinceState: since });
    expect(changes).toMatchObject({
      created: [],
      updated: [f.emails.newsletter.id],
      destroyed: [f.emails.latin1Note.id],
    });
    // The owner's own /changes still says what happened.
    const mine = resultOf(
      await f.call([['Email/changes', { accountId: f.alice.accountId, sinceState: since }, 'c']]),
      'Email/changes',
    );
    expect(mine.updated).toEqual(expect.arrayContaining([f.emails.latin1Note.id, f.emails.newsletter.id]));
    await f.store.setMailboxes(f.alice.accountId, f.emails.latin1Note.id, [f.inbox.id]);
  });

  it('lets a sharee with mayCreateChild make a folder inside the shared one, shared as its parent', async () => {
    await shareInbox('mayReadItems', 'mayCreateChild');
    const [, top] = await asBob('Mailbox/set', { create: { t: { name: 'Top', parentId: null } } });
    expect(top).toMatchObject({ notCreated: { t: { type: 'forbidden' } } });
    const [, made] = await asBob('Mailbox/set', {
      create: { c: { name: 'Projects', parentId: f.inbox.id } },
    });
    const id = (made as { created: Record<string, { id: string }> }).created.c!.id;
    const [, seen] = await asBob('Mailbox/get', { ids: [id], properties: ['parentId', 'myRights'] });
    expect(seen).toMatchObject({
      list: [{ id, parentId: f.inbox.id, myRights: shareRights('mayReadItems', 'mayCreateChild') }],
    });
    // Not a rename or delete of it, though: those rights were not given.
    const [, renamed] = await asBob('Mailbox/set', { update: { [id]: { name: 'Other' } }, destroy: [id] });
    expect(renamed).toMatchObject({
      notUpdated: { [id]: { type: 'forbidden' } },
      notDestroyed: { [id]: { type: 'forbidden' } },
    });
    const shares = await f.store.listMailboxShares(f.alice.accountId);
    expect(shares.find((s) => s.mailboxId === id)?.granteeId).toBe(f.bob.accountId);
  });

  it('keeps the owner’s methods to the owner: accountNotSupportedByMethod for a sharee', async () => {
    await shareInbox('mayReadItems');
    const { body } = await f.engine.handleRequest(f.bob, {
      using: [...USING, Capability.VacationResponse],
      methodCalls: [['VacationResponse/get', { accountId: f.alice.accountId, ids: null }, 'c']],
    });
    expect((body as JmapResponse).methodResponses[0]).toEqual([
      'error',
      { type: 'accountNotSupportedByMethod' },
      'c',
    ]);
  });

  it('lets a sharee of more folders than a filter may hold conditions query them all (RFC 9670 §1.4)', async () => {
    const folders = [];
    for (let i = 0; i < 150; i++)
      folders.push(await f.store.createMailbox(f.alice.accountId, { name: `Shared ${i}` }));
    const grant = new Map([[f.bob.accountId, shareRights('mayReadItems')]]);
    for (const folder of folders) await f.store.setMailboxShares(f.alice.accountId, folder.id, grant);
    await shareInbox('mayReadItems');
    await f.store.setMailboxes(f.alice.accountId, f.emails.invoice.id, [f.archive.id, folders[149]!.id]);
    try {
      const [name, found] = await asBob('Email/query', { filter: { operator: 'OR', conditions: [{}] } });
      expect(name).toBe('Email/query');
      expect((found as { ids: string[] }).ids.sort()).toEqual(
        [
          f.emails.lunchInvite.id,
          f.emails.lunchReply.id,
          f.emails.latin1Note.id,
          f.emails.newsletter.id,
          f.emails.invoice.id,
        ].sort(),
      );
    } finally {
      await f.store.setMailboxes(f.alice.accountId, f.emails.invoice.id, [f.archive.id]);
      for (const folder of folders) await f.store.destroyMailbox(f.alice.accountId, folder.id);
    }
  });
});
