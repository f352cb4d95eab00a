import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeAccountAdmin(factory: MailStoreFactory): void {
  describe('account administration (listDomains, deleteAccount)', () => {
    const f = useFixture(factory);

    it('lists domains by name', async () => {
      const { store } = f();
      await store.createDomain('b-example.test');
      expect((await store.listDomains()).map((d) => d.name)).toEqual(['b-example.test', 'example.test']);
    });

    it('deletes an account with its mail, leaving other accounts and shared blobs intact', async () => {
      const { store, account, importMail, addAccount } = f();
      const bob = await addAccount('bob');
      const mine = await importMail(
        { Subject: 'shared', 'Message-ID': '<s@example.test>' },
        { body: 'same bytes' },
      );
      const raw = (await store.readBlob(account.id, mine.blobId))!;
      const theirs = await store.importMessage(bob.account.id, { raw, mailboxIds: [bob.inbox.id] });
      await store.deleteAccount(account.id);
      expect(await store.getAccount(account.id)).toBeNull();
      expect(await store.findAccountByEmail('alice@example.test')).toBeNull();
      expect((await store.listAccounts()).map((a) => a.email)).toEqual(['bob@example.test']);
      await store.collectGarbage();
      // The blob is still Bob's: deleting Alice removed only her reference.
      expect(await store.readBlob(bob.account.id, theirs.blobId)).toEqual(raw);
      expect((await store.getQuota(bob.account.id)).usedEmails).toBe(1);
      await expect(store.deleteAccount(account.id)).rejects.toBeInstanceOf(NotFoundError);
      // The address is free again.
      const again = await store.createAccount({
        email: 'alice@example.test',
        displayName: 'A',
        passwordHash: 'h',
      });
      expect((await store.getQuota(again.id)).usedEmails).toBe(0);
      expect(await store.listMailboxes(again.id)).toEqual([]);
    });

    it('deletes an account that has aliases, identities, a vacation response, snoozes, uploads and queued mail', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'later' });
      await store.createAlias('sales@example.test', account.id);
      await store.createIdentity(account.id, { email: 'sales@example.test', name: 'Sales' });
      await store.setVacationResponse(account.id, { isEnabled: true, subject: 'Away' });
      await store.snoozeEmail(account.id, email.id, new Date(Date.now() + 3_600_000));
      await store.createUpload(account.id, Readable.from([Buffer.from('upload')]), 'text/plain');
      await store.createSubmission(account.id, {
        emailId: email.id,
        envelope: { mailFrom: 'alice@example.test', rcptTo: ['someone@example.net'] },
        sendAt: new Date(Date.now() + 3_600_000),
      });
      await store.deleteAccount(account.id);
      expect(await store.findAlias('sales@example.test')).toBeNull();
      expect(await store.dueDeliveries(new Date(Date.now() + 7_200_000), 10)).toEqual([]);
      expect((await store.checkIntegrity()).problems).toEqual([]);
      // Its address and its alias can be given to someone else.
      const again = await store.createAccount({
        email: 'alice@example.test',
        displayName: 'A',
        passwordHash: 'h',
      });
      await store.createAlias('sales@example.test', again.id);
    });
  });
}
