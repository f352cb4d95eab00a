import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, PASSWORD, USING, basic, startTestColibri } from './support/colibri.js';
import type { Fixture, TestColibri } from './support/colibri.js';

let colibri: TestColibri & { fixture: Fixture };
let url: string;
const ann = basic(ANN, PASSWORD);

beforeAll(async () => {
  const started = await startTestColibri();
  if (!started.fixture) throw new Error('no fixture');
  colibri = { ...started, fixture: started.fixture };
  url = colibri.httpUrl;
});
afterAll(() => colibri.stop());

type Response = { methodResponses: [string, Record<string, unknown>, string][] };

async function api(methodCalls: unknown[]): Promise<Response> {
  const response = await fetch(`${url}/jmap/api`, {
    method: 'POST',
    headers: { Authorization: ann, 'Content-Type': 'application/json' },
    body: JSON.stringify({ using: USING, methodCalls }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Response;
}

describe('RFC 8621 §4.6 Email/set create over HTTP', () => {
  it('creates a draft with text, HTML and an uploaded attachment; Email/get and the raw download agree', async () => {
    const { accountId, inboxId } = colibri.fixture.ann;
    // RFC 8620 §6.1: the attachment is uploaded first.
    const pdf = Buffer.from('%PDF-1.4\n% attached\n%%EOF\n');
    const uploaded = await fetch(`${url}/jmap/upload/${accountId}/`, {
      method: 'POST',
      headers: { Authorization: ann, 'Content-Type': 'application/pdf' },
      body: pdf,
    });
    expect(uploaded.status).toBe(201);
    const { blobId: pdfBlobId } = (await uploaded.json()) as { blobId: string };

    const { methodResponses } = await api([
      [
        'Email/set',
        {
          accountId,
          create: {
            draft: {
              mailboxIds: { [inboxId]: true },
              keywords: { $draft: true, $seen: true },
              from: [{ name: 'Ann Fixture', email: ANN }],
              to: [{ name: 'Zoë Ürban', email: 'zoe@remote.test' }],
              subject: 'Réunion lundi',
              bodyValues: {
                text: { value: 'Bonjour Zoë,\nà lundi.' },
                html: { value: '<p>Bonjour Zoë,<br>à lundi.</p>' },
              },
              textBody: [{ partId: 'text', type: 'text/plain' }],
              htmlBody: [{ partId: 'html', type: 'text/html' }],
              attachments: [
                { blobId: pdfBlobId, type: 'application/pdf', name: 'agenda.pdf', disposition: 'attachment' },
              ],
            },
          },
        },
        's',
      ],
    ]);
    const [setName, setResult] = methodResponses[0]!;
    expect(setName).toBe('Email/set');
    expect(setResult.notCreated).toBeNull();
    const created = (setResult.created as Record<string, Record<string, unknown>>).draft!;
    expect(created).toEqual({
      id: expect.any(String),
      blobId: expect.any(String),
      threadId: expect.any(String),
      size: expect.any(Number),
    });

    const got = await api([
      [
        'Email/get',
        {
          accountId,
          ids: [created.id],
          properties: [
            'subject',
            'from',
            'to',
            'keywords',
            'bodyValues',
            'textBody',
            'htmlBody',
            'attachments',
            'messageId',
            'sentAt',
          ],
          fetchAllBodyValues: true,
        },
        'g',
      ],
    ]);
    const [getName, getResult] = got.methodResponses[0]!;
    expect(getName).toBe('Email/get');
    const email = (getResult.list as Record<string, unknown>[])[0]!;
    expect(email).toMatchObject({
      subject: 'Réunion lundi',
      from: [{ name: 'Ann Fixture', email: ANN }],
      to: [{ name: 'Zoë Ürban', email: 'zoe@remote.test' }],
      keywords: { $draft: true, $seen: true },
    });
    const values = email.bodyValues as Record<string, { value: string; isTruncated: boolean }>;
    const textPart = (email.textBody as { partId: string; type: string }[])[0]!;
    const htmlPart = (email.htmlBody as { partId: string; type: string }[])[0]!;
    expect(textPart.type).toBe('text/plain');
    expect(htmlPart.type).toBe('text/html');
    expect(values[textPart.partId]!.value.replace(/\r\n/g, '\n')).toBe('Bonjour Zoë,\nà lundi.');
    expect(values[htmlPart.partId]!.value).toBe('<p>Bonjour Zoë,<br>à lundi.</p>');
    const attachments = email.attachments as Record<string, unknown>[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ type: 'application/pdf', name: 'agenda.pdf', size: pdf.length });

    // The attachment downloads as the bytes uploaded (RFC 8620 §6.2).
    const part = await fetch(
      `${url}/jmap/download/${accountId}/${String(attachments[0]!.blobId)}/agenda.pdf`,
      {
        headers: { Authorization: ann },
      },
    );
    expect(Buffer.from(await part.arrayBuffer()).equals(pdf)).toBe(true);

    // The message itself: RFC 5322 header fields, MIME structure (RFC 2045/2046), RFC 2047 words.
    const download = await fetch(`${url}/jmap/download/${accountId}/${String(created.blobId)}/draft.eml`, {
      headers: { Authorization: ann },
    });
    expect(download.status).toBe(200);
    const raw = Buffer.from(await download.arrayBuffer()).toString('latin1');
    expect(raw.length).toBe(created.size);
    const [head, ...rest] = raw.split('\r\n\r\n');
    const body = rest.join('\r\n\r\n');
    expect(head).toMatch(/^[\t\r\n\x20-\x7e]*$/);
    expect(head).toMatch(/^From: Ann Fixture <ann@fixture\.test>$/m);
    expect(head).toMatch(/^To: =\?UTF-8\?[QB]\?.+\?= <zoe@remote\.test>$/m);
    expect(head).toMatch(/^Subject: =\?UTF-8\?[QB]\?.+\?=$/m);
    expect(head).toMatch(/^Message-ID: <[^<>@\s]+@fixture\.test>$/m);
    expect((email.messageId as string[])[0]).toMatch(/@fixture\.test$/);
    expect(head).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/m);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    const mixed = /^Content-Type: multipart\/mixed;\s+boundary="?([^"\r\n]+)"?$/m.exec(head!);
    expect(mixed).not.toBeNull();
    const alternative = /Content-Type: multipart\/alternative;\s+boundary="?([^"\r\n]+)"?/.exec(body);
    expect(alternative).not.toBeNull();
    // Each boundary opens its parts and closes once (RFC 2046 §5.1.1).
    expect(body.split(`--${mixed![1]!}\r\n`)).toHaveLength(3);
    expect(body).toContain(`--${mixed![1]!}--`);
    expect(body.split(`--${alternative![1]!}\r\n`)).toHaveLength(3);
    expect(body).toContain(`--${alternative![1]!}--`);
    expect(body).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(body).toMatch(/Content-Type: text\/html; charset=utf-8/);
    expect(body).toMatch(/Content-Disposition: attachment; filename=agenda\.pdf/);
    expect(body).toMatch(/Content-Transfer-Encoding: base64/);
  });
});
