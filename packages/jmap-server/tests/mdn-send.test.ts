import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capability } from '@colibri/jmap-types';
import type { Invocation, JmapResponse } from '@colibri/jmap-types';
import { readDispositionReport } from '@colibri/mail-store';
import type { EmailRecord } from '@colibri/mail-store';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';
import { aliceIdentityId } from './support/submissions.js';

const MDN_USING = [Capability.Core, Capability.Mail, Capability.Mdn];

let f: Fixture;
let identityId: string;
beforeAll(async () => {
  f = await openFixture();
  identityId = await aliceIdentityId(f);
});
afterAll(() => f.close());

async function call(methodCalls: Invocation[], using: string[] = MDN_USING): Promise<JmapResponse> {
  const { status, body } = await f.engine.handleRequest(f.alice, { using, methodCalls });
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
  return body as JmapResponse;
}

let serial = 0;
/** A message to alice from a remote sender who asks for a receipt at `notifyTo` (RFC 8098 §2.1). */
async function receive(headers: Record<string, string> = {}, keywords: string[] = []): Promise<EmailRecord> {
  serial += 1;
  const fields = {
    From: 'Ann <ann@remote.test>',
    To: 'alice@colibri.test',
    Subject: `Did you read this? ${serial}`,
    'Message-ID': `<ask-${serial}@remote.test>`,
    'Disposition-Notification-To': `Ann <ann+${serial}@remote.test>`,
    ...headers,
  };
  const raw = new TextEncoder().encode(
    [...Object.entries(fields).map(([n, v]) => `${n}: ${v}`), '', 'Secret body', ''].join('\r\n'),
  );
  return f.store.importMessage(f.alice.accountId, { raw, mailboxIds: [f.inbox.id], keywords });
}

const displayed = { actionMode: 'manual-action', sendingMode: 'mdn-sent-manually', type: 'displayed' };

const send = async (args: Record<string, unknown>) => {
  const response = await call([['MDN/send', { accountId: f.alice.accountId, identityId, ...args }, 'm']]);
  return { result: resultOf(response, 'MDN/send'), response };
};

/** The raw MDN queued for `rcpt`, with a null MAIL FROM. */
async function queuedFor(rcpt: string): Promise<string | null> {
  const due = (await f.store.dueDeliveries(new Date(Date.now() + 1000), 1000)).filter(
    (d) => d.rcptTo === rcpt,
  );
  if (due.length === 0) return null;
  expect(due).toHaveLength(1);
  expect(due[0]!.mailFrom).toBe('');
  const bytes = await f.store.readSubmissionMessage(due[0]!.submissionId);
  if (bytes === null) throw new Error('the queued MDN cannot be read');
  return new TextDecoder().decode(bytes);
}

describe('MDN/send (RFC 9007 §2.1)', () => {
  it('is in the session: capability, account capability and primary account (RFC 9007 §3)', async () => {
    const session = await f.engine.getSession(f.alice, 'http://localhost');
    expect(session.capabilities[Capability.Mdn]).toEqual({});
    expect(session.accounts[f.alice.accountId]!.accountCapabilities[Capability.Mdn]).toEqual({});
    expect(session.primaryAccounts[Capability.Mdn]).toBe(f.alice.accountId);
  });

  it('needs the mdn capability in using (RFC 8620 §3.3)', async () => {
    const response = await call(
      [['MDN/send', { accountId: f.alice.accountId, identityId, send: {} }, 'm']],
      [Capability.Core, Capability.Mail],
    );
    expect(response.methodResponses[0]![1]).toMatchObject({ type: 'unknownMethod' });
  });

  it('queues an RFC 8098 §3 MDN to Disposition-Notification-To and answers the server-set properties', async () => {
    const email = await receive({ 'Original-Recipient': 'rfc822;alice@colibri.test' });
    const { result } = await send({
      send: { k1: { forEmailId: email.id, disposition: displayed, reportingUA: 'colibri.test; Colibri' } },
    });
    expect(result.notSent).toBeNull();
    expect((result.sent as Record<string, unknown>).k1).toEqual({
      subject: `Read receipt: ${email.subject}`,
      textBody: expect.stringContaining('displayed') as unknown,
      includeOriginalMessage: false,
      mdnGateway: null,
      originalRecipient: 'rfc822;alice@colibri.test',
      finalRecipient: 'rfc822; alice@colibri.test',
      originalMessageId: `<${email.messageId![0]}>`,
      error: null,
    });
    const raw = await queuedFor(`ann+${serial}@remote.test`);
    expect(raw).toContain('Content-Type: multipart/report; report-type=disposition-notification');
    expect(raw).toMatch(/^From: "Alice Durand" <alice@colibri\.test>\r$/m);
    expect(raw).toContain(
      'Reporting-UA: colibri.test; Colibri\r\nOriginal-Recipient: rfc822;alice@colibri.test\r\n' +
        `Final-Recipient: rfc822; alice@colibri.test\r\nOriginal-Message-ID: <ask-${serial}@remote.test>\r\n` +
        'Disposition: manual-action/mdn-sent-manually; displayed\r\n',
    );
    expect(raw).toContain('Content-Type: text/rfc822-headers');
    expect(raw).not.toContain('Secret body');
    expect(readDispositionReport(new TextEncoder().encode(raw!))?.disposition).toEqual(displayed);
  });

  it('returns the whole original when includeOriginalMessage is true (RFC 9007 §2, RFC 8098 §3)', async () => {
    const email = await receive();
    const { result } = await send({
      send: {
        k: {
          forEmailId: email.id,
          disposition: { ...displayed, type: 'processed' },
          includeOriginalMessage: true,
          subject: 'Got it',
          textBody: 'Thanks',
          extensionFields: { 'X-Note': 'ok' },
        },
      },
    });
    expect((result.sent as Record<string, unknown>).k).not.toHaveProperty('subject');
    const raw = await queuedFor(`ann+${serial}@remote.test`);
    expect(raw).toContain('Content-Type: message/rfc822\r\n\r\nFrom: Ann <ann@remote.test>');
    expect(raw).toContain('Secret body');
    expect(raw).toContain('X-Note: ok\r\n');
    expect(raw).toContain('Subject: Got it\r\n');
  });

  it('runs onSuccessUpdateEmail as an implicit Email/set, then answers mdnAlreadySent (RFC 9007 §2.1)', async () => {
    const email = await receive();
    const { response } = await send({
      send: { k: { forEmailId: email.id, disposition: displayed } },
      onSuccessUpdateEmail: { '#k': { 'keywords/$mdnsent': true }, '#other': { 'keywords/$seen': true } },
    });
    expect(response.methodResponses.map(([name, , id]) => [name, id])).toEqual([
      ['MDN/send', 'm'],
      ['Email/set', 'm'],
    ]);
    expect(resultOf(response, 'Email/set', 1).updated).toEqual({ [email.id]: null });
    const [after] = await f.store.getEmails(f.alice.accountId, [email.id]);
    expect(after!.keywords).toEqual(['$mdnsent']);

    const again = await send({ send: { k: { forEmailId: email.id, disposition: displayed } } });
    expect(again.result.sent).toBeNull();
    expect(again.result.notSent).toEqual({
      k: expect.objectContaining({ type: 'mdnAlreadySent' }) as unknown,
    });
  });

  it('answers mdnAlreadySent for a second MDN of the same email in one call', async () => {
    const email = await receive();
    const { result } = await send({
      send: {
        a: { forEmailId: email.id, disposition: displayed },
        b: { forEmailId: email.id, disposition: displayed },
      },
    });
    expect(Object.keys(result.sent as object)).toEqual(['a']);
    expect(result.notSent).toEqual({ b: expect.objectContaining({ type: 'mdnAlreadySent' }) as unknown });
  });

  it('answers notFound for an unknown email, another account’s, or one that asked for no MDN (RFC 9007 §2.1)', async () => {
    const noRequest = await receive({ 'Disposition-Notification-To': 'not an address' });
    const bobsInbox = await f.store.findMailboxByRole(f.bob.accountId, 'inbox');
    const bobs = await f.store.importMessage(f.bob.accountId, {
      raw: new TextEncoder().encode(
        'From: x@remote.test\r\nDisposition-Notification-To: x@remote.test\r\n\r\nhi\r\n',
      ),
      mailboxIds: [bobsInbox!.id],
    });
    const { result } = await send({
      send: {
        a: { forEmailId: 'Mnope', disposition: displayed },
        b: { forEmailId: bobs.id, disposition: displayed },
        c: { forEmailId: noRequest.id, disposition: displayed },
      },
    });
    expect(result.sent).toBeNull();
    for (const key of ['a', 'b', 'c'])
      expect((result.notSent as Record<string, { type: string }>)[key]!.type).toBe('notFound');
  });

  it('answers invalidProperties for a bad disposition, a server-set value or a standard extension field (RFC 9007 §2.1, RFC 8620 §5.3)', async () => {
    const email = await receive();
    const { result } = await send({
      send: {
        a: { forEmailId: email.id, disposition: { ...displayed, type: 'eaten' } },
        b: { forEmailId: email.id, disposition: displayed, originalMessageId: '<x@y>' },
        c: { forEmailId: email.id, disposition: displayed, extensionFields: { Disposition: 'x' } },
        d: { forEmailId: email.id, disposition: displayed, unknown: 1 },
        e: { forEmailId: email.id, disposition: displayed, reportingUA: 'ua\r\nBcc: x@y.test' },
        f: { forEmailId: email.id, disposition: displayed, extensionFields: { 'X-Note': 'café' } },
      },
    });
    expect(result.sent).toBeNull();
    expect(result.notSent).toEqual({
      a: { type: 'invalidProperties', properties: ['disposition'] },
      b: { type: 'invalidProperties', properties: ['originalMessageId'] },
      c: { type: 'invalidProperties', properties: ['extensionFields'] },
      d: { type: 'invalidProperties', properties: ['unknown'] },
      // RFC 8098 §3.1: the report's fields are US-ASCII lines.
      e: { type: 'invalidProperties', properties: ['reportingUA'] },
      f: { type: 'invalidProperties', properties: ['extensionFields'] },
    });
    expect(await queuedFor(`ann+${serial}@remote.test`)).toBeNull();
  });

  it('answers forbiddenFrom for a finalRecipient the account may not use (RFC 9007 §2.1)', async () => {
    const email = await receive();
    const { result } = await send({
      send: {
        k: { forEmailId: email.id, disposition: displayed, finalRecipient: 'rfc822; bob@colibri.test' },
      },
    });
    expect(result.notSent).toEqual({ k: expect.objectContaining({ type: 'forbiddenFrom' }) as unknown });
    expect(await queuedFor(`ann+${serial}@remote.test`)).toBeNull();
  });

  it('refuses an identity of another account, and unknown arguments, as invalidArguments (RFC 8620 §3.6.2)', async () => {
    const [bobIdentity] = await f.store.listIdentities(f.bob.accountId);
    const email = await receive();
    for (const args of [
      { identityId: bobIdentity!.id, send: { k: { forEmailId: email.id, disposition: displayed } } },
      { send: {}, bogus: true },
      { send: [] },
    ]) {
      const response = await call([['MDN/send', { accountId: f.alice.accountId, identityId, ...args }, 'm']]);
      expect(response.methodResponses[0]).toEqual([
        'error',
        expect.objectContaining({ type: 'invalidArguments' }),
        'm',
      ]);
    }
    expect(await queuedFor(`ann+${serial}@remote.test`)).toBeNull();
  });
});
