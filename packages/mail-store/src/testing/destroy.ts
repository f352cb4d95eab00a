import { describe, expect, it } from 'vitest';
import type { EmailId } from '../model.js';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

export function describeDestroy(factory: MailStoreFactory): void {
  describe('destroying emails', () => {
    const f = useFixture(factory);

    it('removes an email from queries, counts, search and its thread', async () => {
      const { store, account, inbox, importMail } = f();
      const first = await importMail({ Subject: 'Trip', 'Message-ID': '<t1@x>' }, { body: 'zanzibar' });
      const reply = await importMail({
        Subject: 'Re: Trip',
        'Message-ID': '<t2@x>',
        'In-Reply-To': '<t1@x>',
      });
      expect(reply.threadId).toBe(first.threadId);
      const result = await store.destroyEmails(account.id, [first.id, 'Eunknown00000000' as EmailId]);
      expect(result).toEqual({ destroyed: [first.id], notFound: ['Eunknown00000000'] });
      expect(await store.getEmails(account.id, [first.id])).toEqual([]);
      expect((await store.queryEmails(account.id, { filter: { inMailbox: inbox.id } })).ids).toEqual([
        reply.id,
      ]);
      expect((await store.queryEmails(account.id, { filter: { text: 'zanzibar' } })).ids).toEqual([]);
      expect((await store.getMailboxCounts(account.id, [inbox.id])).get(inbox.id)).toEqual({
        totalEmails: 1,
        unreadEmails: 1,
        totalThreads: 1,
        unreadThreads: 1,
      });
      expect(await store.getThreadEmailIds(account.id, first.threadId)).toEqual([reply.id]);
      // A second destroy of the same id is a notFound, not an error.
      expect(await store.destroyEmails(account.id, [first.id])).toEqual({
        destroyed: [],
        notFound: [first.id],
      });
    });

    it('logs Email destroyed, Mailbox updated, and Thread updated then destroyed', async () => {
      const { store, account, inbox, importMail } = f();
      const first = await importMail({ Subject: 'Log', 'Message-ID': '<l1@x>' });
      const reply = await importMail({ Subject: 'Re: Log', 'Message-ID': '<l2@x>', 'In-Reply-To': '<l1@x>' });
      const since = {
        Email: await store.getState(account.id, 'Email'),
        Mailbox: await store.getState(account.id, 'Mailbox'),
        Thread: await store.getState(account.id, 'Thread'),
      };
      await store.destroyEmails(account.id, [first.id]);
      expect(await store.getChanges(account.id, 'Email', since.Email)).toMatchObject({
        created: [],
        updated: [],
        destroyed: [first.id],
      });
      expect((await store.getChanges(account.id, 'Mailbox', since.Mailbox)).updated).toEqual([inbox.id]);
      expect((await store.getChanges(account.id, 'Thread', since.Thread)).updated).toEqual([first.threadId]);
      await store.destroyEmails(account.id, [reply.id]);
      expect((await store.getChanges(account.id, 'Thread', since.Thread)).destroyed).toEqual([
        first.threadId,
      ]);
      expect(await store.getThreadEmailIds(account.id, first.threadId)).toEqual([]);
      // The thread is gone: a new reply to the old ids starts a new one.
      const late = await importMail({ Subject: 'Re: Log', 'Message-ID': '<l3@x>', 'In-Reply-To': '<l1@x>' });
      expect(late.threadId).not.toBe(first.threadId);
    });

    it('forgets the Message-IDs only a destroyed email gave its surviving thread', async () => {
      const { store, importMail } = f();
      const first = await importMail({ Subject: 'Plan', 'Message-ID': '<p1@x>' });
      const reply = await importMail({
        Subject: 'Re: Plan',
        'Message-ID': '<p2@x>',
        'In-Reply-To': '<p1@x>',
      });
      expect(reply.threadId).toBe(first.threadId);
      await store.destroyEmails(first.accountId, [reply.id]);
      // <p2@x> was the reply's alone: a message answering it now starts a thread of its own,
      // while one answering <p1@x> still joins the thread that kept it.
      const toGone = await importMail({
        Subject: 'Re: Plan',
        'Message-ID': '<p3@x>',
        'In-Reply-To': '<p2@x>',
      });
      const toKept = await importMail({
        Subject: 'Re: Plan',
        'Message-ID': '<p4@x>',
        'In-Reply-To': '<p1@x>',
      });
      expect(toGone.threadId).not.toBe(first.threadId);
      expect(toKept.threadId).toBe(first.threadId);
    });

    it('makes the email’s blobs unreadable, unless another email of the account uses them', async () => {
      const { store, account, importMail } = f();
      const one = await importMail({ Subject: 'same' }, { body: 'shared body' });
      const two = await importMail({ Subject: 'same' }, { body: 'shared body' });
      const other = await importMail({ Subject: 'other' }, { body: 'shared body' });
      await store.destroyEmails(account.id, [one.id]);
      expect(await store.readBlob(account.id, one.blobId)).not.toBeNull();
      await store.destroyEmails(account.id, [two.id]);
      expect(await store.readBlob(account.id, one.blobId)).toBeNull();
      expect(await store.openBlob(account.id, one.blobId)).toBeNull();
      expect(await store.readBlob(account.id, other.textBody[0]!.blobId!)).not.toBeNull();
      await store.destroyEmails(account.id, [other.id]);
      expect(await store.readBlob(account.id, other.textBody[0]!.blobId!)).toBeNull();
    });

    it('keeps a blob shared by two accounts through garbage collection until both destroyed it', async () => {
      const { store, account, inbox, addAccount } = f();
      const bob = await addAccount('bob');
      const raw = rawMessage({ Subject: 'to both' }, 'for both of you');
      const alices = await store.importMessage(account.id, { raw, mailboxIds: [inbox.id] });
      const bobs = await store.importMessage(bob.account.id, { raw, mailboxIds: [bob.inbox.id] });
      expect(bobs.blobId).toBe(alices.blobId);
      await store.destroyEmails(account.id, [alices.id]);
      expect((await store.collectGarbage()).removedBlobs).toBe(0);
      expect(await store.readBlob(account.id, alices.blobId)).toBeNull();
      expect(Buffer.from((await store.readBlob(bob.account.id, bobs.blobId))!).equals(Buffer.from(raw))).toBe(
        true,
      );
      await store.destroyEmails(bob.account.id, [bobs.id]);
      // Files put moments ago are kept (an import in flight may need them): collect a day later.
      const later = { now: new Date(Date.now() + 24 * 60 * 60 * 1000) };
      expect((await store.collectGarbage(later)).removedBlobs).toBeGreaterThanOrEqual(1);
      expect(await store.readBlob(bob.account.id, bobs.blobId)).toBeNull();
      expect((await store.collectGarbage(later)).removedBlobs).toBe(0);
      // The same bytes can be imported again after collection.
      const again = await store.importMessage(account.id, { raw, mailboxIds: [inbox.id] });
      expect(await store.readBlob(account.id, again.blobId)).not.toBeNull();
    });
  });
}
