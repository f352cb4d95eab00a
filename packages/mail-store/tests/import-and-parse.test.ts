import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, message, type TestStore } from './helpers.js';

let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => t.cleanup());

const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes ?? new Uint8Array());

describe('importMessage', () => {
  it('indexes a plain text message and keeps the raw bytes', async () => {
    const raw = message(
      {
        From: '"Bob Martin" <bob@example.test>',
        To: 'alice@example.test, Carol <carol@example.test>',
        Subject: 'Lunch?',
        Date: 'Tue, 03 Nov 2026 10:00:00 +0100',
        'Message-ID': '<lunch-1@example.test>',
      },
      'Shall we have lunch   at noon?\n',
    );
    const email = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    expect(email.subject).toBe('Lunch?');
    expect(email.from).toEqual([{ name: 'Bob Martin', email: 'bob@example.test' }]);
    expect(email.to).toEqual([
      { name: null, email: 'alice@example.test' },
      { name: 'Carol', email: 'carol@example.test' },
    ]);
    expect(email.messageId).toEqual(['lunch-1@example.test']);
    expect(email.sentAt?.toISOString()).toBe('2026-11-03T09:00:00.000Z');
    expect(email.preview).toBe('Shall we have lunch at noon?');
    expect(email.size).toBe(raw.byteLength);
    expect(email.hasAttachment).toBe(false);
    expect(email.textBody).toHaveLength(1);
    expect(email.htmlBody).toEqual(email.textBody);
    expect(Buffer.from((await t.store.readBlob(t.account.id, email.blobId))!).equals(Buffer.from(raw))).toBe(
      true,
    );
    expect(text(await t.store.readBlob(t.account.id, email.textBody[0]!.blobId!))).toContain(
      'lunch   at noon',
    );
  });

  it('decodes RFC 2047 subjects and legacy charsets', async () => {
    const raw = message(
      {
        From: '=?UTF-8?Q?Fran=C3=A7ois?= <f@example.test>',
        Subject: '=?ISO-8859-1?Q?R=E9union_de_l=27=E9quipe?=',
        'Content-Type': 'text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding': 'quoted-printable',
      },
      'Caf=E9 cr=E8me',
    );
    const email = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    expect(email.subject).toBe("Réunion de l'équipe");
    expect(email.from?.[0]?.name).toBe('François');
    expect(email.preview).toBe('Café crème');
  });

  it('uses the HTML as text when there is no text part, and previews its visible text', async () => {
    const raw = message(
      { From: 'a@example.test', Subject: 'News', 'Content-Type': 'text/html; charset=utf-8' },
      '<html><head><style>p{}</style><script>alert(1)</script></head><body><p>Hello &amp; welcome</p></body></html>',
    );
    const email = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    expect(email.textBody.map((p) => p.type)).toEqual(['text/html']);
    expect(email.preview).toBe('Hello & welcome');
  });

  it('stores a malformed message instead of refusing it', async () => {
    const raw = new TextEncoder().encode(
      'From: broken\r\nContent-Type: multipart/mixed; boundary="never-closed"\r\nSubject: =?bogus?X?abc?=\r\n\r\n--never-closed\r\nContent-Type: text/plain\r\n\r\nhalf a message',
    );
    const email = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    expect(email.size).toBe(raw.byteLength);
    const stored = await t.store.readBlob(t.account.id, email.blobId);
    expect(Buffer.from(stored!).equals(Buffer.from(raw))).toBe(true);
  });

  it('survives hostile nesting beyond the depth limit', async () => {
    let body = 'innermost';
    for (let i = 0; i < 40; i++) {
      body = `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n${body}\r\n--b${i}--`;
    }
    const raw = message({ From: 'x@example.test', 'Content-Type': 'multipart/mixed; boundary="b0"' }, body);
    const email = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    let depth = 0;
    for (let part = email.bodyStructure; part.subParts?.[0]; part = part.subParts[0]) depth++;
    expect(depth).toBeLessThanOrEqual(20);
  });
});
