import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError, QuotaExceededError } from '../errors.js';
import type { EmailRecord, MailboxId } from '../model.js';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

const message = (n: number, extra: Record<string, string> = {}) =>
  rawMessage(
    {
      From: `Sender ${n} <s${n}@example.test>`,
      To: 'alice@example.test',
      Subject: `Batch message ${n}`,
      'Message-ID': `<batch-${n}@example.test>`,
      Date: 'Tue, 03 Nov 2026 10:00:00 +0000',
      ...extra,
    },
    `Body number ${n}, searchable word batchword${n}.`,
  );

/** What a client can observe of an email, without its store-made ids. */
const observable = (e: EmailRecord) => {
  const { id: _id, threadId: _threadId, blobId: _blobId, mailboxIds, bodyStructure: _b, ...rest } = e;
  return { ...rest, mailboxCount: Object.keys(mailboxIds).length };
};

export function describeBatchImport(factory: MailStoreFactory): void {
  describe('batch import (importMessages)', () => {
    const f = useFixture(factory);

    it('reports every stored email, thread and mailbox in /changes, and nothing of a failed item', async () => {
      const { store, account, inbox } = f();
      const before = {
        Email: await store.getState(account.id, 'Email'),
        Thread: await store.getState(account.id, 'Thread'),
        Mailbox: await store.getState(account.id, 'Mailbox'),
      };
      const results = await store.importMessages(account.id, [
        { raw: message(10), mailboxIds: [inbox.id] },
        {
          raw: message(11, { 'In-Reply-To': '<batch-10@example.test>', Subject: 'Re: Batch message 10' }),
          mailboxIds: [inbox.id],
        },
        { raw: message(12), mailboxIds: ['Mnope' as MailboxId] },
      ]);
      const ids = results.flatMap((r) => (r.status === 'imported' ? [r.emailId] : []));
      expect(ids).toHaveLength(2);
      const emails = await store.getChanges(account.id, 'Email', before.Email);
      expect(emails.created.sort()).toEqual([...ids].sort());
      expect([...emails.updated, ...emails.destroyed]).toEqual([]);
      const [first] = await store.getEmails(account.id, [ids[0]!]);
      const threads = await store.getChanges(account.id, 'Thread', before.Thread);
      expect(threads.created).toEqual([first!.threadId]);
      const mailboxes = await store.getChanges(account.id, 'Mailbox', before.Mailbox);
      expect(mailboxes.updated).toEqual([inbox.id]);
    });

    it('stores what one-by-one imports store (fields, threads, counts, search, quota usage)', async () => {
      const { store, account, inbox, addAccount } = f();
      const bob = await addAccount('bob');
      const receivedAt = new Date(Date.UTC(2026, 10, 3, 9, 0));
      const inputs = [0, 1, 2].map((n) => ({
        raw: message(
          n,
          n === 2 ? { 'In-Reply-To': '<batch-1@example.test>', Subject: 'Re: Batch message 1' } : {},
        ),
        keywords: n === 0 ? ['$seen'] : [],
        receivedAt: new Date(receivedAt.getTime() + n * 1000),
      }));
      const results = await store.importMessages(
        account.id,
        inputs.map((i) => ({ ...i, mailboxIds: [inbox.id] })),
      );
      expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
      const one: EmailRecord[] = [];
      for (const i of inputs)
        one.push(await store.importMessage(bob.account.id, { ...i, mailboxIds: [bob.inbox.id] }));

      const batch = await store.getEmails(
        account.id,
        results.map((r) => (r.status === 'imported' ? r.emailId : ('' as never))),
      );
      expect(batch.map(observable)).toEqual(one.map((e) => ({ ...observable(e), accountId: account.id })));
      // RFC 8621 §3: the reply joins its parent's thread in both.
      expect(batch[2]!.threadId).toBe(batch[1]!.threadId);
      expect(one[2]!.threadId).toBe(one[1]!.threadId);
      const counts = (await store.getMailboxCounts(account.id, [inbox.id])).get(inbox.id);
      const bobCounts = (await store.getMailboxCounts(bob.account.id, [bob.inbox.id])).get(bob.inbox.id);
      expect(counts).toEqual(bobCounts);
      expect(await store.getQuota(account.id)).toEqual(await store.getQuota(bob.account.id));
      const found = await store.queryEmails(account.id, { filter: { text: 'batchword1' } });
      expect(found.ids).toEqual([batch[1]!.id]);
    });

    it('reports a failing item and still stores the others', async () => {
      const { store, account, inbox } = f();
      const results = await store.importMessages(account.id, [
        { raw: message(1), mailboxIds: [inbox.id] },
        { raw: message(2), mailboxIds: ['Mnosuchmailbox000' as MailboxId] },
        { raw: message(3), mailboxIds: [] },
        { raw: message(4), mailboxIds: [inbox.id], keywords: ['bad keyword'] },
        { raw: message(5), mailboxIds: [inbox.id] },
      ]);
      expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'failed', 'failed', 'imported']);
      expect(results[1]).toMatchObject({ error: expect.any(NotFoundError) });
      expect(results[2]).toMatchObject({ error: expect.any(InvalidInputError) });
      const all = await store.queryEmails(account.id, { filter: { inMailbox: inbox.id } });
      expect(all.total).toBe(2);
      expect(await store.getQuota(account.id)).toMatchObject({ usedEmails: 2 });
    });

    it('stops at the quota per item: the ones that fit are stored, the rest refused', async () => {
      const { store, account, inbox } = f();
      await store.setQuota(account.id, { maxEmails: 2, maxBytes: null });
      const results = await store.importMessages(
        account.id,
        [1, 2, 3].map((n) => ({ raw: message(n), mailboxIds: [inbox.id] })),
      );
      expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'failed']);
      expect(results[2]).toMatchObject({ error: expect.any(QuotaExceededError) });
      expect(await store.getQuota(account.id)).toMatchObject({ usedEmails: 2 });
    });

    it('never stores a message twice under the same import key (resumable imports)', async () => {
      const { store, account, inbox } = f();
      const first = await store.importMessages(account.id, [
        { raw: message(1), mailboxIds: [inbox.id], importKey: 'src:0' },
        { raw: message(1), mailboxIds: [inbox.id], importKey: 'src:0' },
      ]);
      expect(first.map((r) => r.status)).toEqual(['imported', 'skipped']);
      const again = await store.importMessages(account.id, [
        { raw: message(1), mailboxIds: [inbox.id], importKey: 'src:0' },
        { raw: message(2), mailboxIds: [inbox.id], importKey: 'src:1' },
      ]);
      expect(again.map((r) => r.status)).toEqual(['skipped', 'imported']);
      expect(again[0]).toEqual({ status: 'skipped', emailId: (first[0] as { emailId: string }).emailId });
      expect((await store.getQuota(account.id)).usedEmails).toBe(2);
    });

    it('keeps import keys per account', async () => {
      const { store, account, inbox, addAccount } = f();
      const bob = await addAccount('bob');
      await store.importMessages(account.id, [{ raw: message(1), mailboxIds: [inbox.id], importKey: 'k' }]);
      const forBob = await store.importMessages(bob.account.id, [
        { raw: message(1), mailboxIds: [bob.inbox.id], importKey: 'k' },
      ]);
      expect(forBob[0]!.status).toBe('imported');
    });

    it('commits concurrent single imports independently (group commit): a refused one does not take others down', async () => {
      const { store, account, inbox } = f();
      await store.setQuota(account.id, { maxEmails: 5, maxBytes: null });
      const settled = await Promise.allSettled(
        Array.from({ length: 8 }, (_, n) =>
          store.importMessage(account.id, { raw: message(n), mailboxIds: [inbox.id] }),
        ),
      );
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(5);
      const refused = settled.filter((s) => s.status === 'rejected');
      expect(refused).toHaveLength(3);
      for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(QuotaExceededError);
      const stored = await store.queryEmails(account.id, { filter: { inMailbox: inbox.id } });
      expect(stored.total).toBe(5);
      const ids = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.id] : []));
      expect((await store.getEmails(account.id, ids)).map((e) => e.id).sort()).toEqual([...ids].sort());
    });
  });
}
