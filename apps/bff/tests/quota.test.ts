import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { inboxOf, sendMail } from './support/mail-client.js';
import type { TestMail } from './support/mail-client.js';
import { dialogue } from './support/smtp-dialogue.js';

/** Ben may receive two more emails, of at most this many bytes in all. */
const BEN_MAX_BYTES = 50_000;

let colibri: TestColibri;
let lmtpPort: number;

beforeAll(async () => {
  colibri = await startTestColibri({
    async seed(store, fixture) {
      const { usedEmails, usedBytes } = await store.getQuota(fixture.ben.accountId);
      await store.setQuota(fixture.ben.accountId, {
        maxEmails: usedEmails + 2,
        maxBytes: usedBytes + BEN_MAX_BYTES,
      });
    },
  });
  if (colibri.lmtpPort === null) throw new Error('LMTP is off');
  lmtpPort = colibri.lmtpPort;
});
afterAll(() => colibri.stop());

const subjectsOf = async (user: 'ann' | 'ben') => (await inboxOf(colibri, user)).list.map((e) => e.subject);
const smtp = (mail: TestMail) => sendMail(colibri.smtpPort, mail);
const lmtp = (mail: TestMail) => sendMail(lmtpPort, mail, { lmtp: true });
/** A text of about `bytes` bytes, in 78-byte lines. */
const text = (bytes: number) => `${'x'.repeat(76)}\r\n`.repeat(Math.ceil(bytes / 78));
const failure = (attempt: Promise<unknown>) =>
  attempt.then(
    () => ({ responseCode: 250, response: 'accepted' }),
    (e: unknown) => e as { responseCode: number; response: string },
  );

// Run in order: Ben's mailbox fills up along the way.
describe('delivery over quota (RFC 3463 X.2.2)', () => {
  it('refuses a message larger than the whole size quota with 552 5.2.2 and stores nothing', async () => {
    const error = await failure(
      smtp({ from: 'dora@example.net', to: BEN, subject: 'Never fits', text: text(BEN_MAX_BYTES + 5000) }),
    );
    expect(error.responseCode).toBe(552);
    expect(error.response).toMatch(/^552 5\.2\.2 /);
    expect(await subjectsOf('ben')).not.toContain('Never fits');
  });

  it('answers 552 over LMTP for that recipient only; the others get their copy', async () => {
    const info = await lmtp({
      from: 'dora@example.net',
      to: [BEN, ANN],
      subject: 'Big LMTP',
      text: text(BEN_MAX_BYTES + 5000),
    });
    expect(info.accepted).toEqual([ANN]);
    expect(info.rejected).toEqual([BEN]);
    expect(info.rejectedErrors?.[0]?.response).toMatch(/^552 5\.2\.2 /);
    expect(await subjectsOf('ann')).toContain('Big LMTP');
    expect(await subjectsOf('ben')).not.toContain('Big LMTP');
  });

  it('answers 452 4.2.2 after DATA over LMTP when the message does not fit on top of the rest', async () => {
    await smtp({ from: 'dora@example.net', to: BEN, subject: 'Half', text: text(BEN_MAX_BYTES * 0.6) });
    const info = await lmtp({
      from: 'dora@example.net',
      to: [ANN, BEN],
      subject: 'Other half',
      text: text(BEN_MAX_BYTES * 0.6),
    });
    expect(info.accepted).toEqual([ANN]);
    expect(info.rejected).toEqual([BEN]);
    expect(info.rejectedErrors?.[0]?.response).toMatch(/^452 4\.2\.2 Mailbox full/);
    expect(await subjectsOf('ann')).toContain('Other half');
    expect(await subjectsOf('ben')).not.toContain('Other half');
  });

  it('refuses a full mailbox with 452 4.2.2, a temporary failure', async () => {
    await smtp({ from: 'dora@example.net', to: BEN, subject: 'Last one in', text: 'Fits.' });
    const error = await failure(
      smtp({ from: 'dora@example.net', to: BEN, subject: 'One too many', text: 'Full.' }),
    );
    expect(error.responseCode).toBe(452);
    expect(error.response).toMatch(/^452 4\.2\.2 Mailbox full/);
    const subjects = await subjectsOf('ben');
    expect(subjects).toContain('Last one in');
    expect(subjects).not.toContain('One too many');
  });

  it('refuses a full recipient at RCPT over SMTP and LMTP, so the others get the message once', async () => {
    for (const [send, subject] of [
      [smtp, 'Full SMTP'],
      [lmtp, 'Full LMTP'],
    ] as const) {
      const info = await send({ from: 'dora@example.net', to: [ANN, BEN], subject, text: 'Hi.' });
      expect(info.accepted).toEqual([ANN]);
      expect(info.rejected).toEqual([BEN]);
      expect(info.rejectedErrors?.[0]?.response).toMatch(/^452 4\.2\.2 Mailbox full/);
      expect((await subjectsOf('ann')).filter((s) => s === subject)).toHaveLength(1);
      expect(await subjectsOf('ben')).not.toContain(subject);
    }
  });

  it('refuses at RCPT with 552 5.2.2 when the declared SIZE exceeds the size quota (RFC 1870)', async () => {
    const replies = await dialogue(colibri.smtpPort, [
      'EHLO client.example',
      `MAIL FROM:<dora@example.net> SIZE=${BEN_MAX_BYTES * 10}`,
      `RCPT TO:<${BEN}>`,
      `RCPT TO:<${ANN}>`,
      'QUIT',
    ]);
    expect(replies[3]).toMatch(/^552 5\.2\.2 /);
    expect(replies[4]).toMatch(/^250 /);
  });
});
