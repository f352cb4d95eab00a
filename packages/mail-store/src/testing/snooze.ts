import { describe, expect, it } from 'vitest';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeSnooze(factory: MailStoreFactory): void {
  describe('snooze', () => {
    const f = useFixture(factory);

    it('moves a snoozed email into the Snoozed mailbox, made on demand, and lists it', async () => {
      const { store, account, inbox, importMail } = f();
      const email = await importMail({ Subject: 'Later' }, { keywords: ['$seen'] });
      const until = new Date(Date.now() + 3_600_000);
      await store.snoozeEmail(account.id, email.id, until);
      const snoozed = await store.findMailboxByRole(account.id, 'snoozed');
      expect(snoozed?.name).toBe('Snoozed');
      const [moved] = await store.getEmails(account.id, [email.id]);
      expect(moved?.mailboxIds).toEqual([snoozed?.id]);
      expect(await store.listSnoozed(account.id)).toEqual([
        { emailId: email.id, until, mailboxIds: [inbox.id] },
      ]);
      expect(await store.nextSnoozeDue()).toEqual(until);
      const counts = await store.getMailboxCounts(account.id, [inbox.id]);
      expect(counts.get(inbox.id)?.totalEmails).toBe(0);
    });

    it('snoozing again moves only the wake-up time, as a logged Email change', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'Later still' });
      await store.snoozeEmail(account.id, email.id, new Date(Date.now() + 60_000));
      const state = await store.getState(account.id, 'Email');
      const later = new Date(Date.now() + 7_200_000);
      await store.snoozeEmail(account.id, email.id, later);
      expect((await store.listSnoozed(account.id)).map((s) => s.until)).toEqual([later]);
      expect((await store.getChanges(account.id, 'Email', state)).updated).toEqual([email.id]);
    });

    it('unsnooze puts the email back where it was, as it was', async () => {
      const { store, account, inbox, importMail } = f();
      const work = await store.createMailbox(account.id, { name: 'Work' });
      const email = await importMail(
        { Subject: 'Two homes' },
        { mailboxIds: [inbox.id, work.id], keywords: ['$seen'] },
      );
      await store.snoozeEmail(account.id, email.id, new Date(Date.now() + 60_000));
      expect(await store.unsnoozeEmail(account.id, email.id)).toBe(true);
      expect(await store.unsnoozeEmail(account.id, email.id)).toBe(false);
      const [back] = await store.getEmails(account.id, [email.id]);
      expect([...(back?.mailboxIds ?? [])].sort()).toEqual([inbox.id, work.id].sort());
      expect(back?.keywords).toEqual(['$seen']);
      expect(back?.receivedAt).toEqual(email.receivedAt);
      expect(await store.listSnoozed(account.id)).toEqual([]);
    });

    it('wakes due snoozes only: back, unread, on top of the list, with logged changes', async () => {
      const { store, account, inbox, importMail } = f();
      const old = await importMail(
        { Subject: 'Old' },
        { keywords: ['$seen', '$flagged'], receivedAt: new Date('2020-01-01T00:00:00Z') },
      );
      const newer = await importMail({ Subject: 'Newer' }, { receivedAt: new Date('2024-01-01T00:00:00Z') });
      const notYet = await importMail({ Subject: 'Not yet' });
      const now = new Date('2030-01-01T08:00:00Z');
      await store.snoozeEmail(account.id, old.id, new Date('2020-06-01T00:00:00Z'));
      await store.snoozeEmail(account.id, notYet.id, new Date(Date.now() + 86_400_000 * 365 * 5));
      const emailState = await store.getState(account.id, 'Email');
      const mailboxState = await store.getState(account.id, 'Mailbox');

      expect(await store.wakeDueSnoozes(now)).toEqual([{ accountId: account.id, emailId: old.id }]);
      const [woken] = await store.getEmails(account.id, [old.id]);
      expect(woken?.mailboxIds).toEqual([inbox.id]);
      expect(woken?.keywords).toEqual(['$flagged']);
      expect(woken?.receivedAt).toEqual(now);
      const list = await store.queryEmails(account.id, {
        filter: { inMailbox: inbox.id },
        sort: [{ property: 'receivedAt', isAscending: false }],
      });
      expect(list.ids).toEqual([old.id, newer.id]);
      expect((await store.getMailboxCounts(account.id, [inbox.id])).get(inbox.id)?.unreadEmails).toBe(2);
      expect((await store.getChanges(account.id, 'Email', emailState)).updated).toContain(old.id);
      expect((await store.getChanges(account.id, 'Mailbox', mailboxState)).updated).toContain(inbox.id);
      expect((await store.listSnoozed(account.id)).map((s) => s.emailId)).toEqual([notYet.id]);
      expect(await store.wakeDueSnoozes(now)).toEqual([]);
    });

    it('wakes into the Inbox when the remembered mailboxes are gone, and forgets destroyed emails', async () => {
      const { store, account, inbox, importMail } = f();
      const gone = await importMail({ Subject: 'Was in Inbox' });
      await store.snoozeEmail(account.id, gone.id, new Date(Date.now() + 1000));
      await store.destroyEmails(account.id, [gone.id]);
      expect(await store.listSnoozed(account.id)).toEqual([]);
      expect(await store.nextSnoozeDue()).toBeNull();

      const kept = await importMail({ Subject: 'Keeps its snooze' });
      await store.snoozeEmail(account.id, kept.id, new Date(Date.now() - 1));
      expect(await store.wakeDueSnoozes(new Date())).toHaveLength(1);
      expect((await store.getEmails(account.id, [kept.id]))[0]?.mailboxIds).toEqual([inbox.id]);
    });

    it('lets an email its owner moved out of Snoozed stay where the owner put it', async () => {
      const { store, account, importMail } = f();
      const archive = await store.createMailbox(account.id, { name: 'Archive', role: 'archive' });
      const email = await importMail({ Subject: 'Filed by hand' }, { keywords: ['$seen'] });
      await store.snoozeEmail(account.id, email.id, new Date(Date.now() - 1));
      await store.setMailboxes(account.id, email.id, [archive.id]);
      expect(await store.wakeDueSnoozes(new Date())).toEqual([]);
      const [kept] = await store.getEmails(account.id, [email.id]);
      expect(kept?.mailboxIds).toEqual([archive.id]);
      expect(kept?.keywords).toEqual(['$seen']);
      expect(await store.listSnoozed(account.id)).toEqual([]);
    });

    it('refuses an unknown email, an invalid date, or a date too far ahead', async () => {
      const { store, account, importMail } = f();
      const { account: bob } = await f().addAccount('bob');
      const email = await importMail({ Subject: 'Mine' });
      await expect(store.snoozeEmail(bob.id, email.id, new Date(Date.now() + 1000))).rejects.toMatchObject({
        code: 'notFound',
      });
      await expect(store.snoozeEmail(account.id, email.id, new Date(Number.NaN))).rejects.toMatchObject({
        code: 'invalid',
      });
      await expect(
        store.snoozeEmail(account.id, email.id, new Date(Date.now() + 20 * 366 * 86_400_000)),
      ).rejects.toMatchObject({ code: 'invalid' });
      expect(await store.listSnoozed(account.id)).toEqual([]);
    });
  });
}
