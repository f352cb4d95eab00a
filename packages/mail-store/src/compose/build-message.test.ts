import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { BlobId } from '../model.js';
import { parseMessage } from '../mime/parse-message.js';
import type { MimePart } from '../mime/mime-tree.js';
import { buildMessage, composeLimits, type OpenBlob } from './build-message.js';

const noBlobs: OpenBlob = async () => null;
const ALICE = { name: 'Alice Example', email: 'alice@example.test' };
const BOB = { name: 'Bob', email: 'bob@example.net' };
const text = (raw: Uint8Array) => Buffer.from(raw).toString('latin1');
const headerBlock = (raw: Uint8Array) => text(raw).split('\r\n\r\n')[0]!;
const shape = (p: MimePart): unknown => (p.subParts ? { [p.type]: p.subParts.map(shape) } : p.type);

/** RFC 5322 §2.1 / §2.1.1: every line ends in CRLF and is at most 998 characters. */
function assertWellFormedLines(raw: Uint8Array): void {
  const s = text(raw);
  expect(s).not.toMatch(/[^\r]\n/);
  expect(s).not.toMatch(/\r[^\n]/);
  for (const line of s.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
}

describe('buildMessage (RFC 5322, RFC 2045-2049)', () => {
  it('writes a plain text message with Date and a generated Message-ID at the From domain', async () => {
    const built = await buildMessage(
      { from: [ALICE], to: [BOB], subject: 'Hello', textBody: 'Hi Bob.\nBye.' },
      noBlobs,
    );
    assertWellFormedLines(built.raw);
    expect(built.messageId).toMatch(/^[A-Za-z0-9_-]+@example\.test$/);
    const parsed = parseMessage(built.raw);
    expect(parsed.messageId).toEqual([built.messageId]);
    expect(parsed.sentAt).toBeInstanceOf(Date);
    expect(parsed.from).toEqual([ALICE]);
    expect(parsed.to).toEqual([BOB]);
    expect(parsed.subject).toBe('Hello');
    expect(shape(parsed.bodyStructure)).toBe('text/plain');
    expect(Buffer.from(parsed.textBody[0]!.content!).toString('utf8')).toBe('Hi Bob.\r\nBye.\r\n');
  });

  it('keeps a given Message-ID, sentAt, and writes threading headers (RFC 5322 §3.6.4)', async () => {
    const sentAt = new Date('2026-03-01T10:00:00Z');
    const built = await buildMessage(
      {
        from: [ALICE],
        to: [BOB],
        subject: 'Re: plan',
        sentAt,
        messageId: 'given@example.test',
        inReplyTo: ['orig@example.net'],
        references: ['root@example.net', 'orig@example.net'],
        textBody: 'ok',
      },
      noBlobs,
    );
    const parsed = parseMessage(built.raw);
    expect(parsed.messageId).toEqual(['given@example.test']);
    expect(parsed.sentAt?.toISOString()).toBe(sentAt.toISOString());
    expect(parsed.inReplyTo).toEqual(['orig@example.net']);
    expect(parsed.references).toEqual(['root@example.net', 'orig@example.net']);
  });

  it('never writes Bcc, but keeps To, Cc and Reply-To', async () => {
    const built = await buildMessage(
      {
        from: [ALICE],
        to: [BOB],
        cc: [{ name: null, email: 'carol@example.net' }],
        bcc: [{ name: 'Secret', email: 'hidden@example.net' }],
        replyTo: [{ name: null, email: 'replies@example.test' }],
        textBody: 'x',
      },
      noBlobs,
    );
    expect(text(built.raw)).not.toMatch(/hidden@example\.net|^bcc:/im);
    const parsed = parseMessage(built.raw);
    expect(parsed.bcc).toBeNull();
    expect(parsed.cc).toEqual([{ name: null, email: 'carol@example.net' }]);
    expect(parsed.replyTo).toEqual([{ name: null, email: 'replies@example.test' }]);
  });

  it('encodes non-ASCII names and subject as RFC 2047 encoded words', async () => {
    const built = await buildMessage(
      {
        from: [{ name: 'Zoë Ångström', email: 'zoe@example.test' }],
        to: [{ name: 'Jérôme 山田', email: 'jerome@example.net' }],
        subject: 'Réunion — 会議 ' + 'très long sujet '.repeat(20),
        textBody: 'Voilà: ünïcödé',
      },
      noBlobs,
    );
    assertWellFormedLines(built.raw);
    // Headers are 7-bit ASCII on the wire.
    expect(headerBlock(built.raw)).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    const parsed = parseMessage(built.raw);
    expect(parsed.from).toEqual([{ name: 'Zoë Ångström', email: 'zoe@example.test' }]);
    expect(parsed.to).toEqual([{ name: 'Jérôme 山田', email: 'jerome@example.net' }]);
    expect(parsed.subject).toBe('Réunion — 会議 ' + 'très long sujet '.repeat(20).trim());
    expect(parsed.preview).toBe('Voilà: ünïcödé');
  });

  it('puts text and HTML into multipart/alternative (RFC 2046 §5.1.4)', async () => {
    const built = await buildMessage(
      { from: [ALICE], to: [BOB], subject: 'alt', textBody: 'plain', htmlBody: '<p>rich</p>' },
      noBlobs,
    );
    const parsed = parseMessage(built.raw);
    expect(shape(parsed.bodyStructure)).toEqual({ 'multipart/alternative': ['text/plain', 'text/html'] });
    expect(parsed.textBody.map((p) => p.type)).toEqual(['text/plain']);
    expect(parsed.htmlBody.map((p) => p.type)).toEqual(['text/html']);
  });

  it('puts inline images in multipart/related and attachments in multipart/mixed, bytes intact', async () => {
    const png = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const pdf = new Uint8Array(70_000).map((_, i) => (i * 13 + 5) % 256);
    const pdfId = 'Gpdf' as BlobId;
    const openBlob: OpenBlob = async (id) => (id === pdfId ? Readable.from([Buffer.from(pdf)]) : null);
    const built = await buildMessage(
      {
        from: [ALICE],
        to: [BOB],
        subject: 'with parts',
        textBody: 'see logo',
        htmlBody: '<p>logo: <img src="cid:logo@colibri"></p>',
        attachments: [
          { bytes: png, type: 'image/png', name: 'logo.png', disposition: 'inline', cid: 'logo@colibri' },
          { blobId: pdfId, type: 'application/pdf', name: 'Ünïcode résumé.pdf', disposition: 'attachment' },
        ],
      },
      openBlob,
    );
    assertWellFormedLines(built.raw);
    const parsed = parseMessage(built.raw);
    expect(shape(parsed.bodyStructure)).toEqual({
      'multipart/mixed': [
        {
          'multipart/alternative': ['text/plain', { 'multipart/related': ['text/html', 'image/png'] }],
        },
        'application/pdf',
      ],
    });
    const image = parsed.attachments.find((p) => p.type === 'image/png')!;
    expect(image.cid).toBe('logo@colibri');
    expect(image.disposition).toBe('inline');
    expect(Buffer.from(image.content!).equals(Buffer.from(png))).toBe(true);
    const file = parsed.attachments.find((p) => p.type === 'application/pdf')!;
    // RFC 2231 parameter for the non-ASCII file name, decoded back.
    expect(file.name).toBe('Ünïcode résumé.pdf');
    expect(text(built.raw)).toMatch(/filename\*/);
    expect(file.disposition).toBe('attachment');
    expect(Buffer.from(file.content!).equals(Buffer.from(pdf))).toBe(true);
    expect(parsed.hasAttachment).toBe(true);
  });

  it('keeps every line within 998 characters at the limits (RFC 5322 §2.1.1, RFC 2045 §6.7)', async () => {
    const max = composeLimits.maxHeaderValueChars;
    const built = await buildMessage(
      {
        from: [{ name: 'A'.repeat(300), email: 'a@example.test' }],
        to: [BOB],
        subject: 'x'.repeat(max),
        textBody: `${'y'.repeat(5000)}\n${'é'.repeat(3000)}`,
        references: Array.from(
          { length: composeLimits.maxReferences },
          (_, i) => `r${i}-${'z'.repeat(50)}@example.net`,
        ),
        headers: [{ name: 'X-Long', value: 'q'.repeat(max) }],
      },
      noBlobs,
    );
    assertWellFormedLines(built.raw);
    const parsed = parseMessage(built.raw);
    expect(parsed.subject).toBe('x'.repeat(max));
    expect(parsed.references).toHaveLength(composeLimits.maxReferences);
    expect(Buffer.from(parsed.textBody[0]!.content!).toString('utf8')).toBe(
      `${'y'.repeat(5000)}\r\n${'é'.repeat(3000)}\r\n`,
    );
  });

  it('sends an iTIP invitation as a text/calendar alternative with its METHOD (RFC 6047 §2.4)', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const built = await buildMessage(
      {
        from: [ALICE],
        to: [BOB],
        subject: 'Planning',
        textBody: 'Join us',
        calendar: { method: 'request', content: ics },
      },
      noBlobs,
    );
    assertWellFormedLines(built.raw);
    expect(text(built.raw)).toMatch(/Content-Type: text\/calendar; (charset=utf-8; )?method=REQUEST/);
    const parsed = parseMessage(built.raw);
    expect(JSON.stringify(shape(parsed.bodyStructure))).toContain('text/calendar');
    await expect(
      buildMessage({ from: [ALICE], calendar: { method: 'REQUEST\r\nX-Evil: 1', content: ics } }, noBlobs),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('gives the same bytes for the same input and boundary base, and refuses a bad base', async () => {
    const message = {
      from: [ALICE],
      to: [BOB],
      subject: 'Fixed',
      sentAt: new Date('2024-01-02T03:04:05Z'),
      messageId: 'fixed@example.test',
      textBody: 'text',
      htmlBody: '<p>html</p>',
      attachments: [
        {
          type: 'image/png',
          name: 'a.png',
          disposition: 'attachment' as const,
          bytes: new Uint8Array([1, 2, 3]),
        },
      ],
    };
    const one = await buildMessage(message, noBlobs, { boundary: 'demo-1' });
    const two = await buildMessage(message, noBlobs, { boundary: 'demo-1' });
    expect(text(two.raw)).toBe(text(one.raw));
    expect(text(one.raw)).toContain('demo-1');
    await expect(buildMessage(message, noBlobs, { boundary: 'a b' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('refuses an attachment whose blob cannot be read', async () => {
    await expect(
      buildMessage(
        {
          from: [ALICE],
          attachments: [
            { blobId: 'Gmissing' as BlobId, type: 'text/plain', name: 'a.txt', disposition: 'attachment' },
          ],
        },
        noBlobs,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('cannot be made to write extra header lines through CR/LF in subject, names or extra headers', async () => {
    const built = await buildMessage(
      {
        from: [{ name: 'Eve\r\nBcc: victim@example.net', email: 'eve@example.test' }],
        to: [{ name: 'Bob\nX-Injected: 1', email: 'bob@example.net' }],
        subject: 'Hi\r\nX-Injected: yes\r\n\r\nbody takeover',
        textBody: 'real body',
        headers: [{ name: 'X-Note', value: 'a\r\nX-Injected: again' }],
      },
      noBlobs,
    );
    const headers = headerBlock(built.raw).split('\r\n');
    expect(headers.filter((l) => /^(x-injected|bcc):/i.test(l))).toEqual([]);
    const parsed = parseMessage(built.raw);
    expect(parsed.subject).toBe('Hi X-Injected: yes body takeover');
    expect(parsed.preview).toBe('real body');
    expect(parsed.bcc).toBeNull();
  });

  it('refuses bad input with InvalidInputError', async () => {
    const bad = [
      { from: [] },
      { from: [{ name: null, email: 'not an address' }] },
      { from: [ALICE], messageId: 'no-at-sign' },
      { from: [ALICE], inReplyTo: ['a b@c'] },
      { from: [ALICE], headers: [{ name: 'Bad Name', value: 'x' }] },
      { from: [ALICE], headers: [{ name: 'Subject', value: 'override' }] },
      { from: [ALICE], subject: 'x'.repeat(composeLimits.maxHeaderValueChars + 1) },
      { from: [ALICE, BOB] },
      {
        from: [ALICE],
        to: Array.from({ length: composeLimits.maxRecipients + 1 }, (_, i) => ({
          name: null,
          email: `u${i}@x.test`,
        })),
      },
    ];
    for (const message of bad)
      await expect(buildMessage(message, noBlobs)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
