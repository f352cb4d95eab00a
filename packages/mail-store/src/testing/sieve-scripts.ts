import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.js';
import type { AccountId, BlobId } from '../model.js';
import type { MailStore } from '../mail-store.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

const day = 24 * 60 * 60 * 1000;

async function upload(store: MailStore, accountId: AccountId, text: string): Promise<BlobId> {
  async function* once() {
    yield new TextEncoder().encode(text);
  }
  return (await store.createUpload(accountId, once(), 'application/sieve')).blobId;
}

export function describeSieveScripts(factory: MailStoreFactory): void {
  describe('sieve scripts (RFC 9661)', () => {
    const f = useFixture(factory);

    it('creates, renames, replaces and destroys scripts, logging SieveScript changes', async () => {
      const { store, account } = f();
      const state = await store.getState(account.id, 'SieveScript');
      const blobId = await upload(store, account.id, 'keep;');
      const script = await store.createSieveScript(account.id, { name: 'main', blobId });
      expect(script).toMatchObject({ name: 'main', blobId, isActive: false });
      const unnamed = await store.createSieveScript(account.id, { blobId });
      expect(unnamed.name).toBe(unnamed.id);
      const other = await upload(store, account.id, 'discard;');
      expect(
        await store.updateSieveScript(account.id, script.id, { name: 'filters', blobId: other }),
      ).toMatchObject({ name: 'filters', blobId: other });
      expect((await store.listSieveScripts(account.id)).map((s) => s.name)).toEqual(
        ['filters', unnamed.id].sort(),
      );
      const changes = await store.getChanges(account.id, 'SieveScript', state);
      expect(changes.created.sort()).toEqual([script.id, unnamed.id].sort());
      await store.destroySieveScript(account.id, unnamed.id);
      await expect(store.destroySieveScript(account.id, unnamed.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.getChanges(account.id, 'SieveScript', state)).created).toEqual([script.id]);
    });

    it('refuses a duplicate name, a bad name and a blob the account may not read', async () => {
      const { store, account, addAccount } = f();
      const bob = await addAccount('bob');
      const blobId = await upload(store, account.id, 'keep;');
      await store.createSieveScript(account.id, { name: 'main', blobId });
      await expect(store.createSieveScript(account.id, { name: 'main', blobId })).rejects.toBeInstanceOf(
        AlreadyExistsError,
      );
      await expect(store.createSieveScript(account.id, { name: 'a\nb', blobId })).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      await expect(store.createSieveScript(bob.account.id, { name: 'x', blobId })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      // Bob's own script of the same name is no clash.
      const bobs = await upload(store, bob.account.id, 'keep;');
      expect(await store.createSieveScript(bob.account.id, { name: 'main', blobId: bobs })).toMatchObject({
        name: 'main',
      });
    });

    it('keeps at most one script active, and refuses to destroy the active one', async () => {
      const { store, account } = f();
      const blobId = await upload(store, account.id, 'keep;');
      const a = await store.createSieveScript(account.id, { name: 'a', blobId });
      const b = await store.createSieveScript(account.id, { name: 'b', blobId });
      expect(await store.activateSieveScript(account.id, a.id)).toEqual([{ id: a.id, isActive: true }]);
      expect(await store.activateSieveScript(account.id, a.id)).toEqual([]);
      expect(await store.activateSieveScript(account.id, b.id)).toEqual([
        { id: a.id, isActive: false },
        { id: b.id, isActive: true },
      ]);
      expect((await store.getActiveSieveScript(account.id))?.id).toBe(b.id);
      await expect(store.destroySieveScript(account.id, b.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await store.activateSieveScript(account.id, null)).toEqual([{ id: b.id, isActive: false }]);
      expect(await store.getActiveSieveScript(account.id)).toBeNull();
      await store.destroySieveScript(account.id, b.id);
    });

    it("keeps a script's blob readable after its upload expires, and frees it once the script is gone", async () => {
      const { store, account } = f();
      const blobId = await upload(store, account.id, 'require "fileinto"; fileinto "x";');
      const script = await store.createSieveScript(account.id, { name: 'main', blobId });
      const later = { now: new Date(Date.now() + 2 * day) };
      expect((await store.collectGarbage(later)).removedBlobs).toBe(0);
      expect(await store.readBlob(account.id, blobId)).not.toBeNull();
      await store.destroySieveScript(account.id, script.id);
      expect((await store.collectGarbage(later)).removedBlobs).toBe(1);
      expect(await store.readBlob(account.id, blobId)).toBeNull();
    });

    it('deletes the scripts with their account', async () => {
      const { store, addAccount } = f();
      const bob = await addAccount('bob');
      const blobId = await upload(store, bob.account.id, 'keep;');
      const script = await store.createSieveScript(bob.account.id, { name: 'main', blobId });
      await store.activateSieveScript(bob.account.id, script.id);
      await store.deleteAccount(bob.account.id);
      expect((await store.collectGarbage({ now: new Date(Date.now() + 2 * day) })).removedBlobs).toBe(1);
    });
  });
}
