import { describe, expect, it } from 'vitest';
import type { EmailId, MailboxId } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

/** RFC 8621 §2 counts: emails, unread emails, threads, unread threads. */
const counts = (totalEmails: number, unreadEmails: number, totalThreads: number, unreadThreads: number) => ({
  totalEmails,
  unreadEmails,
  totalThreads,
  unreadThreads,
});

export function describeMoves(factory: MailStoreFactory): void {
  describe('moving emails between mailboxes', () => {
    const f = useFixture(factory);

    it('moves an email: counts, queries and both mailboxes’ states follow', async () => {
      const { store, account, inbox, importMail } = f();
      const archive = await store.createMailbox(account.id, { name: 'Archive', role: 'archive' });
      const email = await importMail({ Subject: 'move me', 'Message-ID': '<m1@x>' });
      const before = {
        Email: await store.getState(account.id, 'Email'),
        Mailbox: await store.getState(account.id, 'Mailbox'),
        Thread: await store.getState(account.id, 'Thread'),
      };
      await store.setMailboxes(account.id, email.id, [archive.id]);
      const now = await store.getMailboxCounts(account.id, [inbox.id, archive.id]);
      expect(now.get(inbox.id)).toEqual(counts(0, 0, 0, 0));
      expect(now.get(archive.id)).toEqual(counts(1, 1, 1, 1));
      expect((await store.queryEmails(account.id, { filter: { inMailbox: inbox.id } })).ids).toEqual([]);
      expect((await store.queryEmails(account.id, { filter: { inMailbox: archive.id } })).ids).toEqual([
        email.id,
      ]);
      expect((await store.getEmails(account.id, [email.id]))[0]?.mailboxIds).toEqual([archive.id]);
      const mailboxes = await store.getChanges(account.id, 'Mailbox', before.Mailbox);
      expect([...mailboxes.updated].sort()).toEqual([inbox.id, archive.id].sort());
      expect((await store.getChanges(account.id, 'Email', before.Email)).updated).toEqual([email.id]);
      expect((await store.getChanges(account.id, 'Thread', before.Thread)).updated).toEqual([email.threadId]);
    });

    it('adds and removes single memberships, and a no-op changes no state', async () => {
      const { store, account, inbox, importMail } = f();
      const work = await store.createMailbox(account.id, { name: 'Work' });
      const email = await importMail({ Subject: 'two boxes' }, { keywords: ['$seen'] });
      await store.setMailboxes(account.id, email.id, [inbox.id, work.id]);
      const now = await store.getMailboxCounts(account.id, [inbox.id, work.id]);
      expect(now.get(work.id)).toEqual(counts(1, 0, 1, 0));
      expect(now.get(inbox.id)?.totalEmails).toBe(1);
      const state = await store.getState(account.id, 'Email');
      await store.setMailboxes(account.id, email.id, [work.id, inbox.id]);
      expect(await store.getState(account.id, 'Email')).toBe(state);
    });

    it('refuses no mailbox, an unknown mailbox, an unknown email and another account’s email', async () => {
      const { store, account, inbox, importMail, addAccount } = f();
      const email = await importMail({ Subject: 'stay' });
      await expect(store.setMailboxes(account.id, email.id, [])).rejects.toMatchObject({ code: 'invalid' });
      await expect(
        store.setMailboxes(account.id, email.id, ['Munknown00000000' as MailboxId]),
      ).rejects.toMatchObject({ code: 'notFound' });
      await expect(
        store.setMailboxes(account.id, 'Eunknown00000000' as EmailId, [inbox.id]),
      ).rejects.toMatchObject({ code: 'notFound' });
      const bob = await addAccount('bob');
      await expect(store.setMailboxes(bob.account.id, email.id, [bob.inbox.id])).rejects.toMatchObject({
        code: 'notFound',
      });
      await expect(store.setMailboxes(account.id, email.id, [bob.inbox.id])).rejects.toMatchObject({
        code: 'notFound',
      });
      expect((await store.getEmails(account.id, [email.id]))[0]?.mailboxIds).toEqual([inbox.id]);
    });
  });
}
