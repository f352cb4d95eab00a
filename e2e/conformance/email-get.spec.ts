import type { Email, EmailBodyPart, Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822, richMessage } from './support/mail.js';
import { perAccount } from './support/per-account.js';

type Wire = Record<string, unknown>;

async function getOne(account: JmapAccount, id: Id, args: Wire = {}): Promise<Wire> {
  const { list } = await account.ok<{ list: Wire[] }>('Email/get', {
    accountId: account.accountId,
    ids: [id],
    ...args,
  });
  if (!list[0]) throw new Error(`Email ${id} not found`);
  return list[0];
}

const raw = richMessage('rich');
const richEmail = perAccount(async (account) => {
  const inbox = (await mailboxesByRole(account)).inbox!;
  const imported = await importMessage(account, raw, [inbox], {
    keywords: { $flagged: true },
    receivedAt: '2026-03-03T08:31:00Z',
  });
  return { ...imported, inbox };
});

test.describe('RFC 8621 §4.1-§4.2 Email/get', () => {
  test('RFC 8621 §4.2: without properties the default set is returned, with the metadata of §4.1.1', async ({
    account,
  }) => {
    const rich = await richEmail(account);
    const email = await getOne(account, rich.id);
    expect(Object.keys(email).sort()).toEqual(
      (
        'id blobId threadId mailboxIds keywords size receivedAt messageId inReplyTo references sender from to cc ' +
        'bcc replyTo subject sentAt hasAttachment preview bodyValues textBody htmlBody attachments'
      )
        .split(' ')
        .sort(),
    );
    expect(email).toMatchObject({
      id: rich.id,
      blobId: rich.blobId,
      threadId: rich.threadId,
      mailboxIds: { [rich.inbox]: true },
      keywords: { $flagged: true },
      size: Buffer.byteLength(raw),
      receivedAt: '2026-03-03T08:31:00Z',
    });
  });

  test('RFC 8621 §4.1.2-§4.1.3: the convenience header properties are parsed', async ({ account }) => {
    const rich = await richEmail(account);
    const email = (await getOne(account, rich.id)) as Partial<Email>;
    expect(email.messageId).toEqual(['rich@example.org']);
    expect(email.inReplyTo).toEqual(['parent@example.org']);
    expect(email.references).toEqual(['root@example.org', 'parent@example.org']);
    expect(email.from).toEqual([{ name: 'Ann Example', email: 'ann@example.org' }]);
    expect(email.sender).toEqual([{ name: null, email: 'bot@example.org' }]);
    expect(email.to).toEqual([
      { name: 'Bob', email: 'bob@example.org' },
      { name: null, email: 'carol@example.org' },
    ]);
    // A group in an address list: asAddresses flattens it.
    expect(email.cc).toEqual([
      { name: null, email: 'dan@example.org' },
      { name: null, email: 'eve@example.org' },
    ]);
    expect(email.bcc).toEqual([{ name: null, email: 'hidden@example.org' }]);
    expect(email.replyTo).toEqual([{ name: null, email: 'replies@example.org' }]);
    // RFC 2047 encoded-words are decoded.
    expect(email.subject).toBe('Café rich');
    // sentAt is the Date header as an RFC 8620 §1.4 Date: the same instant, in any offset.
    expect(Date.parse(email.sentAt ?? '')).toBe(Date.parse('2026-03-03T08:30:00Z'));
  });

  test('RFC 8621 §4.1.3: header:{name}:as{Form} parses any header in the form asked', async ({ account }) => {
    const rich = await richEmail(account);
    const email = await getOne(account, rich.id, {
      properties: [
        'header:Subject',
        'header:subject:asText',
        'header:From:asAddresses',
        'header:Cc:asGroupedAddresses',
        'header:Message-ID:asMessageIds',
        'header:Date:asDate',
        'header:List-Post:asURLs',
        'header:X-Custom',
        'header:X-Custom:all',
        'header:X-Missing',
        'header:X-Missing:all',
        'header:X-Custom:asRaw',
        'header:X-Custom:asText:all',
        'header:To:asAddresses:all',
      ],
    });
    // Raw: the bytes after the colon, unfolded, leading space kept (§4.1.2.1).
    expect(email['header:Subject']).toBe(' =?UTF-8?Q?Caf=C3=A9_rich?=');
    expect(email['header:subject:asText']).toBe('Café rich');
    expect(email['header:From:asAddresses']).toEqual([{ name: 'Ann Example', email: 'ann@example.org' }]);
    expect(email['header:Cc:asGroupedAddresses']).toEqual([
      {
        name: 'Team',
        addresses: [
          { name: null, email: 'dan@example.org' },
          { name: null, email: 'eve@example.org' },
        ],
      },
    ]);
    expect(email['header:Message-ID:asMessageIds']).toEqual(['rich@example.org']);
    expect(Date.parse(email['header:Date:asDate'] as string)).toBe(Date.parse('2026-03-03T08:30:00Z'));
    expect(email['header:List-Post:asURLs']).toEqual(['mailto:list@example.org', 'https://example.org/post']);
    // Without :all, the last instance of the header (§4.1.3).
    expect(email['header:X-Custom']).toBe(' second value');
    expect(email['header:X-Custom:all']).toEqual(['  first value', ' second value']);
    expect(email['header:X-Missing']).toBeNull();
    expect(email['header:X-Missing:all']).toEqual([]);
    // :asRaw is the default form; :all combines with any form.
    expect(email['header:X-Custom:asRaw']).toBe(' second value');
    expect(email['header:X-Custom:asText:all']).toEqual(['first value', 'second value']);
    expect(email['header:To:asAddresses:all']).toEqual([
      [
        { name: 'Bob', email: 'bob@example.org' },
        { name: null, email: 'carol@example.org' },
      ],
    ]);
  });

  test('RFC 8621 §4.1.3: a form that the header does not allow answers invalidArguments', async ({
    account,
  }) => {
    const rich = await richEmail(account);
    // §4.1.2: asAddresses is only for address headers... for others the server MUST reject it.
    expectMethodError(
      await account.invoke('Email/get', {
        accountId: account.accountId,
        ids: [rich.id],
        properties: ['header:Subject:asAddresses'],
      }),
      'invalidArguments',
    );
  });

  test('RFC 8621 §4.1.4: textBody, htmlBody, attachments, hasAttachment and preview', async ({ account }) => {
    const rich = await richEmail(account);
    const email = await getOne(account, rich.id);
    const textBody = email.textBody as EmailBodyPart[];
    const htmlBody = email.htmlBody as EmailBodyPart[];
    const attachments = email.attachments as EmailBodyPart[];
    expect(textBody.map((p) => p.type)).toEqual(['text/plain']);
    expect(htmlBody.map((p) => p.type)).toEqual(['text/html']);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({
      type: 'application/pdf',
      name: 'report.pdf',
      disposition: 'attachment',
      size: Buffer.byteLength('%PDF-1.4 not really a pdf'),
    });
    expect(email.hasAttachment).toBe(true);
    expect(typeof email.preview).toBe('string');
    expect(email.preview as string).toContain('Hello Bob');
    expect((email.preview as string).length).toBeLessThanOrEqual(256);
    // Without a fetch*BodyValues argument, no body values are returned.
    expect(email.bodyValues).toEqual({});
  });

  test('RFC 8621 §4.1.4: bodyStructure is the MIME tree; leaves have partId and blobId', async ({
    account,
  }) => {
    const rich = await richEmail(account);
    const email = await getOne(account, rich.id, { properties: ['bodyStructure'] });
    const root = email.bodyStructure as EmailBodyPart;
    expect(root.type).toBe('multipart/mixed');
    expect(root.partId ?? null).toBeNull();
    expect(root.subParts?.map((p) => p.type)).toEqual(['multipart/alternative', 'application/pdf']);
    const leaves = [...(root.subParts?.[0]?.subParts ?? []), root.subParts?.[1]];
    for (const leaf of leaves) {
      expect(typeof leaf?.partId).toBe('string');
      expect(typeof leaf?.blobId).toBe('string');
    }
    expect(leaves[0]?.charset).toBe('utf-8');
  });

  test('RFC 8621 §4.2: bodyProperties chooses the EmailBodyPart properties', async ({ account }) => {
    const rich = await richEmail(account);
    const email = await getOne(account, rich.id, {
      properties: ['textBody', 'attachments'],
      bodyProperties: ['partId', 'type'],
    });
    for (const part of [...(email.textBody as Wire[]), ...(email.attachments as Wire[])])
      expect(Object.keys(part).sort()).toEqual(['partId', 'type']);
  });

  test('RFC 8621 §4.2: fetchTextBodyValues, fetchHTMLBodyValues and fetchAllBodyValues fill bodyValues', async ({
    account,
  }) => {
    const rich = await richEmail(account);
    const props = { properties: ['textBody', 'htmlBody', 'bodyValues'] };
    const text = await getOne(account, rich.id, { ...props, fetchTextBodyValues: true });
    const textPart = (text.textBody as EmailBodyPart[])[0]!.partId!;
    const htmlPart = (text.htmlBody as EmailBodyPart[])[0]!.partId!;
    expect(Object.keys(text.bodyValues as Wire)).toEqual([textPart]);
    expect((text.bodyValues as Record<string, Wire>)[textPart]).toEqual({
      // The CRLF before a boundary belongs to the delimiter (RFC 2046 §5.1.1), not to the part.
      value: 'Hello Bob, this is the plain rich body. Café.',
      isEncodingProblem: false,
      isTruncated: false,
    });

    const html = await getOne(account, rich.id, { ...props, fetchHTMLBodyValues: true });
    expect(Object.keys(html.bodyValues as Wire)).toEqual([htmlPart]);
    expect((html.bodyValues as Record<string, { value: string }>)[htmlPart]?.value).toContain('<b>html</b>');

    const all = await getOne(account, rich.id, { ...props, fetchAllBodyValues: true });
    expect(Object.keys(all.bodyValues as Wire).sort()).toEqual([textPart, htmlPart].sort());
  });

  test('RFC 8621 §4.2: maxBodyValueBytes truncates values and sets isTruncated', async ({ account }) => {
    const rich = await richEmail(account);
    const email = await getOne(account, rich.id, {
      properties: ['bodyValues', 'textBody'],
      fetchTextBodyValues: true,
      maxBodyValueBytes: 5,
    });
    const partId = (email.textBody as EmailBodyPart[])[0]!.partId!;
    const value = (email.bodyValues as Record<string, { value: string; isTruncated: boolean }>)[partId];
    expect(value?.isTruncated).toBe(true);
    expect(value?.value).toBe('Hello');
    // 0, the default, means no truncation.
    const whole = await getOne(account, rich.id, {
      properties: ['bodyValues'],
      fetchTextBodyValues: true,
      maxBodyValueBytes: 0,
    });
    expect((whole.bodyValues as Record<string, { isTruncated: boolean }>)[partId]?.isTruncated).toBe(false);
  });

  test('RFC 8621 §4.1.3: headers lists every header field in order, raw', async ({ account }) => {
    const rich = await richEmail(account);
    const email = await getOne(account, rich.id, { properties: ['headers'] });
    const headers = email.headers as { name: string; value: string }[];
    expect(headers[0]).toEqual({ name: 'From', value: ' "Ann Example" <ann@example.org>' });
    expect(headers.filter((h) => h.name === 'X-Custom').map((h) => h.value)).toEqual([
      '  first value',
      ' second value',
    ]);
  });

  test('RFC 8620 §5.1: unknown ids are notFound; an unknown property is invalidArguments', async ({
    account,
  }) => {
    const rich = await richEmail(account);
    const result = await account.ok<{ list: Wire[]; notFound: Id[] }>('Email/get', {
      accountId: account.accountId,
      ids: ['Mnope'],
    });
    expect(result).toMatchObject({ list: [], notFound: ['Mnope'] });
    expectMethodError(
      await account.invoke('Email/get', {
        accountId: account.accountId,
        ids: [rich.id],
        properties: ['colour'],
      }),
      'invalidArguments',
    );
  });

  test("RFC 8620 §5.1: ids [] answers an empty list; properties ['id'] answers only ids", async ({
    account,
  }) => {
    const rich = await richEmail(account);
    const none = await account.ok<{ list: Wire[]; notFound: Id[] }>('Email/get', {
      accountId: account.accountId,
      ids: [],
    });
    expect(none).toMatchObject({ list: [], notFound: [] });
    expect(await getOne(account, rich.id, { properties: ['id'] })).toEqual({ id: rich.id });
  });

  test('RFC 8621 §4.1.4: the preview of an HTML-only email is its text, without markup', async ({
    account,
  }) => {
    const rich = await richEmail(account);
    const raw = [
      'From: html@example.org',
      'Subject: HTML only',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><style>p { color: red }</style></head><body><p>Hello <b>bold</b> world</p></body></html>',
      '',
    ].join('\r\n');
    const html = await importMessage(account, raw, [rich.inbox]);
    const email = await getOne(account, html.id, { properties: ['preview', 'textBody', 'htmlBody'] });
    expect(email.preview).toBe('Hello bold world');
    // §4.1.4: with no text/plain part, textBody falls back to the HTML part.
    expect((email.textBody as EmailBodyPart[]).map((p) => p.type)).toEqual(['text/html']);
  });

  test('RFC 8621 §4.1.4: body values are decoded from their charset; bad bytes set isEncodingProblem', async ({
    account,
  }) => {
    const rich = await richEmail(account);
    const latin1 = Buffer.concat([
      Buffer.from(
        [
          'From: latin@example.org',
          'Subject: Latin-1',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain; charset=iso-8859-1',
          '',
          'Caf',
        ].join('\r\n'),
      ),
      Buffer.from([0xe9]),
      Buffer.from(['', '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Bad '].join('\r\n')),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        [
          '',
          '--b',
          'Content-Type: application/pdf',
          "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
          '',
          'x',
          '--b--',
          '',
        ].join('\r\n'),
      ),
    ]);
    const { blobId } = await account.upload(new Uint8Array(latin1), 'message/rfc822');
    const imported = await account.ok<{ created: Record<string, { id: Id }> }>('Email/import', {
      accountId: account.accountId,
      emails: { m: { blobId, mailboxIds: { [rich.inbox]: true } } },
    });
    const id = imported.created.m!.id;
    const email = await getOne(account, id, {
      properties: ['textBody', 'bodyValues', 'attachments'],
      fetchTextBodyValues: true,
    });
    const [first, second] = (email.textBody as EmailBodyPart[]).map((p) => p.partId!);
    const values = email.bodyValues as Record<string, { value: string; isEncodingProblem: boolean }>;
    expect(values[first!]).toMatchObject({ value: 'Café', isEncodingProblem: false });
    expect(values[second!]?.isEncodingProblem).toBe(true);
    expect(values[second!]?.value.startsWith('Bad ')).toBe(true);
    // RFC 2231 parameter value continuation/encoding in the file name.
    expect((email.attachments as EmailBodyPart[])[0]?.name).toBe('résumé.pdf');
  });

  test('RFC 8621 §4.2: an unknown bodyProperties name answers invalidArguments', async ({ account }) => {
    const rich = await richEmail(account);
    expectMethodError(
      await account.invoke('Email/get', {
        accountId: account.accountId,
        ids: [rich.id],
        properties: ['textBody'],
        bodyProperties: ['partId', 'colour'],
      }),
      'invalidArguments',
    );
  });

  test('RFC 8621 §4.1.2.3-§4.1.2.4: encoded display names are decoded; ungrouped addresses form a null-named group', async ({
    account,
  }) => {
    const rich = await richEmail(account);
    const email = await importMessage(
      account,
      rfc822({
        from: '=?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= <jose@example.org>',
        to: 'a@example.org, b@example.org',
      }),
      [rich.inbox],
    );
    const got = await getOne(account, email.id, { properties: ['from', 'header:To:asGroupedAddresses'] });
    expect(got.from).toEqual([{ name: 'José García', email: 'jose@example.org' }]);
    expect(got['header:To:asGroupedAddresses']).toEqual([
      {
        name: null,
        addresses: [
          { name: null, email: 'a@example.org' },
          { name: null, email: 'b@example.org' },
        ],
      },
    ]);
  });
});
