import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

type WireEmail = Record<string, unknown> & {
  bodyValues?: Record<string, { value: string; isTruncated: boolean; isEncodingProblem: boolean }>;
};

async function get(args: Record<string, unknown>): Promise<Record<string, unknown> & { list: WireEmail[] }> {
  const response = await f.call([['Email/get', { accountId: f.alice.accountId, ...args }, 'g']]);
  const [invocation] = response.methodResponses;
  if (invocation?.[0] === 'error') return { list: [], error: invocation[1] };
  return resultOf(response, 'Email/get') as Record<string, unknown> & { list: WireEmail[] };
}

/** RFC 8621 §4.2: the properties returned when `properties` is null. */
const DEFAULTS = [
  'id',
  'blobId',
  'threadId',
  'mailboxIds',
  'keywords',
  'size',
  'receivedAt',
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
];

describe('Email/get (RFC 8621 §4.2)', () => {
  it('returns the default properties, as wire values', async () => {
    const { list, notFound, state } = await get({ ids: [f.emails.lunchReply.id, 'Enope'] });
    expect(notFound).toEqual(['Enope']);
    expect(typeof state).toBe('string');
    const [email] = list;
    expect(Object.keys(email ?? {}).sort()).toEqual([...DEFAULTS].sort());
    expect(email).toMatchObject({
      id: f.emails.lunchReply.id,
      threadId: f.emails.lunchInvite.threadId,
      mailboxIds: { [f.inbox.id]: true },
      keywords: { $seen: true },
      receivedAt: '2024-03-02T09:30:05Z',
      sentAt: '2024-03-02T09:30:00Z',
      messageId: ['lunch-2@colibri.test'],
      inReplyTo: ['lunch-1@colibri.test'],
      references: ['lunch-1@colibri.test'],
      from: [{ name: 'Carol Petit', email: 'carol@colibri.test' }],
      to: [
        { name: 'Bob Martin', email: 'bob@colibri.test' },
        { name: 'Alice Durand', email: 'alice@colibri.test' },
      ],
      cc: null,
      subject: 'Re: Lunch on Friday?',
      hasAttachment: false,
      bodyValues: {},
    });
    expect(email?.preview).toContain('Count me in!');
    // §4.2: the default bodyProperties, no more.
    expect(Object.keys((email?.textBody as object[])[0] ?? {}).sort()).toEqual([
      'blobId',
      'charset',
      'cid',
      'disposition',
      'language',
      'location',
      'name',
      'partId',
      'size',
      'type',
    ]);
  });

  it('filters properties and bodyProperties; bodyStructure keeps its tree', async () => {
    const { list } = await get({
      ids: [f.emails.invoice.id],
      properties: ['attachments', 'bodyStructure', 'hasAttachment'],
      bodyProperties: ['type', 'name', 'disposition'],
    });
    expect(list[0]).toEqual({
      id: f.emails.invoice.id,
      hasAttachment: true,
      attachments: [{ type: 'application/pdf', name: 'invoice.pdf', disposition: 'attachment' }],
      bodyStructure: {
        type: 'multipart/mixed',
        name: null,
        disposition: null,
        subParts: [
          { type: 'text/plain', name: null, disposition: null, subParts: null },
          { type: 'application/pdf', name: 'invoice.pdf', disposition: 'attachment', subParts: null },
        ],
      },
    });
  });

  it('fetches text and HTML body values, decoded, with LF line ends', async () => {
    const { list } = await get({
      ids: [f.emails.newsletter.id],
      properties: ['textBody', 'htmlBody', 'bodyValues', 'subject', 'from'],
      fetchTextBodyValues: true,
      fetchHTMLBodyValues: true,
    });
    const [email] = list;
    expect(email?.subject).toBe('Café € weekly');
    expect(email?.from).toEqual([{ name: 'Zürich News', email: 'news@example.org' }]);
    const textPart = (email?.textBody as { partId: string }[])[0]?.partId ?? '';
    const htmlPart = (email?.htmlBody as { partId: string }[])[0]?.partId ?? '';
    expect(email?.bodyValues?.[textPart]).toEqual({
      value: expect.stringContaining('Café € news: Grüße aus Zürich.\nSecond line.') as unknown,
      isEncodingProblem: false,
      isTruncated: false,
    });
    expect(email?.bodyValues?.[htmlPart]?.value).toContain('<p>Café € <b>news</b></p>');
    expect(email?.bodyValues?.[textPart]?.value).not.toContain('\r');
  });

  it('decodes the part charset (iso-8859-1)', async () => {
    const { list } = await get({
      ids: [f.emails.latin1Note.id],
      properties: ['bodyValues'],
      fetchTextBodyValues: true,
    });
    expect(Object.values(list[0]?.bodyValues ?? {})).toEqual([
      {
        value: expect.stringContaining('Un café ?') as unknown,
        isEncodingProblem: false,
        isTruncated: false,
      },
    ]);
  });

  it('truncates body values to maxBodyValueBytes on a UTF-8 boundary', async () => {
    // "Café € news" is C-a-f-é(2)-space-€(3): 5 octets end inside "é", 9 inside "€".
    for (const [max, expected] of [
      [4, 'Caf'],
      [5, 'Café'],
      [8, 'Café '],
      [9, 'Café €'],
    ] as const) {
      const { list } = await get({
        ids: [f.emails.newsletter.id],
        properties: ['bodyValues'],
        fetchTextBodyValues: true,
        maxBodyValueBytes: max,
      });
      expect(Object.values(list[0]?.bodyValues ?? {})).toEqual([
        { value: expected, isEncodingProblem: false, isTruncated: true },
      ]);
    }
  });

  it('fetchAllBodyValues covers every text part, not attachments', async () => {
    const { list } = await get({
      ids: [f.emails.invoice.id, f.emails.newsletter.id],
      properties: ['bodyValues'],
      fetchAllBodyValues: true,
    });
    expect(Object.values(list[0]?.bodyValues ?? {}).map((v) => v.value)).toEqual([
      expect.stringContaining('Please find your invoice attached.'),
    ]);
    expect(Object.keys(list[1]?.bodyValues ?? {})).toHaveLength(2);
  });

  it('returns every email for ids: null', async () => {
    const { list } = await get({ ids: null, properties: ['id'] });
    expect(list.map((email) => email.id).sort()).toEqual(
      Object.values(f.emails)
        .map((email) => email.id)
        .sort(),
    );
  });

  it('answers invalidArguments for unknown properties and header: forms a field cannot have (RFC 8621 §4.1.2)', async () => {
    expect(await get({ ids: [], properties: ['subject', 'colour'] })).toMatchObject({
      error: { type: 'invalidArguments' },
    });
    expect(await get({ ids: [], properties: ['header:Subject:asDate'] })).toMatchObject({
      error: { type: 'invalidArguments' },
    });
    expect(await get({ ids: [], bodyProperties: ['nope'] })).toMatchObject({
      error: { type: 'invalidArguments' },
    });
  });

  it('answers requestTooLarge beyond maxObjectsInGet ids', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `E${i}`);
    expect(await get({ ids })).toMatchObject({ error: { type: 'requestTooLarge' } });
  });
});
