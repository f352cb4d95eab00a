import { describe, expect, it } from 'vitest';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeAliases(factory: MailStoreFactory): void {
  describe('aliases and domains', () => {
    const f = useFixture(factory);

    it('creates lower-cased aliases and catch-alls for an account, lists and deletes them', async () => {
      const { store, account } = f();
      const { account: bob } = await f().addAccount('bob');
      const sales = await store.createAlias(' Sales@Example.TEST ', account.id);
      expect(sales).toMatchObject({
        address: 'sales@example.test',
        accountId: account.id,
        isCatchAll: false,
      });
      const catchAll = await store.createAlias('@example.test', bob.id);
      expect(catchAll).toMatchObject({ address: '@example.test', accountId: bob.id, isCatchAll: true });
      expect((await store.listAliases()).map((a) => a.address)).toEqual([
        '@example.test',
        'sales@example.test',
      ]);
      expect((await store.listAliases(account.id)).map((a) => a.address)).toEqual(['sales@example.test']);
      expect(await store.findAlias('SALES@example.test')).toEqual(sales);
      expect(await store.deleteAlias('Sales@example.test')).toBe(true);
      expect(await store.deleteAlias('sales@example.test')).toBe(false);
      expect(await store.findAlias('sales@example.test')).toBeNull();
    });

    it('refuses an alias equal to an account address or another alias, or outside our domains', async () => {
      const { store, account } = f();
      await store.createAlias('info@example.test', account.id);
      await expect(store.createAlias('ALICE@example.test', account.id)).rejects.toMatchObject({
        name: 'AliasConflictError',
        code: 'alreadyExists',
      });
      await expect(store.createAlias('Info@Example.test', account.id)).rejects.toMatchObject({
        name: 'AliasConflictError',
      });
      await expect(store.createAlias('x@elsewhere.test', account.id)).rejects.toMatchObject({
        name: 'DomainNotOursError',
      });
      await expect(store.createAlias('no-domain@', account.id)).rejects.toMatchObject({ code: 'invalid' });
      await expect(store.createAlias('nobody', account.id)).rejects.toMatchObject({ code: 'invalid' });
      // Nor may a new account take an alias's address: each address has one owner.
      await expect(
        store.createAccount({ email: 'INFO@example.test', displayName: 'Info', passwordHash: 'h' }),
      ).rejects.toMatchObject({ name: 'AliasConflictError' });
      expect((await store.listAliases()).length).toBe(1);
    });

    it('lists domains and deletes one only when no account or alias uses it', async () => {
      const { store, account } = f();
      await store.createDomain('second.test');
      expect((await store.listDomains()).map((d) => d.name)).toEqual(['example.test', 'second.test']);
      await store.createAlias('@second.test', account.id);
      await expect(store.deleteDomain('second.test')).rejects.toMatchObject({
        name: 'DomainInUseError',
        message: expect.stringContaining('1 alias'),
      });
      await expect(store.deleteDomain('example.test')).rejects.toMatchObject({ name: 'DomainInUseError' });
      await store.deleteAlias('@second.test');
      expect(await store.deleteDomain('SECOND.test')).toBe(true);
      expect(await store.deleteDomain('second.test')).toBe(false);
      expect((await store.listDomains()).map((d) => d.name)).toEqual(['example.test']);
    });

    it('resolves who receives an address: account, alias, subaddress base, then catch-all', async () => {
      const { store, account, addAccount } = f();
      const bob = (await addAccount('bob')).account;
      await store.createAlias('sales@example.test', bob.id);
      expect(await store.resolveAddress('Alice@Example.test')).toBe(account.id);
      expect(await store.resolveAddress('sales@example.test')).toBe(bob.id);
      expect(await store.resolveAddress('alice+news@example.test')).toBe(account.id);
      expect(await store.resolveAddress('sales+eu@example.test')).toBe(bob.id);
      expect(await store.resolveAddress('nobody@example.test')).toBeNull();
      await store.createAlias('@example.test', bob.id);
      expect(await store.resolveAddress('nobody@example.test')).toBe(bob.id);
      // The catch-all never takes an address (or subaddress) an account owns.
      expect(await store.resolveAddress('alice+x@example.test')).toBe(account.id);
      expect(await store.resolveAddress('someone@elsewhere.test')).toBeNull();
    });
  });
}
