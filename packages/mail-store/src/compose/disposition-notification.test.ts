import { describe, expect, it } from 'vitest';
import { parseMessage } from '../mime/parse-message.js';
import { readDispositionReport } from '../mime/disposition-report.js';
import { dispositionNotification, dispositionRequest } from './disposition-notification.js';
import type { DispositionNotificationInput } from './disposition-notification.js';

const encode = (text: string) => new TextEncoder().encode(text);
const original = encode(
  'From: ann@example.test\r\nTo: ben@example.test\r\nSubject: Lunch?\r\nMessage-ID: <m1@example.test>\r\n' +
    'Disposition-Notification-To: Ann <ann@example.test>\r\nOriginal-Recipient: rfc822;ben@example.test\r\n\r\nSecret body\r\n',
);

const input = (over: Partial<DispositionNotificationInput> = {}): DispositionNotificationInput => ({
  from: { name: 'Ben', email: 'ben@example.test' },
  to: ['ann@example.test'],
  subject: 'Read: Lunch? – ✓',
  textBody: 'Your message was displayed.',
  reportingUA: 'colibri.example.test; Colibri',
  originalRecipient: 'rfc822;ben@example.test',
  finalRecipient: 'rfc822; ben@example.test',
  originalMessageId: '<m1@example.test>',
  disposition: { actionMode: 'manual-action', sendingMode: 'mdn-sent-manually', type: 'displayed' },
  extensionFields: { 'X-Colibri-Note': 'hello\r\nX-Evil: 1' },
  original,
  includeOriginalMessage: false,
  hostname: 'mail.example.test',
  date: new Date('2026-11-29T03:00:00Z'),
  ...over,
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('dispositionNotification (RFC 8098 §3)', () => {
  it('is a multipart/report of text, message/disposition-notification and the headers (RFC 8098 §3, RFC 6522)', () => {
    const mdn = text(dispositionNotification(input()));
    expect(mdn).toMatch(
      /^Content-Type: multipart\/report; report-type=disposition-notification; boundary="/m,
    );
    expect(mdn).toContain('From: "Ben" <ben@example.test>\r\nTo: <ann@example.test>\r\n');
    expect(mdn).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    // RFC 8098 §3.2: the fields, in order, one per line; the extension value cannot inject a field.
    expect(mdn).toContain(
      'Content-Type: message/disposition-notification\r\n\r\n' +
        'Reporting-UA: colibri.example.test; Colibri\r\n' +
        'Original-Recipient: rfc822;ben@example.test\r\n' +
        'Final-Recipient: rfc822; ben@example.test\r\n' +
        'Original-Message-ID: <m1@example.test>\r\n' +
        'Disposition: manual-action/mdn-sent-manually; displayed\r\n' +
        'X-Colibri-Note: hello X-Evil: 1\r\n',
    );
    expect(mdn).toContain('Content-Type: text/rfc822-headers\r\n\r\nFrom: ann@example.test\r\n');
    expect(mdn).not.toContain('Secret body');
    expect(mdn).not.toContain('Auto-Submitted');
    expect(mdn.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('returns the whole original as message/rfc822 when asked, and marks automatic MDNs Auto-Submitted (RFC 3834 §5)', () => {
    const mdn = text(
      dispositionNotification(
        input({
          includeOriginalMessage: true,
          disposition: {
            actionMode: 'automatic-action',
            sendingMode: 'mdn-sent-automatically',
            type: 'processed',
          },
        }),
      ),
    );
    expect(mdn).toContain('Content-Type: message/rfc822\r\n\r\nFrom: ann@example.test');
    expect(mdn).toContain('Secret body');
    expect(mdn).toContain('Auto-Submitted: auto-replied');
    const types = parseMessage(encode(mdn)).bodyStructure.subParts!.map((p) => p.type);
    expect(types.slice(0, 2)).toEqual(['text/plain', 'message/disposition-notification']);
  });

  it('refuses an extension field that is a standard field or not a field name (RFC 8098 §3.3)', () => {
    expect(() => dispositionNotification(input({ extensionFields: { Disposition: 'x' } }))).toThrow();
    expect(() => dispositionNotification(input({ extensionFields: { 'Bad Name': 'x' } }))).toThrow();
    expect(() => dispositionNotification(input({ to: [] }))).toThrow();
  });

  it('quotes an ASCII display name and encodes another one (RFC 5322 §3.4, RFC 2047 §5)', () => {
    const from = (name: string) =>
      /^From: (.*)\r$/m.exec(
        text(dispositionNotification(input({ from: { name, email: 'b@x.test' } }))),
      )?.[1];
    expect(from('Martin, Ben')).toBe('"Martin, Ben" <b@x.test>');
    expect(from('Zoë')).toBe('=?UTF-8?B?Wm/Dqw==?= <b@x.test>');
  });

  it('reads back what it wrote (RFC 8098 §3.2)', () => {
    const report = readDispositionReport(dispositionNotification(input({ includeOriginalMessage: true })));
    expect(report).toEqual({
      subject: 'Read: Lunch? – ✓',
      textBody: 'Your message was displayed.',
      includeOriginalMessage: true,
      reportingUA: 'colibri.example.test; Colibri',
      mdnGateway: null,
      originalRecipient: 'rfc822;ben@example.test',
      finalRecipient: 'rfc822; ben@example.test',
      originalMessageId: '<m1@example.test>',
      disposition: { actionMode: 'manual-action', sendingMode: 'mdn-sent-manually', type: 'displayed' },
      error: null,
      extensionFields: { 'X-Colibri-Note': 'hello X-Evil: 1' },
    });
  });
});

describe('dispositionRequest (RFC 8098 §2)', () => {
  it('reads Disposition-Notification-To and Original-Recipient (RFC 8098 §2.1, §2.3)', () => {
    expect(dispositionRequest(original)).toEqual({
      notifyTo: ['ann@example.test'],
      originalRecipient: 'rfc822;ben@example.test',
    });
    expect(dispositionRequest(encode('From: a@b.test\r\n\r\nx'))).toEqual({
      notifyTo: [],
      originalRecipient: null,
    });
    expect(
      dispositionRequest(encode('Disposition-Notification-To: not an address\r\n\r\n')).notifyTo,
    ).toEqual([]);
  });
});

describe('readDispositionReport (RFC 8098 §3.2)', () => {
  const report = (fields: string, extra = '') =>
    encode(
      'From: ben@example.test\r\nSubject: Read\r\nMIME-Version: 1.0\r\n' +
        'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"\r\n\r\n' +
        '--b\r\nContent-Type: text/plain\r\n\r\nShown.\r\n' +
        `--b\r\nContent-Type: message/disposition-notification\r\n\r\n${fields}\r\n${extra}--b--\r\n`,
    );

  it('unfolds fields, lower-cases the disposition, keeps Error and unknown fields (RFC 8098 §3.2.6, §3.2.7, §3.3)', () => {
    const parsed = readDispositionReport(
      report(
        'Reporting-UA: pc.example.test;\r\n Foomail 97.1\r\nMDN-Gateway: dns; gw.example.test\r\n' +
          'Final-Recipient: rfc822; ben@example.test\r\n' +
          'Disposition: Automatic-Action/MDN-Sent-Automatically (why) ; Deleted/error\r\n' +
          'Error: disk full\r\nError: again\r\nX-Thing: 1\r\n__proto__: p',
      ),
    );
    expect(parsed).toMatchObject({
      subject: 'Read',
      textBody: 'Shown.',
      includeOriginalMessage: false,
      reportingUA: 'pc.example.test; Foomail 97.1',
      mdnGateway: 'dns; gw.example.test',
      finalRecipient: 'rfc822; ben@example.test',
      disposition: { actionMode: 'automatic-action', sendingMode: 'mdn-sent-automatically', type: 'deleted' },
      error: ['disk full', 'again'],
    });
    expect(Object.entries(parsed!.extensionFields!)).toEqual([
      ['X-Thing', '1'],
      ['__proto__', 'p'],
    ]);
  });

  it('is null for a message that is not an MDN, or has no valid Disposition (RFC 8098 §3.2.6)', () => {
    expect(readDispositionReport(encode('From: a@b.test\r\nSubject: hi\r\n\r\nJust text\r\n'))).toBeNull();
    expect(readDispositionReport(report('Final-Recipient: rfc822; a@b.test'))).toBeNull();
    expect(readDispositionReport(report('Disposition: manual-action/mdn-sent-manually; eaten'))).toBeNull();
    expect(readDispositionReport(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });

  it('bounds hostile values: long fields cut, at most maxExtensionFields kept', () => {
    const many = Array.from({ length: 100 }, (_, i) => `X-F${i}: ${'v'.repeat(2000)}`).join('\r\n');
    const parsed = readDispositionReport(
      report(`Disposition: manual-action/mdn-sent-manually; displayed\r\n${many}`),
    );
    expect(Object.keys(parsed!.extensionFields!)).toHaveLength(32);
    expect(parsed!.extensionFields!['X-F0']).toHaveLength(998);
  });
});
