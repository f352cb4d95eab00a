import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWithBlob, upload } from './support/blobs.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { lunchInvite, newsletter } from './support/messages.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const parse = async (args: Record<string, unknown>) =>
  resultOf(await f.call([['Email/parse', { accountId: f.alice.accountId, ...args }, 'p']]), 'Email/parse');
const emailState = async () =>
  resultOf(await f.call([['Email/get', { accountId: f.alice.accountId, ids: [] }, 'g']]), 'Email/get')
    .state as string;

/** The newsletter under a new Message-ID: a message the account has as a blob only. */
const fresh = new TextEncoder().encode(
  new TextDecoder().decode(newsletter).replace('<news-1@example.org>', '<news-2@example.org>'),
);

describe('Email/parse (RFC 8621 §4.9)', () => {
  it('parses an uploaded message into the default properties, storing nothing', async () => {
    const blobId = await upload(f, fresh);
    const before = await emailState();
    const result = await parse({ blobIds: [blobId] });
    expect(result).toMatchObject({ accountId: f.alice.accountId, notParsable: null, notFound: null });
    const email = (result.parsed as Record<string, Record<string, unknown>>)[blobId]!;
    expect(Object.keys(email).sort()).toEqual(
      [
        'messageId',
        'inReplyTo',
        'references',
        'sender',
        'from',
        'to',
        'cc',
        'bcc',
        'replyTo',
        'subject',
        'sentAt',
        'hasAttachment',
        'preview',
        'bodyValues',
        'textBody',
        'htmlBody',
        'attachments',
      ].sort(),
    );
    expect(email).toMatchObject({
      messageId: ['news-2@example.org'],
      from: [{ name: 'Zürich News', email: 'news@example.org' }],
      subject: 'Café € weekly',
      sentAt: '2024-03-05T08:00:00Z',
      hasAttachment: false,
      bodyValues: {},
      textBody: [{ partId: '1', type: 'text/plain' }],
      htmlBody: [{ partId: '2', type: 'text/html' }],
      attachments: [],
    });
    expect(email.preview).toContain('Café € news');
    expect(await emailState()).toBe(before);
    const query = resultOf(
      await f.call([
        ['Email/query', { accountId: f.alice.accountId, filter: { header: ['Message-ID', 'news-2'] } }, 'q'],
      ]),
      'Email/query',
    );
    expect(query.ids).toEqual([]);
  });

  it('gives body values decoded from memory, truncated by maxBodyValueBytes', async () => {
    const blobId = await upload(f, fresh);
    const all = await parse({ blobIds: [blobId], properties: ['bodyValues'], fetchAllBodyValues: true });
    expect((all.parsed as Record<string, unknown>)[blobId]).toEqual({
      bodyValues: {
        '1': {
          value: 'Café € news: Grüße aus Zürich.\nSecond line.',
          isEncodingProblem: false,
          isTruncated: false,
        },
        '2': { value: '<p>Café € <b>news</b></p>', isEncodingProblem: false, isTruncated: false },
      },
    });
    const html = await parse({
      blobIds: [blobId],
      properties: ['bodyValues'],
      fetchHTMLBodyValues: true,
      maxBodyValueBytes: 6,
    });
    expect((html.parsed as Record<string, unknown>)[blobId]).toEqual({
      bodyValues: { '2': { value: '<p>Caf', isEncodingProblem: false, isTruncated: true } },
    });
  });

  it('answers null for the metadata only a stored email has (id, mailboxIds, keywords, receivedAt, threadId)', async () => {
    const result = await parse({
      blobIds: [f.emails.lunchInvite.blobId],
      properties: ['id', 'mailboxIds', 'keywords', 'receivedAt', 'threadId', 'blobId', 'size'],
    });
    expect((result.parsed as Record<string, unknown>)[f.emails.lunchInvite.blobId]).toEqual({
      id: null,
      mailboxIds: null,
      keywords: null,
      receivedAt: null,
      threadId: null,
      blobId: f.emails.lunchInvite.blobId,
      size: f.emails.lunchInvite.size,
    });
  });

  it('maps properties and bodyProperties exactly as Email/get does for the same message', async () => {
    const email = f.emails.invoice;
    const properties = [
      'subject',
      'from',
      'to',
      'preview',
      'hasAttachment',
      'bodyStructure',
      'attachments',
      'textBody',
    ];
    const bodyProperties = ['partId', 'blobId', 'size', 'type', 'name', 'disposition', 'charset'];
    const got = resultOf(
      await f.call([
        ['Email/get', { accountId: f.alice.accountId, ids: [email.id], properties, bodyProperties }, 'g'],
      ]),
      'Email/get',
    );
    const parsed = await parse({ blobIds: [email.blobId], properties, bodyProperties });
    const { id: _id, ...expected } = (got.list as Record<string, unknown>[])[0]!;
    expect((parsed.parsed as Record<string, unknown>)[email.blobId]).toEqual(expected);
  });

  it('parses a message attached to a stored email, by its part blobId', async () => {
    const forward = [
      'From: Dan <dan@example.org>',
      'To: alice@colibri.test',
      'Subject: Fwd: lunch',
      'Content-Type: multipart/mixed; boundary="fwd"',
      '',
      '--fwd',
      'Content-Type: text/plain',
      '',
      'See below.',
      '--fwd',
      'Content-Type: message/rfc822',
      '',
      new TextDecoder().decode(lunchInvite),
      '--fwd--',
      '',
    ].join('\r\n');
    const email = await f.store.importMessage(f.alice.accountId, {
      raw: new TextEncoder().encode(forward),
      mailboxIds: [f.inbox.id],
    });
    const attached = email.attachments.find((part) => part.type === 'message/rfc822')!;
    const result = await parse({ blobIds: [attached.blobId], properties: ['subject', 'messageId'] });
    expect(result.parsed).toEqual({
      [attached.blobId!]: { subject: 'Lunch on Friday?', messageId: ['lunch-1@colibri.test'] },
    });
  });

  it('lists blobs that are not messages as notParsable and unreadable ones as notFound', async () => {
    const pdf = f.emails.invoice.attachments[0]!.blobId!;
    // Bytes only bob has (blobs are content-addressed: the same bytes would be alice's too).
    const bobs = await upload(f, `${new TextDecoder().decode(fresh)}bob\r\n`, f.bob.accountId);
    const unknown = `G${'1'.repeat(64)}`;
    const result = await parse({ blobIds: [pdf, bobs, unknown, 'not-a-blob-id'] });
    expect(result).toEqual({
      accountId: f.alice.accountId,
      parsed: null,
      notParsable: [pdf],
      notFound: [bobs, unknown, 'not-a-blob-id'],
    });
  });

  it('parses a blob made earlier in the request by its #creationId (RFC 9404 §4.1)', async () => {
    const response = await callWithBlob(f, [
      [
        'Blob/upload',
        {
          accountId: f.alice.accountId,
          create: { m: { data: [{ 'data:asBase64': Buffer.from(fresh).toString('base64') }] } },
        },
        'u',
      ],
      ['Email/parse', { accountId: f.alice.accountId, blobIds: ['#m'], properties: ['subject'] }, 'p'],
    ]);
    expect(resultOf(response, 'Email/parse', 1).parsed).toEqual({ '#m': { subject: 'Café € weekly' } });
  });

  it('refuses impossible header: forms (RFC 8621 §4.1.2), unknown properties, other accounts and malformed arguments', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { accountId: f.alice.accountId, blobIds: [], properties: ['header:Subject:asAddresses'] },
        'invalidArguments',
      ],
      [{ accountId: f.alice.accountId, blobIds: [], properties: ['nope'] }, 'invalidArguments'],
      [{ accountId: f.alice.accountId, blobIds: [], bodyProperties: ['nope'] }, 'invalidArguments'],
      [{ accountId: f.alice.accountId, ids: [] }, 'invalidArguments'],
      [{ accountId: f.bob.accountId, blobIds: [] }, 'accountNotFound'],
    ];
    for (const [args, type] of cases) {
      const response = await f.call([['Email/parse', args, 'p']]);
      expect(response.methodResponses[0]?.[0]).toBe('error');
      expect(response.methodResponses[0]?.[1]).toMatchObject({ type });
    }
  });
});
