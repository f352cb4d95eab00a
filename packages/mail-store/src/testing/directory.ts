import { describe, expect, it } from 'vitest';
import type { AccountId } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeDirectory(factory: MailStoreFactory): void {
  describe('directory', () => {
    const f = useFixture(factory);

    it('creates domains once and finds them case-insensitively', async () => {
      const { store } = f();
      const domain = await store.createDomain('Other.Example');
      expect(domain.name).toBe('other.example');
      expect(await store.findDomain('OTHER.example')).toEqual(domain);
      expect(await store.findDomain('missing.example')).toBeNull();
      await expect(store.createDomain('other.EXAMPLE')).rejects.toMatchObject({ code: 'alreadyExists' });
      await expect(store.createDomain('not a domain')).rejects.toMatchObject({ code: 'invalid' });
    });

    it('creates accounts with a lower-cased, unique address in a known domain', async () => {
      const { store, account } = f();
      expect(account.email).toBe('alice@example.test');
      expect(account.domainId).toBe((await store.findDomain('example.test'))?.id);
      const bob = await store.createAccount({
        email: ' Bob@Example.TEST ',
        displayName: 'Bob',
        passwordHash: 'h',
      });
      expect(bob).toMatchObject({ email: 'bob@example.test', displayName: 'Bob' });
      await expect(
        store.createAccount({ email: 'ALICE@example.test', displayName: 'Again', passwordHash: 'h' }),
      ).rejects.toMatchObject({ code: 'alreadyExists' });
      await expect(
        store.createAccount({ email: 'carol@unknown.test', displayName: 'Carol', passwordHash: 'h' }),
      ).rejects.toMatchObject({ code: 'notFound' });
      await expect(
        store.createAccount({ email: 'no-at-sign', displayName: 'X', passwordHash: 'h' }),
      ).rejects.toMatchObject({ code: 'invalid' });
      expect((await store.listAccounts()).map((a) => a.email).sort()).toEqual([
        'alice@example.test',
        'bob@example.test',
      ]);
    });

    it('looks accounts up by id and by address, whatever its case', async () => {
      const { store, account } = f();
      expect(await store.getAccount(account.id)).toEqual(account);
      expect(await store.findAccountByEmail('ALICE@Example.Test')).toEqual(account);
      expect(await store.findAccountByEmail('nobody@example.test')).toBeNull();
      expect(await store.getAccount('Aunknown000000000' as AccountId)).toBeNull();
    });

    it('keeps and replaces the password hash it was given', async () => {
      const { store, account } = f();
      expect(await store.getPasswordHash(account.id)).toBe('hash-alice');
      await store.setPasswordHash(account.id, 'new-hash');
      expect(await store.getPasswordHash(account.id)).toBe('new-hash');
      expect(await store.getPasswordHash('Aunknown000000000' as AccountId)).toBeNull();
    });
  });
}
