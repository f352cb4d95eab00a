import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, message, type TestStore } from './helpers.js';

let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => t.cleanup());

const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes ?? new Uint8Array());

describe('importMessage structures (RFC 8621 §4.1.4)', () => {
  it('keeps a forwarded message/rfc822 as one downloadable attachment', async () => {
    const raw = message(
      { From: 'a@example.test', Subject: 'Fwd: minutes', 'Content-Type': 'multipart/mixed; boundary=m' },
      [
        '--m',
        'Content-Type: text/plain',
        '',
        'See below.',
        '--m',
        'Content-Type: message/rfc822',
        'Content-Disposition: inline',
        '',
        'From: b@example.test',
        'Subject: minutes',
        'Content-Type: multipart/alternative; boundary=inner',
        '',
        '--inner',
        'Content-Type: text/plain',
        '',
        'The minutes.',
        '--inner--',
        '--m--',
      ].join('\n'),
    );
    const email = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    expect(email.textBody.map((p) => p.type)).toEqual(['text/plain']);
    expect(email.attachments.map((p) => [p.partId, p.type, p.subParts])).toEqual([
      ['2', 'message/rfc822', null],
    ]);
    expect(email.hasAttachment).toBe(true);
    const forwarded = text(await t.store.readBlob(t.account.id, email.attachments[0]!.blobId!));
    expect(forwarded).toMatch(/^From: b@example\.test\r\nSubject: minutes\r\n/);
    expect(forwarded).toContain('The minutes.');
    expect(email.preview).toBe('See below.');
  });

  it('treats cid images of an HTML body as related parts, not as attachments a person sees', async () => {
    const raw = message(
      { From: 'a@example.test', Subject: 'Logo', 'Content-Type': 'multipart/related; boundary=r' },
      [
        '--r',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Our logo: <img src="cid:logo@x"></p>',
        '--r',
        'Content-Type: image/png',
        'Content-ID: <logo@x>',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('PNGDATA').toString('base64'),
        '--r--',
      ].join('\n'),
    );
    const email = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    expect(email.htmlBody.map((p) => p.type)).toEqual(['text/html']);
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0]).toMatchObject({
      cid: 'logo@x',
      type: 'image/png',
      size: 7,
      disposition: null,
    });
    expect(email.hasAttachment).toBe(false);
    expect(email.preview).toBe('Our logo:');
  });

  it('decodes RFC 2231 file names and keeps raw part headers', async () => {
    const raw = message(
      { From: 'a@example.test', Subject: 'CV', 'Content-Type': 'multipart/mixed; boundary=c' },
      [
        '--c',
        'Content-Type: text/plain',
        '',
        'Attached.',
        '--c',
        'Content-Type: application/pdf',
        "Content-Disposition: attachment;\n filename*=UTF-8''R%C3%A9sum%C3%A9.pdf",
        'Content-Language: fr, en',
        '',
        '%PDF',
        '--c--',
      ].join('\n'),
    );
    const email = await t.store.importMessage(t.account.id, { raw, mailboxIds: [t.inbox.id] });
    const pdf = email.attachments[0]!;
    expect(pdf).toMatchObject({
      name: 'Résumé.pdf',
      disposition: 'attachment',
      language: ['fr', 'en'],
      charset: null,
    });
    expect(pdf.headers).toEqual([
      { name: 'Content-Type', value: ' application/pdf' },
      { name: 'Content-Disposition', value: " attachment;\r\n filename*=UTF-8''R%C3%A9sum%C3%A9.pdf" },
      { name: 'Content-Language', value: ' fr, en' },
    ]);
    expect((await t.store.queryEmails(t.account.id, { filter: { text: 'résumé' } })).total).toBe(1);
  });

  it('reads addresses, ids and dates the way RFC 8621 §4.1.2 parses them', async () => {
    const raw = message(
      {
        From: 'Team: =?UTF-8?B?w4lsaXNl?= <elise@example.test>, bob@example.test;',
        'Reply-To': '<replies@example.test>',
        'Message-ID': '<id-1@example.test>',
        References: '<a@x>\r\n <b@x>',
        'In-Reply-To': 'b@x',
        Date: 'Fri, 07 Oct 1994 16:15:05 -0700 (PDT)',
        Subject: 'first',
      },
      'x',
    );
    const withEarlierSubject = new Uint8Array([
      ...raw.subarray(0, raw.indexOf(13)),
      ...new TextEncoder().encode('\r\nSubject: second'),
      ...raw.subarray(raw.indexOf(13)),
    ]);
    const email = await t.store.importMessage(t.account.id, {
      raw: withEarlierSubject,
      mailboxIds: [t.inbox.id],
    });
    expect(email.from).toEqual([
      { name: 'Élise', email: 'elise@example.test' },
      { name: null, email: 'bob@example.test' },
    ]);
    expect(email.replyTo).toEqual([{ name: null, email: 'replies@example.test' }]);
    expect(email.references).toEqual(['a@x', 'b@x']);
    expect(email.inReplyTo).toEqual(['b@x']);
    expect(email.sentAt?.toISOString()).toBe('1994-10-07T23:15:05.000Z');
    // RFC 8621 §4.1.3: the last instance of a header field is the one a property reflects.
    expect(email.subject).toBe('first');
  });
});
