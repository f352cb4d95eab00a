import { describe, expect, it } from 'vitest';
import { blobIdOf } from '../blobs/blob-id.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

const day = 24 * 60 * 60 * 1000;
const bytes = (s: string) => new TextEncoder().encode(s);
async function* chunks(...parts: string[]) {
  for (const p of parts) yield bytes(p);
}

export function describeUploads(factory: MailStoreFactory): void {
  // RFC 8620 §6.1: an upload is a blob the account may then reference, kept for a limited time.
  describe('uploads', () => {
    const f = useFixture(factory);

    it('streams an upload into a blob the uploading account (only) may read', async () => {
      const { store, account, addAccount } = f();
      const bob = await addAccount('bob');
      const upload = await store.createUpload(account.id, chunks('hello ', 'upload'), 'text/plain');
      expect(upload).toMatchObject({ accountId: account.id, size: 12, type: 'text/plain' });
      expect(upload.blobId).toBe(blobIdOf(bytes('hello upload')));
      expect(upload.expiresAt.getTime()).toBeGreaterThan(Date.now());
      expect(new TextDecoder().decode((await store.readBlob(account.id, upload.blobId))!)).toBe(
        'hello upload',
      );
      expect(await store.readBlob(bob.account.id, upload.blobId)).toBeNull();
    });

    it('refuses an upload over maxBytes with tooLarge, and the account gains nothing', async () => {
      const { store, account } = f();
      await expect(
        store.createUpload(account.id, chunks('0123456789', '0123456789'), 'application/octet-stream', {
          maxBytes: 15,
        }),
      ).rejects.toMatchObject({ code: 'tooLarge' });
      expect(await store.readBlob(account.id, blobIdOf(bytes('01234567890123456789')))).toBeNull();
    });

    it('releases an unreferenced upload after its expiry and then removes the blob', async () => {
      const { store, account } = f();
      const upload = await store.createUpload(account.id, chunks('short-lived'), 'text/plain');
      expect((await store.collectGarbage()).removedBlobs).toBe(0);
      expect(await store.readBlob(account.id, upload.blobId)).not.toBeNull();
      const later = { now: new Date(Date.now() + 2 * day) };
      const gc = await store.collectGarbage(later);
      expect(gc.expiredUploads).toBe(1);
      expect(gc.removedBlobs).toBe(1);
      expect(await store.readBlob(account.id, upload.blobId)).toBeNull();
    });

    it('keeps an expired upload blob that an email of the account still uses', async () => {
      const { store, account, importMail } = f();
      const email = await importMail({ Subject: 'kept' }, { body: 'shared bytes' });
      const raw = (await store.readBlob(account.id, email.blobId))!;
      async function* once() {
        yield raw;
      }
      const upload = await store.createUpload(account.id, once(), 'message/rfc822');
      expect(upload.blobId).toBe(email.blobId);
      const gc = await store.collectGarbage({ now: new Date(Date.now() + 2 * day) });
      expect(gc.removedBlobs).toBe(0);
      expect(await store.readBlob(account.id, email.blobId)).not.toBeNull();
    });
  });
}
