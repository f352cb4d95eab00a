import { describe, expect, it } from 'vitest';
import type { MailboxId } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

/** RFC 8621 §2.5 store side: updating and destroying mailboxes, their rules and what they log. */
export function describeMailboxWrites(factory: MailStoreFactory): void {
  describe('mailbox updates', () => {
    const f = useFixture(factory);

    it('renames, moves, reorders, unsubscribes and sets a role, logging one Mailbox update', async () => {
      const { store, account } = f();
      const projects = await store.createMailbox(account.id, { name: 'Projects' });
      const work = await store.createMailbox(account.id, { name: 'Work' });
      const since = await store.getState(account.id, 'Mailbox');
      const updated = await store.updateMailbox(account.id, work.id, {
        name: ' Colibri ',
        parentId: projects.id,
        sortOrder: 7,
        isSubscribed: false,
        role: 'archive',
      });
      expect(updated).toEqual({
        ...work,
        name: 'Colibri',
        parentId: projects.id,
        sortOrder: 7,
        isSubscribed: false,
        role: 'archive',
      });
      expect((await store.listMailboxes(account.id)).find((m) => m.id === work.id)).toEqual(updated);
      expect(await store.findMailboxByRole(account.id, 'archive')).toEqual(updated);
      expect(await store.getChanges(account.id, 'Mailbox', since)).toMatchObject({
        created: [],
        updated: [work.id],
        destroyed: [],
      });
      // Back to the top level, role cleared.
      const back = await store.updateMailbox(account.id, work.id, { parentId: null, role: null });
      expect(back).toMatchObject({ parentId: null, role: null, name: 'Colibri' });
    });

    it('writes nothing for a patch that changes nothing', async () => {
      const { store, account, inbox } = f();
      const since = await store.getState(account.id, 'Mailbox');
      expect(await store.updateMailbox(account.id, inbox.id, { name: 'Inbox', role: 'inbox' })).toEqual(
        inbox,
      );
      expect(await store.getState(account.id, 'Mailbox')).toBe(since);
    });

    it('keeps sibling names unique, on rename and on move', async () => {
      const { store, account } = f();
      const projects = await store.createMailbox(account.id, { name: 'Projects' });
      const inside = await store.createMailbox(account.id, { name: 'Notes', parentId: projects.id });
      const top = await store.createMailbox(account.id, { name: 'Notes' });
      const other = await store.createMailbox(account.id, { name: 'Other' });
      const since = await store.getState(account.id, 'Mailbox');
      await expect(store.updateMailbox(account.id, other.id, { name: 'Notes' })).rejects.toMatchObject({
        code: 'alreadyExists',
        property: 'name',
      });
      await expect(store.updateMailbox(account.id, top.id, { parentId: projects.id })).rejects.toMatchObject({
        code: 'alreadyExists',
        property: 'name',
      });
      expect(await store.getState(account.id, 'Mailbox')).toBe(since);
      // Renaming while moving makes it fit.
      const moved = await store.updateMailbox(account.id, top.id, { parentId: projects.id, name: 'Notes 2' });
      expect(moved.parentId).toBe(projects.id);
      expect(inside.name).toBe('Notes');
    });

    it('refuses loops, unknown parents, other accounts’ parents and trees too deep', async () => {
      const { store, account, addAccount } = f();
      const a = await store.createMailbox(account.id, { name: 'A' });
      const b = await store.createMailbox(account.id, { name: 'B', parentId: a.id });
      const c = await store.createMailbox(account.id, { name: 'C', parentId: b.id });
      await expect(store.updateMailbox(account.id, a.id, { parentId: a.id })).rejects.toMatchObject({
        code: 'invalid',
        property: 'parentId',
      });
      await expect(store.updateMailbox(account.id, a.id, { parentId: c.id })).rejects.toMatchObject({
        code: 'invalid',
        property: 'parentId',
      });
      await expect(
        store.updateMailbox(account.id, a.id, { parentId: 'Munknown000000000' as MailboxId }),
      ).rejects.toMatchObject({ code: 'notFound', property: 'parentId' });
      const bob = await addAccount('bob');
      await expect(store.updateMailbox(account.id, a.id, { parentId: bob.inbox.id })).rejects.toMatchObject({
        code: 'notFound',
        property: 'parentId',
      });
      // A chain of 8 under a top-level one: moving A (3 levels) under its end would make 11.
      let end = await store.createMailbox(account.id, { name: 'D0' });
      for (let level = 1; level < 8; level++)
        end = await store.createMailbox(account.id, { name: `D${level}`, parentId: end.id });
      await expect(store.updateMailbox(account.id, a.id, { parentId: end.id })).rejects.toMatchObject({
        code: 'invalid',
        property: 'parentId',
      });
      // C alone (a leaf) fits: 8 + 1 levels.
      expect((await store.updateMailbox(account.id, c.id, { parentId: end.id })).parentId).toBe(end.id);
      expect((await store.listMailboxes(account.id)).find((m) => m.id === a.id)?.parentId).toBeNull();
    });

    it('keeps roles known and unique, and the inbox role on the inbox', async () => {
      const { store, account, inbox } = f();
      const trash = await store.createMailbox(account.id, { name: 'Trash', role: 'trash' });
      const bin = await store.createMailbox(account.id, { name: 'Bin' });
      await expect(store.updateMailbox(account.id, bin.id, { role: 'trash' })).rejects.toMatchObject({
        code: 'alreadyExists',
        property: 'role',
      });
      await expect(
        store.updateMailbox(account.id, bin.id, { role: 'important' as never }),
      ).rejects.toMatchObject({ code: 'invalid', property: 'role' });
      await expect(store.updateMailbox(account.id, inbox.id, { role: null })).rejects.toMatchObject({
        code: 'forbidden',
      });
      // A role moves from one mailbox to another in two steps.
      await store.updateMailbox(account.id, trash.id, { role: null });
      await store.updateMailbox(account.id, bin.id, { role: 'trash' });
      expect((await store.findMailboxByRole(account.id, 'trash'))?.id).toBe(bin.id);
    });

    it('lets the Snoozed mailbox, made on demand, take another name when a user mailbox has it', async () => {
      const { store, account, importMail } = f();
      // A user's "Snoozed" (no role), then renamed away and back: the name clash is alreadyExists.
      const mine = await store.createMailbox(account.id, { name: 'Later' });
      await store.updateMailbox(account.id, mine.id, { name: 'Snoozed' });
      const email = await importMail({ Subject: 'Snooze me' });
      await store.snoozeEmail(account.id, email.id, new Date(Date.now() + 3_600_000));
      const snoozed = await store.findMailboxByRole(account.id, 'snoozed');
      expect(snoozed?.name).toBe('Snoozed 2');
      expect((await store.listMailboxes(account.id)).find((m) => m.id === mine.id)?.role).toBeNull();
    });

    it('refuses bad names and unknown or other accounts’ mailboxes', async () => {
      const { store, account, addAccount } = f();
      const work = await store.createMailbox(account.id, { name: 'Work' });
      for (const name of ['  ', 'x'.repeat(256), 'tab\there'])
        await expect(store.updateMailbox(account.id, work.id, { name })).rejects.toMatchObject({
          code: 'invalid',
          property: 'name',
        });
      await expect(
        store.updateMailbox(account.id, 'Munknown000000000' as MailboxId, { name: 'X' }),
      ).rejects.toMatchObject({ code: 'notFound' });
      const bob = await addAccount('bob');
      await expect(store.updateMailbox(bob.account.id, work.id, { name: 'Mine' })).rejects.toMatchObject({
        code: 'notFound',
      });
      expect((await store.listMailboxes(account.id)).find((m) => m.id === work.id)?.name).toBe('Work');
    });
  });

  describe('mailbox destroy', () => {
    const f = useFixture(factory);

    it('destroys an empty mailbox and logs it', async () => {
      const { store, account } = f();
      const old = await store.createMailbox(account.id, { name: 'Old' });
      const since = await store.getState(account.id, 'Mailbox');
      expect(await store.destroyMailbox(account.id, old.id)).toEqual({
        destroyedEmails: [],
        updatedEmails: [],
      });
      expect((await store.listMailboxes(account.id)).map((m) => m.id)).not.toContain(old.id);
      expect(await store.getChanges(account.id, 'Mailbox', since)).toMatchObject({
        created: [],
        updated: [],
        destroyed: [old.id],
      });
      // Its name is free again.
      await store.createMailbox(account.id, { name: 'Old' });
      await expect(store.destroyMailbox(account.id, old.id)).rejects.toMatchObject({ code: 'notFound' });
    });

    it('refuses a mailbox with children, with emails (unless removeEmails), the inbox, another account’s', async () => {
      const { store, account, inbox, importMail, addAccount } = f();
      const parent = await store.createMailbox(account.id, { name: 'Parent' });
      await store.createMailbox(account.id, { name: 'Child', parentId: parent.id });
      const full = await store.createMailbox(account.id, { name: 'Full' });
      await importMail({ Subject: 'kept' }, { mailboxIds: [full.id] });
      const since = await store.getState(account.id, 'Mailbox');
      await expect(store.destroyMailbox(account.id, parent.id)).rejects.toMatchObject({ holds: 'children' });
      await expect(store.destroyMailbox(account.id, parent.id, { removeEmails: true })).rejects.toMatchObject(
        {
          holds: 'children',
        },
      );
      await expect(store.destroyMailbox(account.id, full.id)).rejects.toMatchObject({ holds: 'emails' });
      await expect(store.destroyMailbox(account.id, inbox.id)).rejects.toMatchObject({ code: 'forbidden' });
      const bob = await addAccount('bob');
      await expect(store.destroyMailbox(bob.account.id, full.id)).rejects.toMatchObject({ code: 'notFound' });
      expect(await store.getState(account.id, 'Mailbox')).toBe(since);
      expect((await store.getMailboxCounts(account.id, [full.id])).get(full.id)?.totalEmails).toBe(1);
    });

    it('with removeEmails, destroys emails only in it and takes the others out, counts and integrity kept', async () => {
      const { store, account, inbox, importMail } = f();
      const lists = await store.createMailbox(account.id, { name: 'Lists' });
      const only = await importMail(
        { Subject: 'only here', 'Message-ID': '<o1@x>' },
        { mailboxIds: [lists.id], body: 'quokka' },
      );
      const reply = await importMail(
        { Subject: 'Re: only here', 'Message-ID': '<o2@x>', 'In-Reply-To': '<o1@x>' },
        { mailboxIds: [lists.id, inbox.id] },
      );
      const unrelated = await importMail({ Subject: 'inbox only' });
      const before = {
        Email: await store.getState(account.id, 'Email'),
        Mailbox: await store.getState(account.id, 'Mailbox'),
        Thread: await store.getState(account.id, 'Thread'),
      };
      const usage = await store.getQuota(account.id);

      expect(await store.destroyMailbox(account.id, lists.id, { removeEmails: true })).toEqual({
        destroyedEmails: [only.id],
        updatedEmails: [reply.id],
      });
      expect(await store.getEmails(account.id, [only.id])).toEqual([]);
      const [kept] = await store.getEmails(account.id, [reply.id]);
      expect(kept?.mailboxIds).toEqual([inbox.id]);
      expect((await store.queryEmails(account.id, { filter: { text: 'quokka' } })).ids).toEqual([]);
      expect((await store.queryEmails(account.id, { filter: { inMailbox: inbox.id } })).ids.sort()).toEqual(
        [reply.id, unrelated.id].sort(),
      );
      expect((await store.getMailboxCounts(account.id, [inbox.id, lists.id])).get(inbox.id)).toEqual({
        totalEmails: 2,
        unreadEmails: 2,
        totalThreads: 2,
        unreadThreads: 2,
      });
      expect((await store.getMailboxCounts(account.id, [lists.id])).size).toBe(0);
      expect((await store.getQuota(account.id)).usedEmails).toBe(usage.usedEmails - 1);
      expect(await store.getThreadEmailIds(account.id, reply.threadId)).toEqual([reply.id]);

      const emailChanges = await store.getChanges(account.id, 'Email', before.Email);
      expect(emailChanges).toMatchObject({ created: [], updated: [reply.id], destroyed: [only.id] });
      const mailboxChanges = await store.getChanges(account.id, 'Mailbox', before.Mailbox);
      expect(mailboxChanges).toMatchObject({ created: [], destroyed: [lists.id] });
      expect(mailboxChanges.updated).not.toContain(lists.id);
      expect((await store.getChanges(account.id, 'Thread', before.Thread)).updated).toEqual([reply.threadId]);

      const report = await store.checkIntegrity();
      expect(report.problems).toEqual([]);
      expect(report.emails).toBe(2);
    });

    it('leaves a mailbox of the same name, made afterwards, empty and pageable', async () => {
      const { store, account, importMail } = f();
      const first = await store.createMailbox(account.id, { name: 'Again' });
      for (let n = 0; n < 3; n++)
        await importMail({ Subject: `m${n}` }, { mailboxIds: [first.id], keywords: ['$seen'] });
      await store.destroyMailbox(account.id, first.id, { removeEmails: true });
      const second = await store.createMailbox(account.id, { name: 'Again' });
      expect((await store.getMailboxCounts(account.id, [second.id])).get(second.id)?.totalEmails).toBe(0);
      const fresh = await importMail({ Subject: 'new' }, { mailboxIds: [second.id] });
      expect((await store.queryEmails(account.id, { filter: { inMailbox: second.id } })).ids).toEqual([
        fresh.id,
      ]);
      expect((await store.checkIntegrity()).problems).toEqual([]);
    });
  });
}
