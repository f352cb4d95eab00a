import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, PASSWORD, basic, startTestColibri } from './support/colibri.js';
import type { Fixture, TestColibri } from './support/colibri.js';

let colibri: TestColibri & { fixture: Fixture };
let url: string;
const ann = basic(ANN, PASSWORD);
const ben = basic(BEN, PASSWORD);
const maxSizeUpload = 50 * 1024 * 1024;

beforeAll(async () => {
  const started = await startTestColibri();
  if (!started.fixture) throw new Error('no fixture');
  colibri = { ...started, fixture: started.fixture };
  url = colibri.httpUrl;
});
afterAll(() => colibri.stop());

const uploadUrl = (accountId: string) => `${url}/jmap/upload/${accountId}/`;

describe('RFC 8620 §6.1: uploading binary data', () => {
  it('answers 201 with accountId, blobId, type and size, and the blob downloads (§6.2)', async () => {
    const body = Buffer.from('%PDF-1.4\n% uploaded\n%%EOF\n');
    const accountId = colibri.fixture.ann.accountId;
    const response = await fetch(uploadUrl(accountId), {
      method: 'POST',
      headers: { Authorization: ann, 'Content-Type': 'application/pdf' },
      body,
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toEqual({
      accountId,
      blobId: expect.stringMatching(/^G[0-9a-f]{64}$/),
      type: 'application/pdf',
      size: body.length,
    });
    const download = await fetch(`${url}/jmap/download/${accountId}/${String(answer.blobId)}/x.pdf`, {
      headers: { Authorization: ann },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(body)).toBe(true);
    // Another account can neither read it nor upload into Ann's account.
    const foreign = await fetch(`${url}/jmap/download/${accountId}/${String(answer.blobId)}/x.pdf`, {
      headers: { Authorization: ben },
    });
    expect(foreign.status).toBe(404);
    const intoAnn = await fetch(uploadUrl(accountId), {
      method: 'POST',
      headers: { Authorization: ben },
      body,
    });
    expect(intoAnn.status).toBe(404);
    expect(intoAnn.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('needs authentication', async () => {
    const response = await fetch(uploadUrl(colibri.fixture.ann.accountId), { method: 'POST', body: 'x' });
    expect(response.status).toBe(401);
  });

  it('refuses a declared size over maxSizeUpload with a 413 limit problem', async () => {
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(uploadUrl(colibri.fixture.ann.accountId), {
        method: 'POST',
        headers: { Authorization: ann, 'Content-Length': String(maxSizeUpload + 1) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('a few bytes, never the whole announced body');
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body)).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      status: 413,
      limit: 'maxSizeUpload',
    });
  });

  it('refuses a chunked body that streams past maxSizeUpload, without buffering it', async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > maxSizeUpload + 4 * chunk.length) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(uploadUrl(colibri.fixture.ann.accountId), {
      method: 'POST',
      headers: { Authorization: ann },
      body,
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error);
    // The server answers 413 and closes; depending on timing the client sees the answer or the reset.
    if (response instanceof Response) {
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ limit: 'maxSizeUpload' });
    } else {
      expect(response).toBeInstanceOf(Error);
    }
    expect(sent).toBeGreaterThan(maxSizeUpload);
  });
});
