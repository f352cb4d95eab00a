import { describe, expect, it } from 'vitest';
import { parseMessage } from '../mime/parse-message.js';
import { deliveryStatusReport, statusOfReply } from './delivery-status.js';

const original = new TextEncoder().encode(
  'From: alice@example.test\r\nTo: bob@remote.test\r\nSubject: Lunch?\r\nMessage-ID: <m1@example.test>\r\n\r\nSecret body\r\n',
);

describe('deliveryStatusReport (RFC 3464)', () => {
  const report = () =>
    new TextDecoder().decode(
      deliveryStatusReport({
        reportingMta: 'mail.example.test',
        from: 'MAILER-DAEMON@mail.example.test',
        to: 'alice@example.test',
        recipients: [
          {
            recipient: 'bob@remote.test',
            status: '5.1.1',
            diagnostic: '550 5.1.1 No such user\r\nX-Evil: 1',
            remoteMta: 'mx.remote.test',
          },
        ],
        original,
        arrivalDate: new Date('2026-11-29T03:00:00Z'),
      }),
    );

  it('is a multipart/report with text, message/delivery-status and text/rfc822-headers (RFC 6522, RFC 3464 §2)', () => {
    const text = report();
    expect(text).toMatch(/^Content-Type: multipart\/report; report-type=delivery-status; boundary="/m);
    expect(text).toContain('Auto-Submitted: auto-replied');
    // RFC 3464 §2.2.2 and §2.3: per-message then per-recipient fields.
    expect(text).toContain(
      'Reporting-MTA: dns; mail.example.test\r\nArrival-Date: Sun, 29 Nov 2026 03:00:00 +0000\r\n\r\n',
    );
    expect(text).toContain(
      'Final-Recipient: rfc822; bob@remote.test\r\nAction: failed\r\nStatus: 5.1.1\r\nRemote-MTA: dns; mx.remote.test\r\nDiagnostic-Code: smtp; 550 5.1.1 No such user X-Evil: 1\r\n',
    );
    // The original headers come back, its body does not.
    expect(text).toContain('Content-Type: text/rfc822-headers\r\n\r\nFrom: alice@example.test\r\n');
    expect(text).toContain('Message-ID: <m1@example.test>');
    expect(text).not.toContain('Secret body');
    // CRLF only, no bare LF.
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).not.toMatch(/^X-Evil/m);
  });

  it('parses as three parts with our own MIME walker', () => {
    const parsed = parseMessage(new TextEncoder().encode(report()));
    const types = parsed.bodyStructure.subParts!.map((p) => p.type);
    expect(types).toEqual(['text/plain', 'message/delivery-status', 'text/rfc822-headers']);
  });

  it('takes the RFC 3463 status from a reply, or its class', () => {
    expect(statusOfReply('550 5.7.1 Relaying denied')).toBe('5.7.1');
    expect(statusOfReply('554 Transaction failed')).toBe('5.0.0');
    expect(statusOfReply('421 Service not available')).toBe('4.0.0');
  });
});
