import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import type { EmailRecord } from '@colibri/mail-store';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const encode = (text: string) => new TextEncoder().encode(text);

/** An MDN as RFC 8098 §9.1's example has it, about `originalId`, with these report fields. */
const mdnMessage = (fields: string, originalId = 'ask-1@remote.test') =>
  encode(
    [
      'From: Joe Recipient <joe@remote.test>',
      'To: alice@colibri.test',
      'Subject: Disposition notification',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=disposition-notification;',
      '\tboundary="RAA14128.773615765/remote.test"',
      '',
      '--RAA14128.773615765/remote.test',
      'Content-Type: text/plain',
      '',
      'The message sent on 1995 Sep 19 was displayed.',
      '',
      '--RAA14128.773615765/remote.test',
      'Content-Type: message/disposition-notification',
      '',
      fields.replace('{id}', originalId),
      '',
      '--RAA14128.773615765/remote.test',
      'Content-Type: message/rfc822',
      '',
      'Subject: original',
      '',
      'original body',
      '--RAA14128.773615765/remote.test--',
      '',
    ].join('\r\n'),
  );

const FIELDS = [
  'Reporting-UA: joes-pc.cs.remote.test; Foomail 97.1',
  'Original-Recipient: rfc822;joe@remote.test',
  'Final-Recipient: rfc822;joe@remote.test',
  'Original-Message-ID: <{id}>',
  'Disposition: manual-action/MDN-sent-manually; displayed',
  'X-Custom: kept',
].join('\r\n');

let original: EmailRecord;
let mdnBlob: string;
let plainBlob: string;
let brokenBlob: string;
beforeAll(async () => {
  original = await f.store.importMessage(f.alice.accountId, {
    raw: encode(
      'From: alice@colibri.test\r\nTo: joe@remote.test\r\nMessage-ID: <ask-1@remote.test>\r\n\r\nHi\r\n',
    ),
    mailboxIds: [f.inbox.id],
  });
  const put = async (raw: Uint8Array) =>
    (await f.store.importMessage(f.alice.accountId, { raw, mailboxIds: [f.inbox.id] })).blobId as string;
  mdnBlob = await put(mdnMessage(FIELDS));
  plainBlob = f.emails.lunchInvite.blobId;
  brokenBlob = await put(mdnMessage('Final-Recipient: rfc822;joe@remote.test\r\nDisposition: nonsense'));
});

async function parse(blobIds: string[], accountId = f.alice.accountId): Promise<JmapResponse> {
  const { status, body } = await f.engine.handleRequest(f.alice, {
    using: [Capability.Core, Capability.Mail, Capability.Mdn],
    methodCalls: [['MDN/parse', { accountId, blobIds }, 'p']],
  });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  return body as JmapResponse;
}

describe('MDN/parse (RFC 9007 §2.2)', () => {
  it('parses the RFC 8098 §3.2 fields; forEmailId is the email with the Original-Message-ID', async () => {
    const result = resultOf(await parse([mdnBlob]), 'MDN/parse');
    expect(result).toEqual({
      accountId: f.alice.accountId,
      parsed: {
        [mdnBlob]: {
          forEmailId: original.id,
          subject: 'Disposition notification',
          textBody: 'The message sent on 1995 Sep 19 was displayed.\r\n',
          includeOriginalMessage: true,
          reportingUA: 'joes-pc.cs.remote.test; Foomail 97.1',
          disposition: { actionMode: 'manual-action', sendingMode: 'mdn-sent-manually', type: 'displayed' },
          mdnGateway: null,
          originalRecipient: 'rfc822;joe@remote.test',
          finalRecipient: 'rfc822;joe@remote.test',
          originalMessageId: '<ask-1@remote.test>',
          error: null,
          extensionFields: { 'X-Custom': 'kept' },
        },
      },
      notParsable: null,
      notFound: null,
    });
  });

  it('answers notParsable for a message that is no MDN or has no valid Disposition, notFound for unknown blobs (RFC 9007 §2.2)', async () => {
    const result = resultOf(await parse([plainBlob, brokenBlob, 'Gnope', '#nothing']), 'MDN/parse');
    expect(result.parsed).toBeNull();
    expect(result.notParsable).toEqual([plainBlob, brokenBlob]);
    expect(result.notFound).toEqual(['Gnope', '#nothing']);
  });

  it('never reads another account’s blob: bob’s MDN is notFound to alice (RFC 8620 §6)', async () => {
    const bobsInbox = await f.store.findMailboxByRole(f.bob.accountId, 'inbox');
    const bobs = await f.store.importMessage(f.bob.accountId, {
      raw: mdnMessage(FIELDS.replace('X-Custom: kept', 'X-Bob: only')),
      mailboxIds: [bobsInbox!.id],
    });
    const result = resultOf(await parse([bobs.blobId]), 'MDN/parse');
    expect(result.notFound).toEqual([bobs.blobId]);
    const other = await parse([mdnBlob], f.bob.accountId);
    expect(other.methodResponses[0]![1]).toMatchObject({ type: 'accountNotFound' });
  });

  it('leaves forEmailId null when no email of the account has that Message-ID (RFC 9007 §2.2)', async () => {
    const unknown = (
      await f.store.importMessage(f.alice.accountId, {
        raw: mdnMessage(FIELDS, 'elsewhere@remote.test'),
        mailboxIds: [f.inbox.id],
      })
    ).blobId;
    const result = resultOf(await parse([unknown]), 'MDN/parse');
    expect((result.parsed as Record<string, { forEmailId: unknown }>)[unknown]!.forEmailId).toBeNull();
  });
});
