import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, MailStore } from '@colibri/mail-store';
import { createLogger } from '../src/logger.js';
import { startInboundSmtp, type InboundSmtp } from '../src/smtp/inbound-smtp.js';
import { openInboundFixture, type InboundFixture, type Sent } from './support/inbound-fixture.js';

let fixture: InboundFixture;
let store: MailStore;
let smtp: InboundSmtp;
let ann: Account;
let sent: Sent[];

beforeEach(async () => {
  fixture = await openInboundFixture('colibri-vacation-');
  ({ store, ann, sent } = fixture);
  smtp = await startInboundSmtp(fixture.options);
});
afterEach(async () => {
  await smtp.close();
  await fixture.close();
});

async function send(mail: {
  from: string;
  subject: string;
  headers?: Record<string, string>;
  messageId?: string;
}) {
  const transport = createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ to: 'Ann <ann@fixture.test>', text: 'Hello Ann.', ...mail });
  } finally {
    transport.close();
  }
}

const text = (raw: Uint8Array) => Buffer.from(raw).toString('utf8');

describe('vacation auto-replies on SMTP delivery (RFC 3834)', () => {
  it('replies once per sender per period, from the account, with a null envelope sender', async () => {
    await store.setVacationResponse(ann.id, { isEnabled: true, textBody: 'I am on holiday until Monday.' });
    await send({ from: 'Dora <dora@example.net>', subject: 'Lunch?', messageId: '<lunch-1@example.net>' });
    await send({ from: 'Dora <dora@example.net>', subject: 'Lunch again?' });
    expect(sent).toHaveLength(1);
    const [reply] = sent;
    // RFC 3834 §4: MAIL FROM:<> and RCPT TO the original's return path.
    expect(reply).toMatchObject({ accountId: ann.id, mailFrom: '', rcptTo: ['dora@example.net'] });
    const raw = text(reply!.raw);
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw).toMatch(/^Auto-Submitted: auto-replied\r$/m); // RFC 3834 §5.1
    expect(raw).toMatch(/^In-Reply-To: <lunch-1@example\.net>\r$/m); // RFC 3834 §3.1.4
    expect(raw).toMatch(/^References: <lunch-1@example\.net>\r$/m);
    expect(raw).toMatch(/^Subject: Auto: Lunch\?\r$/m); // RFC 3834 §3.1.5
    expect(raw).toMatch(/^From: Ann Example <ann@fixture\.test>\r$/m);
    expect(raw).toMatch(/^To: dora@example\.net\r$/m);
    expect(raw).toContain('I am on holiday until Monday.');
    // Both messages were delivered.
    expect((await store.getQuota(ann.id)).usedEmails).toBe(2);
  });

  it('does not reply to list mail, auto-replies, or when vacation is off', async () => {
    await send({ from: 'dora@example.net', subject: 'before vacation' });
    await store.setVacationResponse(ann.id, { isEnabled: true, subject: 'Away', textBody: 'Away.' });
    await send({
      from: 'news@lists.example',
      subject: 'Digest',
      headers: { 'List-Id': '<team.lists.example>' },
    });
    await send({ from: 'bot@example.net', subject: 'Re: x', headers: { 'Auto-Submitted': 'auto-replied' } });
    await send({ from: 'shop@example.net', subject: 'Deals', headers: { Precedence: 'bulk' } });
    expect(sent).toEqual([]);
    await send({ from: 'eve@example.net', subject: 'Question' });
    expect(sent.map((m) => m.rcptTo)).toEqual([['eve@example.net']]);
    expect(text(sent[0]!.raw)).toMatch(/^Subject: Away\r$/m);
    expect((await store.getQuota(ann.id)).usedEmails).toBe(5);
  });

  it('sends one reply when two messages from the same sender arrive at once', async () => {
    await store.setVacationResponse(ann.id, { isEnabled: true, textBody: 'Away.' });
    await Promise.all([
      send({ from: 'dora@example.net', subject: 'one' }),
      send({ from: 'dora@example.net', subject: 'two' }),
      send({ from: 'dora@example.net', subject: 'three' }),
    ]);
    expect(sent).toHaveLength(1);
  });

  it('delivers without replying when no outgoing sender is configured', async () => {
    await smtp.close();
    smtp = await startInboundSmtp({
      store,
      host: '127.0.0.1',
      port: 0,
      serverName: 'colibri.localhost',
      log: createLogger('silent'),
    });
    await store.setVacationResponse(ann.id, { isEnabled: true, textBody: 'Away.' });
    const info = await send({ from: 'dora@example.net', subject: 'hi' });
    expect(info.response).toMatch(/^250\b/);
    expect(sent).toEqual([]);
  });
});
