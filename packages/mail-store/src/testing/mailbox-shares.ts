import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { MAILBOX_RIGHT_NAMES, type MailboxAccess, type MailboxRightName } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

function rights(...granted: MailboxRightName[]): MailboxAccess {
  return Object.fromEntries(
    MAILBOX_RIGHT_NAMES.map((name) => [name, granted.includes(name)]),
  ) as MailboxAccess;
}

export function describeMailboxShares(factory: MailStoreFactory): void {
  describe('mailbox shares (RFC 9670)', () => {
    const f = useFixture(factory);

    it('shares a mailbox, lists it on both sides, moves the Mailbox state, and unshares', async () => {
      const { store, account, inbox, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      const before = await store.getState(account.id, 'Mailbox');
      await store.setMailboxShares(
        account.id,
        inbox.id,
        new Map([[bob.id, rights('mayReadItems', 'maySetSeen')]]),
      );
      const share = {
        accountId: account.id,
        mailboxId: inbox.id,
        granteeId: bob.id,
        rights: rights('mayReadItems', 'maySetSeen'),
        isSubscribed: true,
      };
      expect(await store.listMailboxShares(account.id)).toEqual([share]);
      expect(await store.listSharesWith(bob.id)).toEqual([share]);
      expect(await store.listSharesWith(account.id)).toEqual([]);
      const after = await store.getState(account.id, 'Mailbox');
      expect(after).not.toBe(before);
      expect((await store.getChanges(account.id, 'Mailbox', before)).updated).toEqual([inbox.id]);

      // The same set again writes nothing; all-false rights drop the grantee.
      await store.setMailboxShares(
        account.id,
        inbox.id,
        new Map([[bob.id, rights('mayReadItems', 'maySetSeen')]]),
      );
      expect(await store.getState(account.id, 'Mailbox')).toBe(after);
      await store.setMailboxShares(account.id, inbox.id, new Map([[bob.id, rights()]]));
      expect(await store.listSharesWith(bob.id)).toEqual([]);
    });

    it('keeps the grantee subscription across a rights change, and lets them unsubscribe', async () => {
      const { store, account, inbox, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      await store.setMailboxShares(account.id, inbox.id, new Map([[bob.id, rights('mayReadItems')]]));
      await store.setShareSubscribed(account.id, inbox.id, bob.id, false);
      await store.setMailboxShares(
        account.id,
        inbox.id,
        new Map([[bob.id, rights('mayReadItems', 'mayAddItems')]]),
      );
      const [share] = await store.listSharesWith(bob.id);
      expect(share?.isSubscribed).toBe(false);
      expect(share?.rights.mayAddItems).toBe(true);
      const { account: carol } = await addAccount('carol');
      await expect(store.setShareSubscribed(account.id, inbox.id, carol.id, true)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('refuses the owner, unknown accounts and unknown mailboxes, changing nothing', async () => {
      const { store, account, inbox, addAccount } = f();
      const { account: bob, inbox: bobInbox } = await addAccount('bob');
      await store.setMailboxShares(account.id, inbox.id, new Map([[bob.id, rights('mayReadItems')]]));
      await expect(
        store.setMailboxShares(account.id, inbox.id, new Map([[account.id, rights('mayReadItems')]])),
      ).rejects.toBeInstanceOf(InvalidInputError);
      await expect(
        store.setMailboxShares(
          account.id,
          inbox.id,
          new Map([[`${bob.id}x` as typeof bob.id, rights('mayReadItems')]]),
        ),
      ).rejects.toBeInstanceOf(InvalidInputError);
      // Another account's mailbox is unknown here.
      await expect(
        store.setMailboxShares(account.id, bobInbox.id, new Map([[bob.id, rights('mayReadItems')]])),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.listSharesWith(bob.id)).map((s) => s.mailboxId)).toEqual([inbox.id]);
    });

    it('tells each grantee whose rights changed, naming who changed them (RFC 9670 §3)', async () => {
      const { store, account, inbox, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      const before = await store.getState(bob.id, 'ShareNotification');
      await store.setMailboxShares(
        account.id,
        inbox.id,
        new Map([[bob.id, rights('mayReadItems')]]),
        account.id,
      );
      await store.setMailboxShares(
        account.id,
        inbox.id,
        new Map([[bob.id, rights('mayReadItems', 'mayAddItems')]]),
        account.id,
      );
      await store.setMailboxShares(account.id, inbox.id, new Map(), account.id);
      const notes = await store.listShareNotifications(bob.id);
      expect(notes.map((n) => [n.oldRights?.mayAddItems ?? null, n.newRights?.mayAddItems ?? null])).toEqual([
        [null, false],
        [false, true],
        [true, null],
      ]);
      expect(notes[0]).toMatchObject({
        accountId: bob.id,
        objectType: 'Mailbox',
        objectAccountId: account.id,
        objectId: inbox.id,
        name: inbox.name,
        changedBy: { name: account.displayName, email: account.email, principalId: account.id },
      });
      expect((await store.getChanges(bob.id, 'ShareNotification', before)).created).toHaveLength(3);
      expect(await store.listShareNotifications(account.id)).toEqual([]);
      await store.destroyShareNotification(bob.id, notes[0]!.id);
      await expect(store.destroyShareNotification(account.id, notes[1]!.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await store.listShareNotifications(bob.id)).toHaveLength(2);
    });

    it('dismisses the notifications about a mailbox once the grantee subscribes to it', async () => {
      const { store, account, inbox, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      await store.setMailboxShares(
        account.id,
        inbox.id,
        new Map([[bob.id, rights('mayReadItems')]]),
        account.id,
      );
      await store.setShareSubscribed(account.id, inbox.id, bob.id, false);
      expect(await store.listShareNotifications(bob.id)).toHaveLength(1);
      await store.setShareSubscribed(account.id, inbox.id, bob.id, true);
      expect(await store.listShareNotifications(bob.id)).toEqual([]);
    });

    it('drops the shares of a destroyed mailbox and of a deleted grantee', async () => {
      const { store, account, inbox, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      const { account: carol } = await addAccount('carol');
      const folder = await store.createMailbox(account.id, { name: 'Team' });
      await store.setMailboxShares(account.id, folder.id, new Map([[bob.id, rights('mayReadItems')]]));
      await store.setMailboxShares(account.id, inbox.id, new Map([[carol.id, rights('mayReadItems')]]));
      await store.destroyMailbox(account.id, folder.id);
      expect(await store.listSharesWith(bob.id)).toEqual([]);
      await store.deleteAccount(carol.id);
      expect(await store.listMailboxShares(account.id)).toEqual([]);
    });
  });
}
