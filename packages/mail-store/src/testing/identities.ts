import { describe, expect, it } from 'vitest';
import { ForbiddenError, ForbiddenFromError, NotFoundError } from '../errors.js';
import type { IdentityId } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeIdentities(factory: MailStoreFactory): void {
  describe('identities (RFC 8621 §6)', () => {
    const f = useFixture(factory);

    it('gives every new account a default identity for its own address that cannot be destroyed', async () => {
      const { store, account } = f();
      const [identity, ...others] = await store.listIdentities(account.id);
      expect(others).toEqual([]);
      expect(identity).toMatchObject({ email: 'alice@example.test', name: 'alice', mayDelete: false });
      await expect(store.destroyIdentity(account.id, identity!.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await store.getState(account.id, 'Identity')).not.toBe('0');
    });

    it('creates, updates and destroys identities for the own address and its plus-addresses, logging changes', async () => {
      const { store, account } = f();
      const state = await store.getState(account.id, 'Identity');
      const news = await store.createIdentity(account.id, {
        email: 'Alice+News@example.test',
        name: 'Alice (news)',
        replyTo: [{ name: null, email: 'alice@example.test' }],
        textSignature: '-- \nAlice',
      });
      expect(news).toMatchObject({ email: 'alice+news@example.test', mayDelete: true, bcc: null });
      const updated = await store.updateIdentity(account.id, news.id, {
        name: 'News',
        htmlSignature: '<b>A</b>',
      });
      expect(updated).toMatchObject({ name: 'News', htmlSignature: '<b>A</b>', textSignature: '-- \nAlice' });
      expect((await store.listIdentities(account.id)).map((i) => i.email)).toEqual([
        'alice@example.test',
        'alice+news@example.test',
      ]);
      const afterCreate = await store.getChanges(account.id, 'Identity', state);
      expect(afterCreate.created).toEqual([news.id]);
      await store.destroyIdentity(account.id, news.id);
      const afterDestroy = await store.getChanges(account.id, 'Identity', state);
      expect(afterDestroy).toMatchObject({ created: [], updated: [], destroyed: [] });
      await expect(store.destroyIdentity(account.id, news.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('refuses an address the account may not use (forbiddenFrom), including another account’s', async () => {
      const { store, account, addAccount } = f();
      const bob = await addAccount('bob');
      for (const email of [
        'bob@example.test',
        'alice@other.test',
        'alicex@example.test',
        'x+alice@example.test',
      ]) {
        const refused = store.createIdentity(account.id, { email });
        await expect(refused).rejects.toBeInstanceOf(ForbiddenFromError);
        await expect(refused).rejects.toMatchObject({ code: 'forbiddenFrom' });
      }
      expect(await store.mayUseAddress(account.id, 'alice+any@example.test')).toBe(true);
      expect(await store.mayUseAddress(bob.account.id, 'alice@example.test')).toBe(false);
    });

    it('lets an account send as its aliases, their subaddresses and, with a catch-all, unowned addresses', async () => {
      const { store, account, addAccount } = f();
      await addAccount('bob');
      await store.createAlias('sales@example.test', account.id);
      expect(await store.mayUseAddress(account.id, 'Sales@example.test')).toBe(true);
      expect(await store.mayUseAddress(account.id, 'sales+eu@example.test')).toBe(true);
      expect(await store.mayUseAddress(account.id, 'info@example.test')).toBe(false);
      await store.createAlias('@example.test', account.id);
      expect(await store.mayUseAddress(account.id, 'info@example.test')).toBe(true);
      // The catch-all never covers an address another account owns.
      expect(await store.mayUseAddress(account.id, 'bob@example.test')).toBe(false);
      expect(await store.mayUseAddress(account.id, 'bob+x@example.test')).toBe(false);
      const identity = await store.createIdentity(account.id, { email: 'sales@example.test', name: 'Sales' });
      expect(identity.email).toBe('sales@example.test');
    });

    it('keeps identities per account', async () => {
      const { store, account, addAccount } = f();
      const bob = await addAccount('bob');
      const [bobs] = await store.listIdentities(bob.account.id);
      await expect(store.updateIdentity(account.id, bobs!.id, { name: 'mine' })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(store.destroyIdentity(account.id, 'Inope' as IdentityId)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });
}
