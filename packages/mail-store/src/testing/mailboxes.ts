import { describe, expect, it } from 'vitest';
import type { MailboxId } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeMailboxes(factory: MailStoreFactory): void {
  describe('mailboxes', () => {
    const f = useFixture(factory);

    it('creates mailboxes with defaults and lists only the account’s own', async () => {
      const { store, account, inbox, addAccount } = f();
      const work = await store.createMailbox(account.id, { name: 'Work', sortOrder: 5, isSubscribed: false });
      expect(work).toMatchObject({
        accountId: account.id,
        name: 'Work',
        parentId: null,
        role: null,
        sortOrder: 5,
      });
      expect(work.isSubscribed).toBe(false);
      expect(inbox).toMatchObject({ role: 'inbox', sortOrder: 0, isSubscribed: true, parentId: null });
      const bob = await addAccount('bob');
      const ids = (await store.listMailboxes(account.id)).map((m) => m.id).sort();
      expect(ids).toEqual([inbox.id, work.id].sort());
      expect((await store.listMailboxes(bob.account.id)).map((m) => m.id)).toEqual([bob.inbox.id]);
    });

    it('keeps each role unique within an account, and finds a mailbox by role', async () => {
      const { store, account, inbox, addAccount } = f();
      await expect(
        store.createMailbox(account.id, { name: 'Other inbox', role: 'inbox' }),
      ).rejects.toMatchObject({
        code: 'alreadyExists',
      });
      expect(await store.findMailboxByRole(account.id, 'inbox')).toEqual(inbox);
      expect(await store.findMailboxByRole(account.id, 'trash')).toBeNull();
      const trash = await store.createMailbox(account.id, { name: 'Trash', role: 'trash' });
      expect(await store.findMailboxByRole(account.id, 'trash')).toEqual(trash);
      // Another account has its own roles.
      const bob = await addAccount('bob');
      expect(await store.findMailboxByRole(bob.account.id, 'inbox')).toEqual(bob.inbox);
    });

    it('nests mailboxes, with names unique among siblings', async () => {
      const { store, account } = f();
      const projects = await store.createMailbox(account.id, { name: 'Projects' });
      const child = await store.createMailbox(account.id, { name: 'Colibri', parentId: projects.id });
      expect(child.parentId).toBe(projects.id);
      await expect(
        store.createMailbox(account.id, { name: 'Colibri', parentId: projects.id }),
      ).rejects.toMatchObject({
        code: 'alreadyExists',
      });
      // The same name under another parent is another mailbox.
      const topLevel = await store.createMailbox(account.id, { name: 'Colibri' });
      expect(topLevel.parentId).toBeNull();
      await expect(
        store.createMailbox(account.id, { name: 'Orphan', parentId: 'Munknown000000000' as MailboxId }),
      ).rejects.toMatchObject({ code: 'notFound' });
    });

    it('refuses blank names and parents of another account', async () => {
      const { store, account, inbox, addAccount } = f();
      await expect(store.createMailbox(account.id, { name: '   ' })).rejects.toMatchObject({
        code: 'invalid',
      });
      const bob = await addAccount('bob');
      await expect(
        store.createMailbox(bob.account.id, { name: 'Sneaky', parentId: inbox.id }),
      ).rejects.toMatchObject({
        code: 'notFound',
      });
    });
  });
}
