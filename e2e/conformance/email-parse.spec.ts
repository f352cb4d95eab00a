import type { EmailBodyPart } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { importMessage, mailboxesByRole, richMessage, rfc822 } from './support/mail.js';

interface ParseResponse {
  accountId: string;
  parsed: Record<string, Record<string, unknown>> | null;
  notParsable: string[] | null;
  notFound: string[] | null;
}

test.describe('RFC 8621 §4.9 Email/parse', () => {
  test('RFC 8621 §4.9: a message blob parses to an Email whose metadata is null', async ({ account }) => {
    const { blobId } = await account.upload(richMessage('parsed'), 'message/rfc822');
    const result = await account.ok<ParseResponse>('Email/parse', {
      accountId: account.accountId,
      blobIds: [blobId],
      properties: [
        'id',
        'mailboxIds',
        'keywords',
        'receivedAt',
        'subject',
        'from',
        'hasAttachment',
        'messageId',
      ],
    });
    expect(result.parsed?.[blobId]).toEqual({
      id: null,
      mailboxIds: null,
      keywords: null,
      receivedAt: null,
      subject: 'Café parsed',
      from: [{ name: 'Ann Example', email: 'ann@example.org' }],
      hasAttachment: true,
      messageId: ['parsed@example.org'],
    });
  });

  test('RFC 8621 §4.9: without properties the default set is returned, with body values on request', async ({
    account,
  }) => {
    const { blobId } = await account.upload(
      rfc822({ subject: 'Defaults', text: 'Body here.' }),
      'message/rfc822',
    );
    const result = await account.ok<ParseResponse>('Email/parse', {
      accountId: account.accountId,
      blobIds: [blobId],
      fetchTextBodyValues: true,
    });
    const email = result.parsed?.[blobId] ?? {};
    expect(Object.keys(email).sort()).toEqual(
      (
        'messageId inReplyTo references sender from to cc bcc replyTo subject sentAt hasAttachment preview ' +
        'bodyValues textBody htmlBody attachments'
      )
        .split(' ')
        .sort(),
    );
    const partId = (email.textBody as EmailBodyPart[])[0]!.partId!;
    expect((email.bodyValues as Record<string, { value: string }>)[partId]?.value).toContain('Body here.');
  });

  test('RFC 8621 §4.9: the blobId of an attached message/rfc822 part parses as an Email', async ({
    account,
  }) => {
    const inner = rfc822({ subject: 'Forwarded inside', messageId: '<inner@example.org>' });
    const outer = [
      'From: fwd@example.org',
      'To: me@example.org',
      'Subject: Fwd',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'See attached.',
      '--b',
      'Content-Type: message/rfc822',
      '',
      inner,
      '--b--',
      '',
    ].join('\r\n');
    // The forward as a stored Email: the attached message is one of its parts, with a blobId.
    const { inbox } = await mailboxesByRole(account);
    const stored = await importMessage(account, outer, [inbox!]);
    const { list } = await account.ok<{ list: { attachments: EmailBodyPart[] }[] }>('Email/get', {
      accountId: account.accountId,
      ids: [stored.id],
      properties: ['attachments'],
    });
    const attached = list[0]?.attachments[0];
    expect(attached?.type).toBe('message/rfc822');
    const second = await account.ok<ParseResponse>('Email/parse', {
      accountId: account.accountId,
      blobIds: [attached!.blobId!],
      properties: ['subject', 'messageId'],
    });
    expect(second.parsed?.[attached!.blobId!]).toEqual({
      subject: 'Forwarded inside',
      messageId: ['inner@example.org'],
    });
  });

  test('RFC 8621 §4.9: unknown blob ids are notFound', async ({ account }) => {
    const result = await account.ok<ParseResponse>('Email/parse', {
      accountId: account.accountId,
      blobIds: ['Gnope'],
    });
    expect(result.notFound).toEqual(['Gnope']);
    expect(result.parsed ?? {}).toEqual({});
  });
});
