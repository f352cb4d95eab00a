import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JmapResponse } from '@colibri/jmap-types';
import { mimeLimits } from '@colibri/mail-store';
import { callWithBlob, upload } from './support/blobs.js';
import { createJmapEngine } from '../src/index.js';
import { MAIL_ACCOUNT_CAPABILITY } from '../src/limits.js';
import { USING, openFixture, recordingLogger, resultOf, withOverrides } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { aliceIdentityId, callSubmission } from './support/submissions.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

type SetResult = {
  created: Record<string, Record<string, unknown>> | null;
  notCreated: Record<string, Record<string, unknown>> | null;
  updated: Record<string, unknown> | null;
  destroyed: string[] | null;
  oldState: string;
  newState: string;
};

const ALICE = [{ name: 'Alice Durand', email: 'alice@colibri.test' }];
const BOB = [{ name: 'Bob Martin', email: 'bob@colibri.test' }];

async function set(args: Record<string, unknown>): Promise<SetResult> {
  const response = await f.call([['Email/set', { accountId: f.alice.accountId, ...args }, 's']]);
  return resultOf(response, 'Email/set') as unknown as SetResult;
}
const createOne = async (email: Record<string, unknown>) => set({ create: { c: email } });
const draft = (extra: Record<string, unknown> = {}) => ({
  mailboxIds: { [f.inbox.id]: true },
  keywords: { $draft: true },
  from: ALICE,
  to: BOB,
  subject: 'Hello',
  bodyValues: { t: { value: 'Hi Bob' } },
  textBody: [{ partId: 't', type: 'text/plain' }],
  ...extra,
});
async function getEmail(id: string, properties?: string[]): Promise<Record<string, unknown>> {
  const response = await f.call([
    [
      'Email/get',
      {
        accountId: f.alice.accountId,
        ids: [id],
        fetchAllBodyValues: true,
        ...(properties ? { properties } : {}),
      },
      'g',
    ],
  ]);
  return (resultOf(response, 'Email/get').list as Record<string, unknown>[])[0]!;
}
async function rawOf(blobId: string): Promise<string> {
  const raw = await f.store.readBlob(f.alice.accountId, blobId as never);
  return Buffer.from(raw!).toString('latin1');
}
const emailCount = async () => (await f.store.queryEmails(f.alice.accountId, {})).total;

describe('Email/set create (RFC 8621 §4.6)', () => {
  it('creates a draft from JMAP properties; created has id, blobId, threadId, size (RFC 8620 §5.3)', async () => {
    const before = await f.store.getState(f.alice.accountId, 'Email');
    const result = await createOne(
      draft({ cc: [{ name: null, email: 'carol@colibri.test' }], receivedAt: '2026-01-02T03:04:05Z' }),
    );
    expect(result.notCreated).toBeNull();
    expect(result.oldState).toBe(before);
    expect(result.newState).not.toBe(before);
    const created = result.created!.c!;
    expect(Object.keys(created).sort()).toEqual(['blobId', 'id', 'size', 'threadId']);
    const email = await getEmail(created.id as string);
    expect(email).toMatchObject({
      id: created.id,
      blobId: created.blobId,
      threadId: created.threadId,
      size: created.size,
      mailboxIds: { [f.inbox.id]: true },
      keywords: { $draft: true },
      receivedAt: '2026-01-02T03:04:05Z',
      from: ALICE,
      to: BOB,
      cc: [{ name: null, email: 'carol@colibri.test' }],
      subject: 'Hello',
    });
    // RFC 5322 §3.6.4 / §3.6.1: a Message-ID at the From domain and a Date when the client gave none.
    expect(email.messageId).toEqual([expect.stringMatching(/@colibri\.test$/)]);
    expect(typeof email.sentAt).toBe('string');
    const textBody = email.textBody as { partId: string }[];
    expect((email.bodyValues as Record<string, { value: string }>)[textBody[0]!.partId]!.value).toBe(
      'Hi Bob',
    );
  });

  it('§4.6: textBody + htmlBody make a multipart/alternative, attachments a multipart/mixed, inline cids a multipart/related', async () => {
    const pdf = await upload(f, '%PDF-1.4 fake', f.alice.accountId, 'application/pdf');
    const png = await upload(
      f,
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      f.alice.accountId,
      'image/png',
    );
    const result = await createOne(
      draft({
        bodyValues: {
          t: { value: 'Plain' },
          h: { value: '<p>Rich <img src="cid:logo@x"></p>', isTruncated: false },
        },
        htmlBody: [{ partId: 'h', type: 'text/html' }],
        attachments: [
          { blobId: pdf, type: 'application/pdf', name: 'report.pdf', disposition: 'attachment' },
          { blobId: png, type: 'image/png', disposition: 'inline', cid: 'logo@x' },
        ],
      }),
    );
    const created = result.created!.c!;
    const email = await getEmail(created.id as string, ['bodyStructure', 'attachments', 'hasAttachment']);
    const shape = (p: Record<string, unknown>): unknown =>
      p.subParts ? { [p.type as string]: (p.subParts as Record<string, unknown>[]).map(shape) } : p.type;
    expect(shape(email.bodyStructure as Record<string, unknown>)).toEqual({
      'multipart/mixed': [
        { 'multipart/alternative': ['text/plain', { 'multipart/related': ['text/html', 'image/png'] }] },
        'application/pdf',
      ],
    });
    expect(email.hasAttachment).toBe(true);
    const attachments = email.attachments as Record<string, unknown>[];
    expect(attachments.find((a) => a.type === 'application/pdf')).toMatchObject({
      name: 'report.pdf',
      size: 13,
    });
    expect(attachments.find((a) => a.type === 'image/png')).toMatchObject({
      cid: 'logo@x',
      disposition: 'inline',
    });
  });

  it('§4.6: bodyStructure gives any tree; header:{name}:as{Form} properties on the email and its parts (§4.1.3)', async () => {
    const result = await createOne({
      mailboxIds: { [f.inbox.id]: true },
      'header:From:asAddresses': ALICE,
      'header:To:asGroupedAddresses': [{ name: 'Team', addresses: BOB }],
      'header:Subject:asText': 'Café ☕',
      'header:X-Tags:asRaw': ' one two',
      'header:X-Note:asText:all': ['first', 'second'],
      'header:List-Unsubscribe:asURLs': ['mailto:unsub@colibri.test'],
      'header:Date:asDate': '2026-03-01T12:00:00+02:00',
      'header:Message-ID:asMessageIds': ['given@colibri.test'],
      references: ['root@colibri.test'],
      bodyValues: { t: { value: 'Bonjour' } },
      bodyStructure: {
        type: 'multipart/mixed',
        subParts: [
          { partId: 't', type: 'text/plain', language: ['fr'], 'header:X-Part:asText': 'p1' },
          { partId: 't', type: 'text/calendar', location: 'https://colibri.test/e.ics' },
        ],
      },
    });
    expect(result.notCreated).toBeNull();
    const created = result.created!.c!;
    const text = await rawOf(created.blobId as string);
    const head = text.split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(head).toMatch(/^To: Team: Bob Martin <bob@colibri\.test>;$/m);
    expect(head).toMatch(/^X-Tags: one two$/m);
    expect(head).toMatch(/^X-Note: first\r\nX-Note: second$/m);
    expect(head).toMatch(/^List-Unsubscribe: <mailto:unsub@colibri\.test>$/m);
    expect(head).toMatch(/^Date: Sun, 01 Mar 2026 12:00:00 \+0200$/m);
    expect(head).toMatch(/^Message-ID: <given@colibri\.test>$/m);
    expect(text).toMatch(/X-Part: p1/);
    expect(text).toMatch(/Content-Language: fr/);
    expect(text).toMatch(/Content-Location: https:\/\/colibri\.test\/e\.ics/);
    const email = await getEmail(created.id as string, ['subject', 'sentAt', 'messageId', 'references']);
    expect(email).toMatchObject({
      subject: 'Café ☕',
      sentAt: '2026-03-01T10:00:00Z',
      messageId: ['given@colibri.test'],
      references: ['root@colibri.test'],
    });
  });

  it('§4.6 / RFC 8621 §3: a reply created with inReplyTo and references joins the original thread', async () => {
    const result = await createOne(
      draft({
        subject: 'Re: Lunch on Friday?',
        inReplyTo: ['lunch-1@colibri.test'],
        references: ['lunch-1@colibri.test'],
      }),
    );
    expect(result.created!.c!.threadId).toBe(f.emails.lunchInvite.threadId);
  });

  it('§4.6: keeps Bcc in the stored draft (the submission strips it when sending)', async () => {
    const result = await createOne(draft({ bcc: [{ name: null, email: 'hidden@colibri.test' }] }));
    expect(await rawOf(result.created!.c!.blobId as string)).toMatch(/^Bcc: hidden@colibri\.test$/m);
  });

  it('§4.6 / RFC 8620 §5.3: mailboxIds may name a mailbox created earlier in the request by #creationId', async () => {
    const response = await f.call([
      [
        'Mailbox/set',
        { accountId: f.alice.accountId, create: { box: { name: 'Drafts-by-ref', role: null } } },
        'm',
      ],
      [
        'Email/set',
        { accountId: f.alice.accountId, create: { c: draft({ mailboxIds: { '#box': true } }) } },
        's',
      ],
    ]);
    const boxId = (resultOf(response, 'Mailbox/set').created as Record<string, { id: string }>).box!.id;
    const created = (resultOf(response, 'Email/set', 1).created as Record<string, { id: string }>).c!;
    expect((await getEmail(created.id, ['mailboxIds'])).mailboxIds).toEqual({ [boxId]: true });
  });

  it('§4.6 / RFC 8620 §5.3: invalidProperties lists every bad property, and nothing is stored', async () => {
    const before = await emailCount();
    const state = await f.store.getState(f.alice.accountId, 'Email');
    const result = await set({
      create: {
        serverSet: draft({ id: 'x', size: 3, preview: 'p' }),
        unknown: draft({ colour: 'red' }),
        twice: draft({ 'header:From:asAddresses': ALICE }),
        twiceCase: draft({ 'header:subject': ' raw' }),
        badForm: draft({ 'header:Subject:asAddresses': BOB }),
        cte: draft({ 'header:Content-Transfer-Encoding': ' 8bit' }),
        malformed: draft({ to: [{ email: 'not an address' }], sentAt: 'yesterday' }),
        htmlInText: draft({ textBody: [{ partId: 't', type: 'text/html' }] }),
        twoTexts: draft({ bodyValues: { t: { value: 'a' } }, textBody: [{ partId: 't' }, { partId: 't' }] }),
        both: draft({ bodyStructure: { partId: 't' } }),
        noValue: draft({ textBody: [{ partId: 'missing' }] }),
        truncated: draft({ bodyValues: { t: { value: 'x', isTruncated: true } } }),
        charsetWithPartId: draft({ textBody: [{ partId: 't', charset: 'iso-8859-1' }] }),
        partAndBlob: draft({ textBody: [{ partId: 't', blobId: 'Gx' }] }),
        partSize: draft({ textBody: [{ partId: 't', size: 3 }] }),
        partCte: draft({ textBody: [{ partId: 't', 'header:Content-Transfer-Encoding': ' base64' }] }),
        repeatsTop: draft({
          textBody: undefined,
          bodyStructure: { partId: 't', 'header:Subject:asText': 'x' },
        }),
        headers: draft({ headers: [{ name: 'X-A', value: 'b' }] }),
        emptyMultipart: draft({
          textBody: undefined,
          bodyStructure: { type: 'multipart/mixed', subParts: [] },
        }),
        noMailbox: draft({ mailboxIds: {} }),
        unknownMailbox: draft({ mailboxIds: { Mnope: true } }),
        badKeyword: draft({ keywords: { 'a b': true } }),
      },
    });
    expect(result.created).toBeNull();
    const props = (id: string) => result.notCreated![id] as { type: string; properties: string[] };
    for (const id of Object.keys(result.notCreated!)) expect(props(id).type).toBe('invalidProperties');
    expect(props('serverSet').properties.sort()).toEqual(['id', 'preview', 'size']);
    expect(props('unknown').properties).toEqual(['colour']);
    expect(props('twice').properties.sort()).toEqual(['from', 'header:From:asAddresses']);
    expect(props('twiceCase').properties.sort()).toEqual(['header:subject', 'subject']);
    expect(props('badForm').properties).toEqual(['header:Subject:asAddresses']);
    expect(props('cte').properties).toEqual(['header:Content-Transfer-Encoding']);
    expect(props('malformed').properties.sort()).toEqual(['sentAt', 'to']);
    expect(props('htmlInText').properties).toEqual(['textBody/0/type']);
    expect(props('twoTexts').properties).toEqual(['textBody']);
    expect(props('both').properties).toEqual(['textBody']);
    expect(props('noValue').properties).toEqual(['textBody/0/partId']);
    expect(props('truncated').properties).toEqual(['bodyValues']);
    expect(props('charsetWithPartId').properties).toEqual(['textBody/0/charset']);
    expect(props('partAndBlob').properties).toEqual(['textBody/0/blobId']);
    expect(props('partSize').properties).toEqual(['textBody/0/size']);
    expect(props('partCte').properties).toEqual(['textBody/0/header:Content-Transfer-Encoding']);
    expect(props('repeatsTop').properties).toEqual(['bodyStructure/header:subject']);
    expect(props('headers').properties).toEqual(['headers']);
    expect(props('emptyMultipart').properties).toEqual(['bodyStructure/subParts']);
    expect(props('noMailbox').properties).toEqual(['mailboxIds']);
    expect(props('unknownMailbox').properties).toEqual(['mailboxIds']);
    expect(props('badKeyword').properties).toEqual(['keywords/a b']);
    expect(await emailCount()).toBe(before);
    expect(await f.store.getState(f.alice.accountId, 'Email')).toBe(state);
  });

  it("§4.6: blobNotFound lists the blobs the account cannot read (another account's upload included)", async () => {
    const bobs = await upload(f, 'secret', f.bob.accountId, 'text/plain');
    const before = await emailCount();
    const result = await createOne(
      draft({
        attachments: [
          { blobId: bobs, type: 'text/plain' },
          { blobId: 'Gnope', type: 'text/plain' },
        ],
      }),
    );
    expect(result.notCreated!.c).toEqual({ type: 'blobNotFound', notFound: [bobs, 'Gnope'] });
    expect(await emailCount()).toBe(before);
  });

  it('§4.6: a part may name a blob uploaded earlier in the same request by #creationId (RFC 9404 §4.1)', async () => {
    const response: JmapResponse = await callWithBlob(f, [
      [
        'Blob/upload',
        {
          accountId: f.alice.accountId,
          create: { file: { data: [{ 'data:asText': 'attached text' }], type: 'text/plain' } },
        },
        'u',
      ],
      [
        'Email/set',
        {
          accountId: f.alice.accountId,
          create: {
            c: draft({
              attachments: [{ blobId: '#file', type: 'text/plain', name: 'a.txt', charset: 'iso-8859-1' }],
            }),
          },
        },
        's',
      ],
    ]);
    const created = (resultOf(response, 'Email/set', 1).created as Record<string, Record<string, unknown>>)
      .c!;
    const email = await getEmail(created.id as string, ['attachments']);
    expect((email.attachments as Record<string, unknown>[])[0]).toMatchObject({
      name: 'a.txt',
      size: 13,
      charset: 'iso-8859-1',
    });
  });

  it('§4.6: a message larger than the store takes is tooLarge', async () => {
    const big = 'x'.repeat(mimeLimits.maxMessageBytes + 1);
    const result = await createOne(draft({ bodyValues: { t: { value: big } } }));
    expect(result.notCreated!.c).toMatchObject({ type: 'tooLarge' });
    expect((result.notCreated!.c as { description: string }).description).toContain(
      String(mimeLimits.maxMessageBytes),
    );
  });

  it('§4.6: overQuota when the account is full, storing nothing', async () => {
    const { usedEmails } = await f.store.getQuota(f.alice.accountId);
    await f.store.setQuota(f.alice.accountId, { maxEmails: usedEmails, maxBytes: null });
    try {
      const before = await f.store.getState(f.alice.accountId, 'Email');
      const result = await createOne(draft());
      expect(result.notCreated).toMatchObject({ c: { type: 'overQuota' } });
      expect(await f.store.getState(f.alice.accountId, 'Email')).toBe(before);
    } finally {
      await f.store.setQuota(f.alice.accountId, { maxEmails: null, maxBytes: null });
    }
  });

  it('§4.6 / RFC 8621 §1.3.1: attachments over maxSizeAttachmentsPerEmail are tooLarge', async () => {
    const blobId = await upload(f, 'small', f.alice.accountId, 'text/plain');
    const max = MAIL_ACCOUNT_CAPABILITY.maxSizeAttachmentsPerEmail;
    // The store reports the blob one octet over the limit (no need to write 50 MB to disk).
    const store = withOverrides(f.store, {
      async openBlob(accountId, id) {
        const opened = await f.store.openBlob(accountId, id);
        return opened === null ? null : { ...opened, size: max + 1 };
      },
    });
    const engine = createJmapEngine({ store, logger: recordingLogger() });
    const { body } = await engine.handleRequest(f.alice, {
      using: USING,
      methodCalls: [
        [
          'Email/set',
          { accountId: f.alice.accountId, create: { c: draft({ attachments: [{ blobId }] }) } },
          's',
        ],
      ],
    });
    const result = resultOf(body as JmapResponse, 'Email/set') as unknown as SetResult;
    expect(result.notCreated!.c).toMatchObject({
      type: 'tooLarge',
      description: expect.stringContaining(String(max)),
    });
  });

  it('RFC 8620 §5.3: create, update and destroy in one call run in that order, #creationId usable by update', async () => {
    const result = await set({
      create: { n: draft() },
      update: { '#n': { 'keywords/$seen': true } },
      destroy: ['#n'],
    });
    const id = result.created!.n!.id as string;
    // The update names the email by its creation id (the response key is that id as given).
    expect(Object.values(result.updated!)).toEqual([null]);
    expect(result.destroyed).toEqual([id]);
    expect(await f.store.getEmails(f.alice.accountId, [id as never])).toEqual([]);
  });

  it('RFC 8621 §7.5: EmailSubmission/set submits #draft and onSuccessUpdateEmail patches it in the same request', async () => {
    const identityId = await aliceIdentityId(f);
    const response = await callSubmission(f, [
      ['Email/set', { accountId: f.alice.accountId, create: { draft: draft() } }, 'e'],
      [
        'EmailSubmission/set',
        {
          accountId: f.alice.accountId,
          create: { send: { identityId, emailId: '#draft' } },
          onSuccessUpdateEmail: { '#send': { 'keywords/$draft': null, 'keywords/$seen': true } },
        },
        's',
      ],
    ]);
    const emailId = (resultOf(response, 'Email/set').created as Record<string, { id: string }>).draft!.id;
    expect(resultOf(response, 'EmailSubmission/set', 1).created).toHaveProperty('send');
    // RFC 8620 §3.4: the response has createdIds only when the request had them.
    expect(response.createdIds).toBeUndefined();
    const [record] = await f.store.getEmails(f.alice.accountId, [emailId as never]);
    expect(record!.keywords).toEqual(['$seen']);
  });

  it('§4.6: the stored message is well-formed MIME that parses back to the given properties', async () => {
    const result = await createOne(draft({ subject: 'Ünïcode subject' }));
    const raw = await f.store.readBlob(f.alice.accountId, result.created!.c!.blobId as never);
    const text = Buffer.from(raw!).toString('latin1');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toMatch(/^MIME-Version: 1\.0$/m);
    expect(text.split('\r\n\r\n')[0]).toMatch(/^[\t\r\n\x20-\x7e]*$/);
  });
});
