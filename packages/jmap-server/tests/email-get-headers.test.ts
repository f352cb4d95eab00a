import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from './support/blobs.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

/** A multipart message whose header fields exercise every form; CRLF line endings as on the wire. */
const raw = new TextEncoder().encode(
  [
    'Received: from a.test by b.test; Fri, 21 Nov 1997 09:55:06 -0600',
    'Received: from c.test by a.test; Fri, 21 Nov 1997 09:55:00 -0600',
    'From: =?UTF-8?Q?J=C3=B6rg?= <jorg@x.test>',
    'To: A Group:Ed Jones <c@a.test>,joe@where.test;, Mary <mary@x.test>',
    'Subject: =?UTF-8?B?Q2Fmw6kg4oKs?=',
    ' weekly',
    'Date: Fri, 21 Nov 1997 09:55:06 -0600',
    'Message-ID: <m1@x.test>',
    'References: <r1@x.test>',
    ' <r2@x.test>',
    'List-Unsubscribe: <mailto:leave@x.test> (by mail),',
    ' <https://x.test/leave>',
    'X-Tag: first',
    'X-TAG: second',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'X-Part: one',
    '',
    'Hello',
    '--b1',
    'Content-Type: application/octet-stream',
    'Content-Disposition: attachment; filename="a.bin"',
    'X-Part: two',
    'X-Part: three',
    '',
    'data',
    '--b1--',
    '',
  ].join('\r\n'),
);

let f: Fixture;
let emailId: string;
beforeAll(async () => {
  f = await openFixture();
  const record = await f.store.importMessage(f.alice.accountId, {
    raw,
    mailboxIds: [f.inbox.id],
    keywords: [],
    receivedAt: new Date('2024-03-06T08:00:00Z'),
  });
  emailId = record.id;
});
afterAll(() => f.close());

type Answer = { error?: Record<string, unknown>; list: Record<string, unknown>[] };

async function get(args: Record<string, unknown>): Promise<Answer> {
  const response = await f.call([
    ['Email/get', { accountId: f.alice.accountId, ids: [emailId], ...args }, 'g'],
  ]);
  const [invocation] = response.methodResponses;
  if (invocation?.[0] === 'error') return { list: [], error: invocation[1] };
  return resultOf(response, 'Email/get') as Answer;
}

async function one(args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { list, error } = await get(args);
  expect(error).toBeUndefined();
  expect(list).toHaveLength(1);
  return list[0]!;
}

/** The expected values of the message's own header fields, by property. */
const TOP_LEVEL: Record<string, unknown> = {
  'header:Subject': ' =?UTF-8?B?Q2Fmw6kg4oKs?=\r\n weekly',
  'header:Subject:asText': 'Café € weekly',
  'header:From:asAddresses': [{ name: 'Jörg', email: 'jorg@x.test' }],
  'header:To:asAddresses': [
    { name: 'Ed Jones', email: 'c@a.test' },
    { name: null, email: 'joe@where.test' },
    { name: 'Mary', email: 'mary@x.test' },
  ],
  'header:To:asGroupedAddresses': [
    {
      name: 'A Group',
      addresses: [
        { name: 'Ed Jones', email: 'c@a.test' },
        { name: null, email: 'joe@where.test' },
      ],
    },
    { name: null, addresses: [{ name: 'Mary', email: 'mary@x.test' }] },
  ],
  'header:Message-ID:asMessageIds': ['m1@x.test'],
  'header:References:asMessageIds': ['r1@x.test', 'r2@x.test'],
  'header:Date:asDate': '1997-11-21T15:55:06Z',
  'header:List-Unsubscribe:asURLs': ['mailto:leave@x.test', 'https://x.test/leave'],
  'header:X-Tag:asText': 'second',
  'header:X-Tag:all': [' first', ' second'],
  'header:Received:all': [
    ' from a.test by b.test; Fri, 21 Nov 1997 09:55:06 -0600',
    ' from c.test by a.test; Fri, 21 Nov 1997 09:55:00 -0600',
  ],
  'header:X-Missing': null,
  'header:X-Missing:asAddresses:all': [],
};

describe('Email/get header:{name} properties (RFC 8621 §4.1.2, §4.1.3)', () => {
  it('RFC 8621 §4.1.2.1-§4.1.2.7, §4.1.3: serves every form, the last instance or :all, null or [] when absent', async () => {
    const email = await one({ properties: Object.keys(TOP_LEVEL) });
    expect(email).toEqual({ id: emailId, ...TOP_LEVEL });
  });

  it('RFC 8621 §4.1.3: names match case-insensitively and each key is the property as requested', async () => {
    const email = await one({
      properties: ['header:SUBJECT:asText', 'header:subject:asText', 'header:x-tAG:all', 'subject'],
    });
    expect(email).toEqual({
      id: emailId,
      subject: 'Café € weekly',
      'header:SUBJECT:asText': 'Café € weekly',
      'header:subject:asText': 'Café € weekly',
      'header:x-tAG:all': [' first', ' second'],
    });
  });

  it('RFC 8621 §4.1.2.3, §4.1.2.5, §4.1.2.6: the parsed forms agree with the convenience properties', async () => {
    const email = await one({
      properties: [
        'messageId',
        'from',
        'sentAt',
        'header:Message-ID:asMessageIds',
        'header:From:asAddresses',
        'header:Date:asDate',
      ],
    });
    expect(email['header:Message-ID:asMessageIds']).toEqual(email.messageId);
    expect(email['header:From:asAddresses']).toEqual(email.from);
    expect(email['header:Date:asDate']).toEqual(email.sentAt);
  });

  it('RFC 8621 §4.1.3: `headers` lists every field of the message in order, with raw values', async () => {
    const email = await one({ properties: ['headers'] });
    const headers = email.headers as { name: string; value: string }[];
    expect(headers.map(({ name }) => name)).toEqual([
      'Received',
      'Received',
      'From',
      'To',
      'Subject',
      'Date',
      'Message-ID',
      'References',
      'List-Unsubscribe',
      'X-Tag',
      'X-TAG',
      'MIME-Version',
      'Content-Type',
    ]);
    expect(headers[4]).toEqual({ name: 'Subject', value: TOP_LEVEL['header:Subject'] });
  });

  it('RFC 8621 §4.1.2: a form the field cannot have, or a malformed header: property, is invalidArguments', async () => {
    for (const property of [
      'header:Subject:asAddresses',
      'header:From:asText',
      'header:Date:asMessageIds',
      'header:Message-ID:asDate',
      'header:List-Post:asText',
      'header:To:asURLs',
      'header:X-Tag:asNothing',
      'header:X-Tag:all:asText',
      'header:',
    ]) {
      const { error } = await get({ properties: [property] });
      expect(error, property).toMatchObject({ type: 'invalidArguments', arguments: ['properties'] });
    }
    const { error } = await get({ properties: ['bodyStructure'], bodyProperties: ['header:Subject:asDate'] });
    expect(error).toMatchObject({ type: 'invalidArguments', arguments: ['bodyProperties'] });
  });

  it('RFC 8621 §4.1.4, §4.2: bodyProperties take header: forms, over each part’s own header fields', async () => {
    const email = await one({
      properties: ['bodyStructure', 'textBody', 'attachments'],
      bodyProperties: ['partId', 'header:X-Part', 'header:x-part:all', 'header:Content-Type:asText'],
    });
    expect(email.textBody).toEqual([
      {
        partId: '1',
        'header:X-Part': ' one',
        'header:x-part:all': [' one'],
        'header:Content-Type:asText': 'text/plain; charset=utf-8',
      },
    ]);
    expect(email.attachments).toEqual([
      {
        partId: '2',
        'header:X-Part': ' three',
        'header:x-part:all': [' two', ' three'],
        'header:Content-Type:asText': 'application/octet-stream',
      },
    ]);
    // The root part is the message itself: its header fields are the message's.
    expect(email.bodyStructure).toMatchObject({
      partId: null,
      'header:X-Part': null,
      'header:x-part:all': [],
      'header:Content-Type:asText': 'multipart/mixed; boundary="b1"',
    });
  });
});

describe('header:{name} over 8-bit header fields (RFC 8621 §4.1.2.1, RFC 6532)', () => {
  it('RFC 6532 §3: UTF-8 field values come back as text; invalid UTF-8 never breaks the answer', async () => {
    const head = new TextEncoder().encode('From: a@x.test\r\nX-Note: Grüße aus Köln\r\nX-Latin: caf');
    const rest = new TextEncoder().encode('\r\nSubject: 8-bit\r\n\r\nbody\r\n');
    const bytes = new Uint8Array([...head, 0xe9, ...rest]);
    const record = await f.store.importMessage(f.alice.accountId, {
      raw: bytes,
      mailboxIds: [f.inbox.id],
      keywords: [],
      receivedAt: new Date('2024-03-07T08:00:00Z'),
    });
    const email = await one({
      ids: [record.id],
      properties: ['header:X-Note', 'header:X-Note:asText', 'header:X-Latin:asText', 'header:Subject:asText'],
    });
    expect(email['header:X-Note']).toBe(' Grüße aus Köln');
    expect(email['header:X-Note:asText']).toBe('Grüße aus Köln');
    expect(email['header:X-Latin:asText']).toMatch(/^caf.$/u);
    expect(email['header:Subject:asText']).toBe('8-bit');
  });
});

describe('Email/parse header:{name} properties (RFC 8621 §4.9, §4.1.3)', () => {
  it('RFC 8621 §4.9: Email/parse serves header: forms on the email and its parts', async () => {
    const blobId = await upload(f, raw);
    const response = await f.call([
      [
        'Email/parse',
        {
          accountId: f.alice.accountId,
          blobIds: [blobId],
          properties: [...Object.keys(TOP_LEVEL), 'attachments'],
          bodyProperties: ['header:X-Part:asText:all'],
        },
        'p',
      ],
    ]);
    const parsed = resultOf(response, 'Email/parse').parsed as Record<string, Record<string, unknown>>;
    expect(parsed[blobId]).toEqual({
      ...TOP_LEVEL,
      attachments: [{ 'header:X-Part:asText:all': ['two', 'three'] }],
    });
  });

  it('RFC 8621 §4.1.2: Email/parse refuses a form the field cannot have', async () => {
    const response = await f.call([
      ['Email/parse', { accountId: f.alice.accountId, blobIds: [], properties: ['header:To:asDate'] }, 'p'],
    ]);
    expect(response.methodResponses[0]).toMatchObject(['error', { type: 'invalidArguments' }, 'p']);
  });
});
