import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { rfc822 } from './support/mail.js';

/** A receipt as another MUA sends it (RFC 8098 §3: multipart/report, disposition-notification). */
const receipt = [
  'From: bob@example.org',
  'To: ann@example.org',
  'Subject: Read: Hello',
  'Message-ID: <receipt@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=disposition-notification; boundary="r"',
  '',
  '--r',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Your message was displayed.',
  '--r',
  'Content-Type: message/disposition-notification',
  '',
  'Reporting-UA: joes-pc.example.org; Foomail 97.1',
  'Original-Recipient: rfc822;bob@example.org',
  'Final-Recipient: rfc822;bob@example.org',
  'Original-Message-ID: <orig@example.org>',
  'Disposition: manual-action/MDN-sent-manually; displayed',
  '',
  '--r--',
  '',
].join('\r\n');

test.describe('RFC 9007 §2.2 MDN/parse', () => {
  test('RFC 9007 §2.2: a disposition notification parses to an MDN object', async ({ account }) => {
    const { blobId } = await account.upload(receipt, 'message/rfc822');
    const { parsed } = await account.ok<{ parsed: Record<Id, Record<string, unknown>> | null }>('MDN/parse', {
      accountId: account.accountId,
      blobIds: [blobId],
    });
    expect(parsed?.[blobId]).toMatchObject({
      subject: 'Read: Hello',
      reportingUA: 'joes-pc.example.org; Foomail 97.1',
      disposition: { actionMode: 'manual-action', sendingMode: 'mdn-sent-manually', type: 'displayed' },
      finalRecipient: 'rfc822;bob@example.org',
      originalRecipient: 'rfc822;bob@example.org',
      originalMessageId: '<orig@example.org>',
    });
  });

  test('RFC 9007 §2.2: MDN/parse answers notFound and notParsable', async ({ account }) => {
    const { blobId } = await account.upload(rfc822({ subject: 'Not a receipt' }), 'message/rfc822');
    const result = await account.ok<{ notFound: Id[] | null; notParsable: Id[] | null }>('MDN/parse', {
      accountId: account.accountId,
      blobIds: ['Gnope', blobId],
    });
    expect(result.notFound).toEqual(['Gnope']);
    expect(result.notParsable).toEqual([blobId]);
  });
});
