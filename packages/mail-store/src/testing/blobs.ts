import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { toBlobId } from '../blobs/blob-id.js';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

const text = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);

export function describeBlobs(factory: MailStoreFactory): void {
  describe('blobs', () => {
    const f = useFixture(factory);

    it('keeps the raw message byte for byte, and reads and streams it', async () => {
      const { store, account, inbox } = f();
      const raw = rawMessage({ Subject: 'bytes' }, 'Caf\u00e9 \u2603\n');
      const email = await store.importMessage(account.id, { raw, mailboxIds: [inbox.id] });
      expect(Buffer.from((await store.readBlob(account.id, email.blobId))!).equals(Buffer.from(raw))).toBe(
        true,
      );
      const opened = await store.openBlob(account.id, email.blobId);
      expect(opened?.size).toBe(raw.byteLength);
      expect((await buffer(opened!.stream)).equals(Buffer.from(raw))).toBe(true);
      expect(text(await store.readBlob(account.id, email.textBody[0]!.blobId!))).toContain(
        'Caf\u00e9 \u2603',
      );
    });

    it('stores identical content once, under one content address', async () => {
      const { store, account, importMail } = f();
      const one = await importMail({ Subject: 'same' }, { body: 'same bytes' });
      const two = await importMail({ Subject: 'same' }, { body: 'same bytes' });
      const other = await importMail({ Subject: 'other' }, { body: 'same bytes' });
      expect(one.id).not.toBe(two.id);
      expect(one.blobId).toBe(two.blobId);
      expect(other.blobId).not.toBe(one.blobId);
      // The decoded body part is the same bytes in all three messages.
      expect(other.textBody[0]?.blobId).toBe(one.textBody[0]?.blobId);
      expect(await store.readBlob(account.id, one.blobId)).not.toBeNull();
    });

    it('lets every account that imported the same bytes read them, and no other', async () => {
      const { store, account, inbox, addAccount } = f();
      const bob = await addAccount('bob');
      const carol = await addAccount('carol');
      const raw = rawMessage(
        { From: 'a@example.test', Subject: 'to both', 'Content-Type': 'multipart/mixed; boundary=z' },
        '--z\n\nhi\n--z--',
      );
      const alices = await store.importMessage(account.id, { raw, mailboxIds: [inbox.id] });
      expect(await store.readBlob(bob.account.id, alices.blobId)).toBeNull();
      expect(await store.openBlob(bob.account.id, alices.blobId)).toBeNull();
      const bobs = await store.importMessage(bob.account.id, { raw, mailboxIds: [bob.inbox.id] });
      expect(bobs.blobId).toBe(alices.blobId);
      const part = alices.textBody[0]!.blobId!;
      expect(text(await store.readBlob(bob.account.id, part))).toBe('hi');
      expect(await store.readBlob(carol.account.id, alices.blobId)).toBeNull();
      expect(await store.readBlob(carol.account.id, part)).toBeNull();
      expect(await store.openBlob(carol.account.id, part)).toBeNull();
    });

    it('answers null for a blob that does not exist', async () => {
      const { store, account } = f();
      const missing = toBlobId(`G${'0'.repeat(64)}`)!;
      expect(await store.readBlob(account.id, missing)).toBeNull();
      expect(await store.openBlob(account.id, missing)).toBeNull();
    });
  });
}
