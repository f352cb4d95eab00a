import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsBlobStore } from '../src/blobs/fs-blob-store.js';
import { createTestStore, message, type TestStore } from './helpers.js';

// SQLite + files: a leaf part is not a blob of its own; it is decoded from its message on read,
// and a file an older store wrote for it is still read first.
let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => t.cleanup());

const blobFile = (blobId: string) =>
  path.join(t.dataDir, 'blobs', blobId.slice(1, 3), blobId.slice(3, 5), blobId.slice(1));

const withAttachment = message(
  { Subject: 'parts', 'Content-Type': 'multipart/mixed; boundary=m' },
  '--m\n\nthe body\n--m\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAECAwQF/w==\n--m--',
);

describe('leaf parts on SQLite and files', () => {
  it('writes the raw message only, and decodes each part from it byte for byte', async () => {
    const email = await t.store.importMessage(t.account.id, {
      raw: withAttachment,
      mailboxIds: [t.inbox.id],
    });
    const attachment = email.attachments[0]!.blobId!;
    // A small message is a row of small_blobs (small-blobs.ts); its parts are no blobs at all.
    const db = new Database(path.join(t.dataDir, 'colibri.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT id FROM small_blobs').pluck().all();
    db.close();
    expect(stored).toEqual([email.blobId]);
    expect(existsSync(blobFile(attachment))).toBe(false);
    expect([...(await t.store.readBlob(t.account.id, attachment))!]).toEqual([0, 1, 2, 3, 4, 5, 255]);
    const opened = await t.store.openBlob(t.account.id, attachment);
    expect(opened?.size).toBe(7);
  });

  it('reads a part kept as a file by an older store first, even once its message is gone', async () => {
    const email = await t.store.importMessage(t.account.id, {
      raw: withAttachment,
      mailboxIds: [t.inbox.id],
    });
    const attachment = email.attachments[0]!.blobId!;
    await createFsBlobStore(path.join(t.dataDir, 'blobs')).put(new Uint8Array([0, 1, 2, 3, 4, 5, 255]));
    const db = new Database(path.join(t.dataDir, 'colibri.sqlite'));
    db.prepare('DELETE FROM small_blobs WHERE id = ?').run(email.blobId);
    db.close();
    expect([...(await t.store.readBlob(t.account.id, attachment))!]).toEqual([0, 1, 2, 3, 4, 5, 255]);
    expect(await t.store.readBlob(t.account.id, email.textBody[0]!.blobId!)).toBeNull();
  });

  it('streams a large part out of its message with the recorded size and the exact bytes', async () => {
    const decoded = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < decoded.length; i += 4) decoded.writeUInt32BE(i, i);
    const base64 = decoded.toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = Buffer.from(
      'From: a@example.test\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n' +
        '--b\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/octet-stream\r\n' +
        `Content-Transfer-Encoding: base64\r\n\r\n${base64}\r\n--b--\r\n`,
    );
    const email = await t.store.importMessageStream(t.account.id, {
      source: (async function* () {
        for (let at = 0; at < raw.length; at += 65536) yield raw.subarray(at, at + 65536);
      })(),
      mailboxIds: [t.inbox.id],
    });
    const opened = await t.store.openBlob(t.account.id, email.attachments[0]!.blobId!);
    expect(opened?.size).toBe(decoded.length);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.stream as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(decoded)).toBe(true);
  });
});
