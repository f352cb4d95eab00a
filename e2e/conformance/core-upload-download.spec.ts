import { Capability } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { expandTemplate, readAnswer } from './support/jmap-raw.js';
import { postAnnouncingLength } from './support/announce-length.js';
import { expectProblem } from './support/expect-jmap.js';

const bytes = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 251, 252, 253, 254, 255]);

test.describe('RFC 8620 §6.1-§6.2 upload and download', () => {
  test('RFC 8620 §6.1: an upload answers 201 with accountId, blobId, type and size', async ({ account }) => {
    const response = await fetch(
      expandTemplate(account.session.uploadUrl, { accountId: account.accountId }),
      {
        method: 'POST',
        headers: { Authorization: account.authorization, 'Content-Type': 'application/octet-stream' },
        body: Buffer.from(bytes),
      },
    );
    const answer = await readAnswer(response);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toEqual({
      accountId: account.accountId,
      blobId: expect.any(String),
      type: 'application/octet-stream',
      size: bytes.length,
    });
  });

  test('RFC 8620 §6.2: a download returns the exact bytes, with the type and file name asked for', async ({
    account,
  }) => {
    const { blobId } = await account.upload(bytes, 'application/octet-stream');
    const response = await account.download(blobId, 'data.bin', 'application/x-custom');
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-custom/);
    // "the server MUST return this as the filename if it sets a Content-Disposition header"
    const disposition = response.headers.get('content-disposition');
    if (disposition !== null) expect(disposition).toMatch(/filename="?data\.bin"?/);
  });

  test('RFC 8620 §6.2: a non-ASCII file name survives in Content-Disposition (RFC 6266 filename*)', async ({
    account,
  }) => {
    const { blobId } = await account.upload('résumé', 'text/plain');
    const response = await account.download(blobId, 'résumé.txt', 'text/plain');
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('résumé.txt')}`);
  });

  test('RFC 8620 §6.2 with RFC 9110 §14: a Range request answers 206 with that slice', async ({
    account,
  }) => {
    const { blobId } = await account.upload(bytes, 'application/octet-stream');
    const response = await account.download(blobId, 'data.bin', 'application/octet-stream', {
      Range: 'bytes=2-5',
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 2-5/${bytes.length}`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(2, 6));
    const beyond = await account.download(blobId, 'data.bin', 'application/octet-stream', {
      Range: 'bytes=100-',
    });
    expect(beyond.status).toBe(416);
    await beyond.arrayBuffer();
  });

  test('RFC 8620 §6.2: an unknown blob is 404; a request without credentials is 401', async ({ account }) => {
    const unknown = await account.download('Gnope', 'x', 'text/plain');
    expect(unknown.status).toBe(404);
    await unknown.arrayBuffer();
    const { blobId } = await account.upload('private', 'text/plain');
    const url = expandTemplate(account.session.downloadUrl, {
      accountId: account.accountId,
      blobId,
      name: 'x',
      type: 'text/plain',
    });
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    await anonymous.arrayBuffer();
  });

  test('RFC 8620 §6.2: another user cannot download an account’s blob', async ({ account, newAccount }) => {
    const other = await newAccount();
    const { blobId } = await account.upload('only mine', 'text/plain');
    const url = expandTemplate(other.session.downloadUrl, {
      accountId: account.accountId,
      blobId,
      name: 'x',
      type: 'text/plain',
    });
    const response = await fetch(url, { headers: { Authorization: other.authorization } });
    expect([403, 404]).toContain(response.status);
    await response.arrayBuffer();
  });

  test('RFC 8620 §6.1: an upload larger than maxSizeUpload is a limit problem', async ({ account }) => {
    const max = account.session.capabilities[Capability.Core].maxSizeUpload;
    // The server may answer as soon as it reads Content-Length, before the body: announce the size
    // and read the answer without sending the bytes (fetch would fail on the closed socket).
    const answer = await postAnnouncingLength(
      expandTemplate(account.session.uploadUrl, { accountId: account.accountId }),
      { Authorization: account.authorization, 'Content-Type': 'application/octet-stream' },
      max + 1,
    );
    const problem = expectProblem(answer, 'limit', 413);
    expect(problem.limit).toBe('maxSizeUpload');
  });

  test('RFC 8620 §6.1: a user cannot upload into an account it has no access to', async ({
    account,
    newAccount,
  }) => {
    const other = await newAccount();
    const response = await fetch(expandTemplate(account.session.uploadUrl, { accountId: other.accountId }), {
      method: 'POST',
      headers: { Authorization: account.authorization, 'Content-Type': 'text/plain' },
      body: 'intrusion',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await response.arrayBuffer();
  });
});
