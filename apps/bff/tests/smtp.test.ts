import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../src/smtp/inbound-smtp.js';
import { ANN, BEN, PASSWORD, USING, basic, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';

let colibri: TestColibri;

beforeAll(async () => {
  colibri = await startTestColibri();
});
afterAll(() => colibri.stop());

/** Sends like another MTA: plain SMTP on loopback, no TLS, no auth. */
async function send(mail: {
  from: string;
  to: string | string[];
  subject: string;
  text: string;
  messageId?: string;
}) {
  const transport = createTransport({
    host: '127.0.0.1',
    port: colibri.smtpPort,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
  });
  try {
    return await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

async function inbox(user: 'ann' | 'ben') {
  const fixture = colibri.fixture;
  if (!fixture) throw new Error('no fixture');
  const { accountId, inboxId } = fixture[user];
  const response = await fetch(`${colibri.httpUrl}/jmap/api`, {
    method: 'POST',
    headers: {
      Authorization: basic(user === 'ann' ? ANN : BEN, PASSWORD),
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      using: USING,
      methodCalls: [
        [
          'Email/query',
          {
            accountId,
            filter: { inMailbox: inboxId },
            sort: [{ property: 'receivedAt', isAscending: false }],
          },
          'q',
        ],
        [
          'Email/get',
          {
            accountId,
            '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
            properties: ['subject', 'from', 'to', 'messageId', 'keywords', 'blobId'],
          },
          'g',
        ],
      ],
    }),
  });
  const body = (await response.json()) as {
    methodResponses: [
      string,
      { list: { subject: string; messageId: string[]; keywords: Record<string, boolean>; blobId: string }[] },
      string,
    ][];
  };
  return { accountId, list: body.methodResponses[1]?.[1].list ?? [] };
}

/** The server's replies to a scripted SMTP dialogue, one string per reply. */
function dialogue(lines: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(colibri.smtpPort, '127.0.0.1');
    let buffer = '';
    const replies: string[] = [];
    let next = 0;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // A reply ends with a line "NNN text" (no dash after the code).
      while (/^\d{3} .*\r\n/m.test(buffer)) {
        const end = buffer.search(/^\d{3} .*\r\n/m);
        const lineEnd = buffer.indexOf('\r\n', end) + 2;
        replies.push(buffer.slice(0, lineEnd));
        buffer = buffer.slice(lineEnd);
        const line = lines[next++];
        if (line === undefined) {
          socket.end();
          resolve(replies);
          return;
        }
        socket.write(`${line}\r\n`);
      }
    });
    socket.on('error', reject);
  });
}

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

    const { accountId, list } = await inbox('ann');
    const email = list.find((e) => e.subject === 'Over SMTP');
    expect(email?.messageId).toEqual(['smtp-1@example.net']);
    expect(email?.keywords ?? {}).toEqual({});
    const raw = await (
      await fetch(
        `${colibri.httpUrl}/jmap/download/${accountId}/${email?.blobId}/m.eml?accept=message/rfc822`,
        { headers: { Authorization: basic(ANN, PASSWORD) } },
      )
    ).text();
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
    const replies = await dialogue([
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
});
