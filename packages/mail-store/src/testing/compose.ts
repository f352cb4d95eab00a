import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

export function describeCompose(factory: MailStoreFactory): void {
  describe('buildMessage (outgoing MIME)', () => {
    const f = useFixture(factory);

    it('attaches a stored blob the account holds, byte for byte, and refuses another account’s', async () => {
      const { store, account, addAccount, importMail } = f();
      const source = await importMail(
        { Subject: 'source', 'Content-Type': 'text/plain' },
        { body: 'attach me' },
      );
      const built = await store.buildMessage(account.id, {
        from: [{ name: 'Alice', email: 'alice@example.test' }],
        to: [{ name: null, email: 'bob@example.test' }],
        subject: 'fwd',
        textBody: 'see attached',
        attachments: [
          { blobId: source.blobId, type: 'message/rfc822', name: 'source.eml', disposition: 'attachment' },
        ],
      });
      const bob = await addAccount('bob');
      const imported = await store.importMessage(bob.account.id, {
        raw: built.raw,
        mailboxIds: [bob.inbox.id],
      });
      expect(imported.messageId).toEqual([built.messageId]);
      const [part] = imported.attachments;
      expect(part?.type).toBe('message/rfc822');
      expect(await store.readBlob(bob.account.id, part!.blobId!)).toEqual(
        await store.readBlob(account.id, source.blobId),
      );

      await expect(
        store.buildMessage(bob.account.id, {
          from: [{ name: null, email: 'bob@example.test' }],
          attachments: [{ blobId: source.blobId, type: 'text/plain', name: null, disposition: 'attachment' }],
        }),
      ).resolves.toBeDefined();
      const carol = await addAccount('carol');
      await expect(
        store.buildMessage(carol.account.id, {
          from: [{ name: null, email: 'carol@example.test' }],
          attachments: [{ blobId: source.blobId, type: 'text/plain', name: null, disposition: 'attachment' }],
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
