import { describe, expect, it } from 'vitest';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

async function* inChunks(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

export function describeImportStream(factory: MailStoreFactory): void {
  describe('import from a stream', () => {
    const f = useFixture(factory);

    it('stores the same raw blob, parts and body lists as importMessage (RFC 8621 §4.1.4)', async () => {
      const { store, account, inbox } = f();
      const raw = rawMessage(
        { From: 'a@example.test', Subject: 'streamed', 'Content-Type': 'multipart/mixed; boundary=s' },
        '--s\nContent-Type: text/plain\n\nhello stream\n--s\nContent-Type: application/pdf; name=a.pdf\n' +
          'Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--s--\n',
      );
      const streamed = await store.importMessageStream(account.id, {
        source: inChunks(raw, 7),
        mailboxIds: [inbox.id],
        keywords: ['$seen'],
      });
      const direct = await store.importMessage(account.id, { raw, mailboxIds: [inbox.id] });
      expect(streamed.blobId).toBe(direct.blobId);
      expect(streamed.size).toBe(raw.byteLength);
      expect(streamed.bodyStructure).toEqual(direct.bodyStructure);
      expect(streamed.textBody).toEqual(direct.textBody);
      expect(streamed.attachments).toEqual(direct.attachments);
      expect(streamed.keywords).toEqual(['$seen']);
      expect(Buffer.from((await store.readBlob(account.id, streamed.blobId))!).equals(Buffer.from(raw))).toBe(
        true,
      );
      expect((await store.getQuota(account.id)).usedEmails).toBe(2);
    });

    it('refuses a stream into an unknown mailbox without storing a row', async () => {
      const { store, account, addAccount } = f();
      const bob = await addAccount('bob');
      await expect(
        store.importMessageStream(account.id, {
          source: inChunks(rawMessage({ Subject: 'x' }, 'x'), 4),
          mailboxIds: [bob.inbox.id],
        }),
      ).rejects.toMatchObject({ code: 'notFound' });
      expect((await store.queryEmails(account.id, {})).total).toBe(0);
    });
  });
}
