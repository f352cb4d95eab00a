import { describe, expect, it } from 'vitest';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

const day = (d: number) => new Date(Date.UTC(2026, 2, d));

export function describeThreads(factory: MailStoreFactory): void {
  describe('threads', () => {
    const f = useFixture(factory);

    it('threads a reply chain by References and In-Reply-To, oldest first, and keeps unrelated mail apart', async () => {
      const { store, account, importMail } = f();
      const first = await importMail(
        { Subject: 'Budget 2027', 'Message-ID': '<b1@x>' },
        { receivedAt: day(1) },
      );
      const reply = await importMail(
        { Subject: 'Re: Budget 2027', 'Message-ID': '<b2@x>', 'In-Reply-To': '<b1@x>' },
        { receivedAt: day(2) },
      );
      const replyToReply = await importMail(
        { Subject: 'RE: Re: Budget 2027', 'Message-ID': '<b3@x>', References: '<b1@x> <b2@x>' },
        { receivedAt: day(3) },
      );
      const hijack = await importMail({
        Subject: 'Something else',
        'Message-ID': '<b4@x>',
        'In-Reply-To': '<b1@x>',
      });
      expect(reply.threadId).toBe(first.threadId);
      expect(replyToReply.threadId).toBe(first.threadId);
      expect(hijack.threadId).not.toBe(first.threadId);
      expect(await store.getThreadEmailIds(account.id, first.threadId)).toEqual([
        first.id,
        reply.id,
        replyToReply.id,
      ]);
    });

    it('joins a parent that arrives after its reply', async () => {
      const { store, account, importMail } = f();
      const reply = await importMail(
        { Subject: 'Re: Offsite', 'Message-ID': '<r@x>', 'In-Reply-To': '<o@x>' },
        { receivedAt: day(2) },
      );
      const original = await importMail(
        { Subject: 'Offsite', 'Message-ID': '<o@x>' },
        { receivedAt: day(1) },
      );
      expect(original.threadId).toBe(reply.threadId);
      expect(await store.getThreadEmailIds(account.id, reply.threadId)).toEqual([original.id, reply.id]);
    });

    it('matches subjects across list tags and localised reply prefixes', async () => {
      const { importMail } = f();
      const first = await importMail({ Subject: '[team] Release notes', 'Message-ID': '<n1@x>' });
      const reply = await importMail({
        Subject: 'AW: [team] Release notes',
        'Message-ID': '<n2@x>',
        References: '<n1@x>',
      });
      expect(reply.threadId).toBe(first.threadId);
    });

    it('keeps messages without references, or with another account’s ids, in threads of their own', async () => {
      const { store, account, importMail, addAccount } = f();
      const a = await importMail({ Subject: 'Same subject' });
      const b = await importMail({ Subject: 'Same subject' });
      expect(a.threadId).not.toBe(b.threadId);
      const bob = await addAccount('bob');
      const original = await importMail({ Subject: 'Shared', 'Message-ID': '<s@x>' });
      const bobs = await store.importMessage(bob.account.id, {
        raw: rawMessage({ Subject: 'Re: Shared', 'In-Reply-To': '<s@x>' }, 'reply'),
        mailboxIds: [bob.inbox.id],
      });
      expect(bobs.threadId).not.toBe(original.threadId);
      expect(await store.getThreadEmailIds(bob.account.id, original.threadId)).toEqual([]);
      expect(await store.getThreadEmailIds(account.id, original.threadId)).toEqual([original.id]);
    });
  });
}
