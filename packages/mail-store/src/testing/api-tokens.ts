import { describe, expect, it } from 'vitest';
import { apiTokenDigest, mintApiToken } from '../api-token-secret.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { apiTokenLimits } from '../sqlite/api-tokens.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeApiTokens(factory: MailStoreFactory): void {
  describe('API tokens (digests only)', () => {
    const f = useFixture(factory);

    it('creates by digest, finds by digest with the owner, lists, marks used, deletes', async () => {
      const { store, account } = f();
      const { token, digest } = mintApiToken();
      expect(token).toMatch(/^colibri_[A-Za-z0-9_-]{43}$/);
      expect(digest).toBe(apiTokenDigest(token));
      const created = await store.createApiToken(account.id, { digest, name: 'laptop' });
      expect(created).toMatchObject({ accountId: account.id, name: 'laptop', lastUsedAt: null });
      expect(created.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(await store.findApiTokenByDigest(digest)).toEqual({ token: created, email: account.email });
      expect(await store.findApiTokenByDigest(apiTokenDigest(`${token}x`))).toBeNull();
      expect(await store.listApiTokens(account.id)).toEqual([created]);
      const at = new Date('2030-01-02T03:04:05Z');
      await store.markApiTokenUsed(created.id, at);
      expect((await store.listApiTokens(account.id))[0]?.lastUsedAt).toEqual(at);
      await store.deleteApiToken(account.id, created.id);
      expect(await store.findApiTokenByDigest(digest)).toBeNull();
      expect(await store.listApiTokens(account.id)).toEqual([]);
      await expect(store.deleteApiToken(account.id, created.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('another account neither lists nor deletes a token; deleting the account deletes its tokens', async () => {
      const { store, account, addAccount } = f();
      const { account: other } = await addAccount('bob');
      const { digest } = mintApiToken();
      const created = await store.createApiToken(account.id, { digest, name: 'script' });
      expect(await store.listApiTokens(other.id)).toEqual([]);
      await expect(store.deleteApiToken(other.id, created.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.findApiTokenByDigest(digest)).not.toBeNull();
      await store.deleteAccount(account.id);
      expect(await store.findApiTokenByDigest(digest)).toBeNull();
    });

    it(`refuses more than ${apiTokenLimits.maxPerAccount} per account, a bad digest or name, an unknown account`, async () => {
      const { store, account, addAccount } = f();
      const name = 'n';
      await expect(store.createApiToken(account.id, { digest: 'secret', name })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      const long = 'x'.repeat(apiTokenLimits.maxNameChars + 1);
      await expect(
        store.createApiToken(account.id, { digest: mintApiToken().digest, name: long }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      const { account: gone } = await addAccount('gone');
      await store.deleteAccount(gone.id);
      await expect(
        store.createApiToken(gone.id, { digest: mintApiToken().digest, name }),
      ).rejects.toBeInstanceOf(NotFoundError);
      for (let i = 0; i < apiTokenLimits.maxPerAccount; i++)
        await store.createApiToken(account.id, { digest: mintApiToken().digest, name });
      await expect(
        store.createApiToken(account.id, { digest: mintApiToken().digest, name }),
      ).rejects.toBeInstanceOf(InvalidInputError);
      expect(await store.listApiTokens(account.id)).toHaveLength(apiTokenLimits.maxPerAccount);
    });
  });
}
