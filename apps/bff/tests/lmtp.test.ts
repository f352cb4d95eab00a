import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { inboxOf, rawMessage, sendMail } from './support/mail-client.js';
import { dialogue } from './support/smtp-dialogue.js';

let colibri: TestColibri;
let lmtpPort: number;

beforeAll(async () => {
  colibri = await startTestColibri();
  if (colibri.lmtpPort === null) throw new Error('LMTP is off');
  lmtpPort = colibri.lmtpPort;
});
afterAll(() => colibri.stop());

const subjectsOf = async (user: 'ann' | 'ben') => (await inboxOf(colibri, user)).list.map((e) => e.subject);

describe('inbound LMTP (RFC 2033)', () => {
  it('delivers to the known recipients and reports the unknown one on its own', async () => {
    const info = await sendMail(
      lmtpPort,
      {
        from: 'dora@example.net',
        to: [ANN, 'nobody@fixture.test', BEN],
        subject: 'Over LMTP',
        text: 'Hello both.',
      },
      { lmtp: true },
    );
    expect(info.accepted.sort()).toEqual([ANN, BEN].sort());
    expect(info.rejected).toEqual(['nobody@fixture.test']);
    expect(info.rejectedErrors?.[0]?.response).toMatch(/^550 5\.1\.1 /);
    const email = (await inboxOf(colibri, 'ann')).list.find((e) => e.subject === 'Over LMTP');
    expect(await rawMessage(colibri, 'ann', email?.blobId ?? '')).toMatch(
      /\tby \S+ \(Colibri\) with LMTP id /,
    );
    expect((await subjectsOf('ben')).filter((s) => s === 'Over LMTP')).toHaveLength(1);
  });

  it('answers DATA once per accepted recipient (RFC 2033 §4.2)', async () => {
    const replies = await dialogue(lmtpPort, [
      'LHLO client.example',
      'MAIL FROM:<dora@example.net>',
      `RCPT TO:<${ANN}>`,
      'RCPT TO:<nobody@fixture.test>',
      'RCPT TO:<ben+lists@fixture.test>',
      'DATA',
      { send: 'Subject: Per recipient\r\n\r\nHi.\r\n.', replies: 2 },
      'QUIT',
    ]);
    expect(replies[0]).toMatch(/^220 \S+ LMTP /);
    expect(replies.slice(3, 6).map((r) => r.slice(0, 9))).toEqual(['250 Accep', '550 5.1.1', '250 Accep']);
    expect(replies[6]).toMatch(/^354 /);
    expect(replies[7]).toMatch(/^250 /);
    expect(replies[8]).toMatch(/^250 /);
    expect(await subjectsOf('ann')).toContain('Per recipient');
    expect(await subjectsOf('ben')).toContain('Per recipient');
  });

  it('refuses a bare LF for every recipient and stores nothing', async () => {
    const replies = await dialogue(lmtpPort, [
      'LHLO client.example',
      'MAIL FROM:<dora@example.net>',
      `RCPT TO:<${ANN}>`,
      `RCPT TO:<${BEN}>`,
      'DATA',
      { send: 'Subject: Bare LMTP\r\n\r\nline one\nline two\r\n.', replies: 2 },
      'QUIT',
    ]);
    expect(replies[6]).toMatch(/^554 5\.6\.0 /);
    expect(replies[7]).toMatch(/^554 5\.6\.0 /);
    expect(await subjectsOf('ann')).not.toContain('Bare LMTP');
    expect(await subjectsOf('ben')).not.toContain('Bare LMTP');
  });
});
