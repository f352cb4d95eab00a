import { describe, expect, it } from 'vitest';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

async function* chunks(bytes: Uint8Array) {
  yield bytes;
}

const multipart = rawMessage(
  {
    From: 'Carol <carol@example.org>',
    Subject: 'Parsed',
    'Message-ID': '<parsed@example.org>',
    'Content-Type': 'multipart/mixed; boundary="b"',
  },
  [
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello there.',
    '--b',
    'Content-Type: application/octet-stream; name="a.bin"',
    'Content-Disposition: attachment; filename="a.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    'AAEC',
    '--b--',
    '',
  ].join('\n'),
);

export function describeParseAndLookupBlobs(factory: MailStoreFactory): void {
  // RFC 8621 §4.9: a blob parsed as a message, nothing stored.
  describe('parseBlob', () => {
    const f = useFixture(factory);

    it('parses an uploaded message like import would, with its text contents, storing nothing', async () => {
      const { store, account } = f();
      const upload = await store.createUpload(account.id, chunks(multipart), 'message/rfc822');
      const before = await store.getState(account.id, 'Email');
      const result = await store.parseBlob(account.id, upload.blobId);
      if (result.status !== 'parsed') throw new Error(`not parsed: ${result.status}`);
      expect(result.email).toMatchObject({
        blobId: upload.blobId,
        size: multipart.byteLength,
        subject: 'Parsed',
        messageId: ['parsed@example.org'],
        from: [{ name: 'Carol', email: 'carol@example.org' }],
        hasAttachment: true,
        textBody: [{ partId: '1', type: 'text/plain' }],
        attachments: [{ partId: '2', name: 'a.bin', size: 3 }],
      });
      expect(new TextDecoder().decode(result.textContents.get('1'))).toBe('Hello there.');
      expect(result.textContents.has('2')).toBe(false);
      expect(await store.getState(account.id, 'Email')).toBe(before);
      expect((await store.queryEmails(account.id, { position: 0, limit: 10 })).ids).toEqual([]);
    });

    it('answers notAMessage for bytes that are not a message and notFound for blobs it may not read', async () => {
      const { store, account, addAccount } = f();
      const bob = await addAccount('bob');
      const text = await store.createUpload(
        account.id,
        chunks(new TextEncoder().encode('no header here')),
        'text/plain',
      );
      const empty = await store.createUpload(account.id, chunks(new Uint8Array()), 'text/plain');
      const bobs = await store.createUpload(bob.account.id, chunks(multipart), 'message/rfc822');
      expect(await store.parseBlob(account.id, text.blobId)).toEqual({ status: 'notAMessage' });
      expect(await store.parseBlob(account.id, empty.blobId)).toEqual({ status: 'notAMessage' });
      expect(await store.parseBlob(account.id, bobs.blobId)).toEqual({ status: 'notFound' });
    });
  });

  // RFC 9404 §4.3: who in an account refers to a blob.
  describe('lookupBlobs', () => {
    const f = useFixture(factory);

    it('names the emails, threads and mailboxes of a raw message and of a part, per account', async () => {
      const { store, account, inbox, addAccount } = f();
      const archive = await store.createMailbox(account.id, { name: 'Archive', role: 'archive' });
      const first = await store.importMessage(account.id, { raw: multipart, mailboxIds: [inbox.id] });
      const second = await store.importMessage(account.id, { raw: multipart, mailboxIds: [archive.id] });
      const bob = await addAccount('bob');
      await store.importMessage(bob.account.id, { raw: multipart, mailboxIds: [bob.inbox.id] });
      const part = first.attachments[0]!.blobId!;
      const found = await store.lookupBlobs(account.id, [first.blobId, part]);
      const expected = {
        emailIds: [first.id, second.id].sort(),
        threadIds: [...new Set([first.threadId, second.threadId])].sort(),
        mailboxIds: [inbox.id, archive.id].sort(),
      };
      expect(found.get(first.blobId)).toEqual(expected);
      expect(found.get(part)).toEqual(expected);
    });

    it('gives empty lists for an upload nothing refers to and leaves out blobs it may not read', async () => {
      const { store, account, addAccount } = f();
      const bob = await addAccount('bob');
      const mine = await store.createUpload(account.id, chunks(multipart), 'message/rfc822');
      const bobs = await store.createUpload(
        bob.account.id,
        chunks(new TextEncoder().encode('bob')),
        'text/plain',
      );
      const found = await store.lookupBlobs(account.id, [mine.blobId, bobs.blobId]);
      expect([...found.entries()]).toEqual([[mine.blobId, { emailIds: [], threadIds: [], mailboxIds: [] }]]);
    });
  });
}
