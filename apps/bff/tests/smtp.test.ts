import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../src/smtp/inbound-smtp.js';
import { ANN, BEN, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { inboxOf, rawMessage, sendMail } from './support/mail-client.js';
import type { TestMail } from './support/mail-client.js';
import { dialogue } from './support/smtp-dialogue.js';

let colibri: TestColibri;

beforeAll(async () => {
  colibri = await startTestColibri();
});
afterAll(() => colibri.stop());

const send = (mail: TestMail) => sendMail(colibri.smtpPort, mail);
const inbox = (user: 'ann' | 'ben') => inboxOf(colibri, user);

describe('inbound SMTP (RFC 5321)', () => {
  it('delivers mail for a local user into the Inbox, unread, with a Received header', async () => {
    const info = await send({
      from: 'Dora <dora@example.net>',
      to: ANN,
      subject: 'Over SMTP',
      text: 'Hello Ann.',
      messageId: '<smtp-1@example.net>',
    });
    expect(info.response).toMatch(/^250\b/);
    expect(info.accepted).toEqual([ANN]);

    const { list } = await inbox('ann');
    const email = list.find((e) => e.subject === 'Over SMTP');
    expect(email?.messageId).toEqual(['smtp-1@example.net']);
    expect(email?.keywords ?? {}).toEqual({});
    const raw = await rawMessage(colibri, 'ann', email?.blobId ?? '');
    expect(raw).toMatch(
      /^Return-Path: <dora@example\.net>\r\nReceived: from [^\r\n]+\[127\.0\.0\.1\]\)\r\n\tby colibri\.localhost \(Colibri\) with ESMTP id \S+\r\n\tfor <ann@fixture\.test>; /,
    );
    expect(raw).toContain('Hello Ann.');
  });

  it('delivers one copy per local recipient', async () => {
    const info = await send({
      from: 'dora@example.net',
      to: [ANN, BEN],
      subject: 'To both of you',
      text: 'Hi both.',
    });
    expect(info.accepted.sort()).toEqual([ANN, BEN].sort());
    expect((await inbox('ann')).list.filter((e) => e.subject === 'To both of you')).toHaveLength(1);
    expect((await inbox('ben')).list.filter((e) => e.subject === 'To both of you')).toHaveLength(1);
  });

  it('refuses an unknown local recipient with 550 5.1.1', async () => {
    const attempt = send({
      from: 'dora@example.net',
      to: 'nobody@fixture.test',
      subject: 'Lost',
      text: 'Nobody here.',
    });
    await expect(attempt).rejects.toMatchObject({ responseCode: 550 });
    const error = (await attempt.catch((e: unknown) => e)) as { response: string };
    expect(error.response).toMatch(/^550 5\.1\.1 /);
  });

  it('refuses to relay to a foreign domain with 554 5.7.1', async () => {
    const attempt = send({
      from: 'dora@example.net',
      to: 'someone@elsewhere.example',
      subject: 'Relay?',
      text: 'Please forward.',
    });
    await expect(attempt).rejects.toMatchObject({ responseCode: 554 });
  });

  it('announces SIZE in EHLO and refuses a declared oversize message at MAIL FROM', async () => {
    const replies = await dialogue(colibri.smtpPort, [
      'EHLO client.example',
      `MAIL FROM:<dora@example.net> SIZE=${MAX_MESSAGE_BYTES + 1}`,
      'QUIT',
    ]);
    // RFC 1870: the EHLO reply lists "SIZE <max>" among the extension keywords.
    const keywords = (replies[1] ?? '').split('\r\n').map((line) => line.slice(4));
    expect(keywords).toContain(`SIZE ${MAX_MESSAGE_BYTES}`);
    expect(replies[2]).toMatch(/^552 /);
  });

  it('refuses an oversize message with 552 and stores nothing', async () => {
    const before = (await inbox('ben')).list.length;
    const big = `${'x'.repeat(998)}\r\n`.repeat(Math.ceil(MAX_MESSAGE_BYTES / 1000) + 10);
    const attempt = send({ from: 'dora@example.net', to: BEN, subject: 'Too big', text: big });
    await expect(attempt).rejects.toMatchObject({ responseCode: 552 });
    expect((await inbox('ben')).list.length).toBe(before);
  });

  it('delivers a plus-address to its base user, whatever the case of the local part', async () => {
    const info = await send({
      from: 'dora@example.net',
      to: 'Ann+News@fixture.test',
      subject: 'Plus addressed',
      text: 'For the newsletter folder, one day.',
    });
    expect(info.accepted).toEqual(['Ann+News@fixture.test']);
    const email = (await inbox('ann')).list.find((e) => e.subject === 'Plus addressed');
    expect(email).toBeDefined();
    // The Received line keeps the address the mail was sent to.
    expect(await rawMessage(colibri, 'ann', email?.blobId ?? '')).toContain('for <Ann+News@fixture.test>;');
  });

  it('refuses a plus-address whose base is unknown with 550 5.1.1', async () => {
    const replies = await dialogue(colibri.smtpPort, [
      'EHLO client.example',
      'MAIL FROM:<dora@example.net>',
      'RCPT TO:<nobody+news@fixture.test>',
      'QUIT',
    ]);
    expect(replies[3]).toMatch(/^550 5\.1\.1 /);
  });

  it('refuses data with a bare LF (the <LF>.<CR><LF> smuggling trick) and stores nothing', async () => {
    const before = (await inbox('ben')).list.length;
    // RFC 5321 §2.3.8: a server that took "\n.\r\n" as the end of the data would deliver the
    // second, forged message that follows; we refuse the whole transaction instead.
    const smuggled = [
      'From: dora@example.net',
      'Subject: Smuggler',
      '',
      'Innocent text.\n.\r\nMAIL FROM:<ceo@fixture.test>',
      'RCPT TO:<ben@fixture.test>',
      'DATA',
      'Subject: Forged',
      '',
      'Pay the invoice.',
      '.',
    ].join('\r\n');
    const replies = await dialogue(colibri.smtpPort, [
      'EHLO client.example',
      'MAIL FROM:<dora@example.net>',
      `RCPT TO:<${BEN}>`,
      'DATA',
      smuggled,
      'NOOP',
      'QUIT',
    ]);
    expect(replies[4]).toMatch(/^354 /);
    expect(replies[5]).toMatch(/^554 5\.6\.0 .*bare LF/);
    // The dialogue carries on normally: the "commands" after the bare LF were message data.
    expect(replies[6]).toMatch(/^250 /);
    expect(replies).toHaveLength(8);
    const subjects = (await inbox('ben')).list.map((e) => e.subject);
    expect(subjects).not.toContain('Smuggler');
    expect(subjects).not.toContain('Forged');
    expect(subjects).toHaveLength(before);
  });
});
