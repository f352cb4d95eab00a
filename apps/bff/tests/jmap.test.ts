import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxId } from '@colibri/mail-store';
import { ANN, BEN, PASSWORD, USING, basic, mime, startTestColibri } from './support/colibri.js';
import type { Fixture, TestColibri } from './support/colibri.js';

let colibri: TestColibri & { fixture: Fixture };
let url: string;
const ann = basic(ANN, PASSWORD);
const ben = basic(BEN, PASSWORD);
const PDF = Buffer.from('%PDF-1.4\n% a tiny test document\n%%EOF\n');

beforeAll(async () => {
  const started = await startTestColibri({
    async seed(store, fixture) {
      const raw = await mime({
        from: 'Dora <dora@example.net>',
        to: ANN,
        subject: 'Contract draft',
        messageId: '<contract@example.net>',
        date: new Date('2024-03-01T10:00:00Z'),
        text: 'Please find the draft attached.',
        attachments: [{ filename: 'Contrat été.pdf', contentType: 'application/pdf', content: PDF }],
      });
      await store.importMessage(fixture.ann.accountId, {
        raw,
        mailboxIds: [fixture.ann.inboxId as MailboxId],
        receivedAt: new Date('2024-03-01T10:00:05Z'),
      });
    },
  });
  if (!started.fixture) throw new Error('no fixture');
  colibri = { ...started, fixture: started.fixture };
  url = colibri.httpUrl;
});
afterAll(() => colibri.stop());

async function api(
  authorization: string,
  methodCalls: unknown[],
): Promise<{ methodResponses: [string, Record<string, unknown>, string][] }> {
  const response = await fetch(`${url}/jmap/api`, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ using: USING, methodCalls }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { methodResponses: [string, Record<string, unknown>, string][] };
}

describe('RFC 8620 §2: the Session resource', () => {
  it('is served at /.well-known/jmap with absolute URLs on the origin the client used', async () => {
    const response = await fetch(`${url}/.well-known/jmap`, { headers: { Authorization: ann } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const session = (await response.json()) as Record<string, unknown>;
    expect(session).toMatchObject({
      username: ANN,
      apiUrl: `${url}/jmap/api`,
      downloadUrl: `${url}/jmap/download/{accountId}/{blobId}/{name}?accept={type}`,
      uploadUrl: `${url}/jmap/upload/{accountId}/`,
      eventSourceUrl: `${url}/jmap/eventsource?types={types}&closeafter={closeafter}&ping={ping}`,
      primaryAccounts: { 'urn:ietf:params:jmap:mail': colibri.fixture.ann.accountId },
    });
  });

  it('follows X-Forwarded-* only from a trusted proxy', async () => {
    const spoofed = await fetch(`${url}/.well-known/jmap`, {
      headers: { Authorization: ann, 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' },
    });
    expect(((await spoofed.json()) as { apiUrl: string }).apiUrl).toBe(`${url}/jmap/api`);
  });

  it('needs authentication: 401 with a Basic challenge', async () => {
    const response = await fetch(`${url}/.well-known/jmap`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="Colibri"/);
  });
});

describe('RFC 8620 §3: POST /jmap/api', () => {
  it('answers Mailbox/get and Email/query for the authenticated account', async () => {
    const { accountId, inboxId } = colibri.fixture.ann;
    const { methodResponses } = await api(ann, [
      [
        'Mailbox/get',
        { accountId, ids: null, properties: ['name', 'role', 'totalEmails', 'unreadEmails'] },
        'm',
      ],
      [
        'Email/query',
        { accountId, filter: { inMailbox: inboxId }, sort: [{ property: 'receivedAt', isAscending: false }] },
        'q',
      ],
    ]);
    const [mailboxes, query] = methodResponses;
    expect(mailboxes?.[0]).toBe('Mailbox/get');
    expect(mailboxes?.[1].list).toEqual(
      expect.arrayContaining([
        { id: inboxId, name: 'Inbox', role: 'inbox', totalEmails: 1, unreadEmails: 1 },
      ]),
    );
    expect(query?.[0]).toBe('Email/query');
    expect(query?.[1].ids).toHaveLength(1);
  });

  it('accepts a text/plain body (RFC 8620 §3.1 only asks for JSON content)', async () => {
    const response = await fetch(`${url}/jmap/api`, {
      method: 'POST',
      headers: { Authorization: ann, 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ using: USING, methodCalls: [['Core/echo', { ping: 1 }, 'e']] }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { methodResponses: unknown }).methodResponses).toEqual([
      ['Core/echo', { ping: 1 }, 'e'],
    ]);
  });

  it('answers request-level errors as application/problem+json (RFC 8620 §3.6.1)', async () => {
    const response = await fetch(`${url}/jmap/api`, {
      method: 'POST',
      headers: { Authorization: ann, 'Content-Type': 'application/json' },
      body: '{"using": [',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ type: 'urn:ietf:params:jmap:error:notJSON', status: 400 });
  });

  it('refuses a body over maxSizeRequest with 413 and a "limit" problem naming it', async () => {
    const session = (await (
      await fetch(`${url}/.well-known/jmap`, { headers: { Authorization: ann } })
    ).json()) as {
      capabilities: Record<string, { maxSizeRequest?: number }>;
    };
    const max = session.capabilities['urn:ietf:params:jmap:core']?.maxSizeRequest ?? 0;
    expect(max).toBeGreaterThan(0);
    const body = JSON.stringify({
      using: USING,
      methodCalls: [['Core/echo', { pad: 'x'.repeat(max) }, 'e']],
    });
    const response = await fetch(`${url}/jmap/api`, {
      method: 'POST',
      headers: { Authorization: ann, 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      status: 413,
      limit: 'maxSizeRequest',
    });
  });
});

describe('RFC 8620 §6.2: GET /jmap/download', () => {
  async function attachment() {
    const { accountId, inboxId } = colibri.fixture.ann;
    const { methodResponses } = await api(ann, [
      ['Email/query', { accountId, filter: { inMailbox: inboxId } }, 'q'],
      [
        'Email/get',
        {
          accountId,
          '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
          properties: ['blobId', 'attachments'],
        },
        'g',
      ],
    ]);
    const email = (
      methodResponses[1]?.[1].list as {
        blobId: string;
        attachments: { blobId: string; name: string; type: string }[];
      }[]
    )[0];
    const part = email?.attachments[0];
    if (!email || !part) throw new Error('the fixture message has no attachment');
    return { accountId, email, part };
  }

  it('streams the blob with the asked type, an attachment disposition, nosniff and a sandbox CSP', async () => {
    const { accountId, part } = await attachment();
    expect(part).toMatchObject({ name: 'Contrat été.pdf', type: 'application/pdf' });
    const response = await fetch(
      `${url}/jmap/download/${accountId}/${part.blobId}/${encodeURIComponent(part.name)}?accept=application%2Fpdf`,
      { headers: { Authorization: ann } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Contrat _t_.pdf"; filename*=UTF-8''Contrat%20%C3%A9t%C3%A9.pdf`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/\bsandbox\b/);
    expect(response.headers.get('content-length')).toBe(String(PDF.length));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
  });

  it('serves byte ranges (206) and the raw message by its blob id', async () => {
    const { accountId, email, part } = await attachment();
    const range = await fetch(
      `${url}/jmap/download/${accountId}/${part.blobId}/x.pdf?accept=application/pdf`,
      { headers: { Authorization: ann, Range: 'bytes=0-7' } },
    );
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 0-7/${PDF.length}`);
    expect(await range.text()).toBe('%PDF-1.4');

    const raw = await fetch(
      `${url}/jmap/download/${accountId}/${email.blobId}/message.eml?accept=message/rfc822`,
      { headers: { Authorization: ann } },
    );
    expect(raw.status).toBe(200);
    expect(await raw.text()).toContain('Subject: Contract draft');
  });

  it('is 404 for a malformed id, an unknown blob, and another account’s blob', async () => {
    const { accountId, part } = await attachment();
    const get = (path: string, authorization = ann) =>
      fetch(`${url}/jmap/download/${path}`, { headers: { Authorization: authorization } });
    expect((await get(`${accountId}/not-a-blob/x`)).status).toBe(404);
    expect((await get(`${accountId}/G${'0'.repeat(64)}/x`)).status).toBe(404);
    // Ben asking for Ann's attachment, by Ann's account id or by his own.
    expect((await get(`${accountId}/${part.blobId}/x`, ben)).status).toBe(404);
    expect((await get(`${colibri.fixture.ben.accountId}/${part.blobId}/x`, ben)).status).toBe(404);
    expect((await get(`${accountId}/${part.blobId}/x`, 'Basic bm9ib2R5')).status).toBe(401);
  });
});

describe('the web app and everything else', () => {
  it('serves index.html for client-side routes, with the security headers', async () => {
    const response = await fetch(`${url}/mail/some/route`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('caches hashed assets for ever, and 404s missing files instead of sending the app', async () => {
    const asset = await fetch(`${url}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${url}/assets/missing-123.js`)).status).toBe(404);
    expect((await fetch(`${url}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers unknown API paths with a JSON 404, never the app', async () => {
    const jmap = await fetch(`${url}/jmap/nothing-here`, { headers: { Authorization: ann } });
    expect(jmap.status).toBe(404);
    expect(jmap.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const auth = await fetch(`${url}/auth/nothing-here`);
    expect(auth.status).toBe(404);
    expect(await auth.json()).toMatchObject({ error: 'notFound' });
  });
});
