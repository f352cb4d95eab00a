import { describe, expect, it } from 'vitest';
import type { EmailId, Mailbox, MailboxCounts } from '../model.js';
import { useFixture, type Fixture, type MailStoreFactory } from './fixture.js';

function importInto(
  { importMail }: Fixture,
  mailboxes: Mailbox[],
  subject: string,
  extra: { keywords?: string[]; inReplyTo?: string; id?: string } = {},
) {
  const headers: Record<string, string> = {
    Subject: subject,
    'Message-ID': `<${extra.id ?? subject.replace(/\W/g, '')}@x>`,
  };
  if (extra.inReplyTo) headers['In-Reply-To'] = `<${extra.inReplyTo}@x>`;
  return importMail(headers, { mailboxIds: mailboxes.map((m) => m.id), keywords: extra.keywords ?? [] });
}

/** RFC 8621 §2 counts recomputed from the emails themselves, for comparison with the store's. */
async function recount({ store, account }: Fixture, mailbox: Mailbox): Promise<MailboxCounts> {
  const { ids } = await store.queryEmails(account.id, { filter: { inMailbox: mailbox.id } });
  const emails = await store.getEmails(account.id, ids);
  const unread = emails.filter((e) => !e.keywords.includes('$seen') && !e.keywords.includes('$draft'));
  return {
    totalEmails: emails.length,
    unreadEmails: unread.length,
    totalThreads: new Set(emails.map((e) => e.threadId)).size,
    unreadThreads: new Set(unread.map((e) => e.threadId)).size,
  };
}

export function describeKeywordsAndCounts(factory: MailStoreFactory): void {
  describe('keywords and mailbox counts (RFC 8621 §2)', () => {
    const f = useFixture(factory);

    it('stores keywords lower-cased, replaces them whole and refuses invalid ones', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'k' }, { keywords: ['$Seen'] });
      expect(email.keywords).toEqual(['$seen']);
      await store.setKeywords(account.id, email.id, ['$seen', '$Flagged', 'Project-X']);
      const keywords = async () => [...(await store.getEmails(account.id, [email.id]))[0]!.keywords].sort();
      expect(await keywords()).toEqual(['$flagged', '$seen', 'project-x']);
      await store.setKeywords(account.id, email.id, []);
      expect(await keywords()).toEqual([]);
      await expect(store.setKeywords(account.id, email.id, ['bad keyword'])).rejects.toMatchObject({
        code: 'invalid',
      });
      expect(await keywords()).toEqual([]);
      await expect(
        store.setKeywords(account.id, 'Eunknown000000000' as EmailId, ['$seen']),
      ).rejects.toMatchObject({
        code: 'notFound',
      });
    });

    it('refuses to change another account’s email', async () => {
      const { store, importMail, addAccount } = f();
      const email = await importMail({ Subject: 'mine' });
      const bob = await addAccount('bob');
      await expect(store.setKeywords(bob.account.id, email.id, ['$seen'])).rejects.toMatchObject({
        code: 'notFound',
      });
    });

    it('counts emails and threads, unread meaning neither $seen nor $draft', async () => {
      const { store, account, inbox } = f();
      expect((await store.getMailboxCounts(account.id, [inbox.id])).get(inbox.id)).toEqual({
        totalEmails: 0,
        unreadEmails: 0,
        totalThreads: 0,
        unreadThreads: 0,
      });
      const first = await importInto(f(), [inbox], 'Plans', { id: 'p1' });
      await importInto(f(), [inbox], 'Re: Plans', { id: 'p2', inReplyTo: 'p1', keywords: ['$seen'] });
      await importInto(f(), [inbox], 'Draft', { keywords: ['$draft'] });
      const counts = (await store.getMailboxCounts(account.id, [inbox.id])).get(inbox.id);
      expect(counts).toEqual({ totalEmails: 3, unreadEmails: 1, totalThreads: 2, unreadThreads: 1 });
      await store.setKeywords(account.id, first.id, ['$seen']);
      expect((await store.getMailboxCounts(account.id, [inbox.id])).get(inbox.id)).toMatchObject({
        unreadEmails: 0,
        unreadThreads: 0,
      });
      await store.setKeywords(account.id, first.id, ['$flagged']);
      expect((await store.getMailboxCounts(account.id, [inbox.id])).get(inbox.id)).toMatchObject({
        unreadEmails: 1,
        unreadThreads: 1,
      });
    });

    it('keeps every mailbox of an email in step, whatever the order of writes', async () => {
      const { store, account, inbox } = f();
      const archive = await store.createMailbox(account.id, { name: 'Archive', role: 'archive' });
      const work = await store.createMailbox(account.id, { name: 'Work' });
      const boxes = [inbox, archive, work];
      // A fixed pseudo-random sequence of imports (some replies) and keyword changes.
      let seed = 7;
      const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
      const ids: EmailId[] = [];
      for (let i = 0; i < 40; i++) {
        if (ids.length > 0 && next(3) === 0) {
          const id = ids[next(ids.length)]!;
          await store.setKeywords(
            account.id,
            id,
            [['$seen'], [], ['$draft'], ['$flagged', '$seen']][next(4)]!,
          );
        } else {
          const into = boxes.filter(() => next(2) === 0);
          const parent = next(2) === 0 && i > 0 ? `m${next(i)}` : undefined;
          const subject = parent ? `Re: topic ${parent}` : `topic m${i}`;
          const email = await importInto(f(), into.length > 0 ? into : [work], subject, {
            id: `m${i}`,
            inReplyTo: parent,
            keywords: next(2) ? ['$seen'] : [],
          });
          ids.push(email.id);
        }
      }
      const counts = await store.getMailboxCounts(
        account.id,
        boxes.map((b) => b.id),
      );
      for (const box of boxes) expect(counts.get(box.id)).toEqual(await recount(f(), box));
    });

    it('leaves out mailboxes of other accounts', async () => {
      const { store, inbox, addAccount } = f();
      const bob = await addAccount('bob');
      expect((await store.getMailboxCounts(bob.account.id, [inbox.id])).size).toBe(0);
    });
  });
}
