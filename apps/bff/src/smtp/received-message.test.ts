import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeForgedAuthResults } from './forged-auth-results.js';
import { receiveMessage, type ReceivedMessage } from './received-message.js';

let spoolDir: string;
beforeEach(async () => (spoolDir = await mkdtemp(path.join(tmpdir(), 'colibri-spool-test-'))));
afterEach(() => rm(spoolDir, { recursive: true, force: true }));

/** The message cut into 7-byte chunks, as a DATA stream would bring it in pieces. */
function dataStream(text: string): Readable {
  const bytes = Buffer.from(text, 'latin1');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
  return Readable.from(chunks);
}

async function bytesOf(message: ReceivedMessage): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const chunk of message.chunks()) parts.push(chunk);
  return Buffer.concat(parts).toString('latin1');
}

const header =
  'Authentication-Results: mx.test; spf=pass\r\n' +
  'Subject: hi\r\n' +
  'Authentication-Results: other.example; dkim=pass\r\n\r\n';
const body = 'line of the body\r\n'.repeat(20);

describe('receiveMessage', () => {
  it('keeps a small message in memory, no file', async () => {
    const message = await receiveMessage(dataStream(header + body), { spoolDir, maxBytes: 10_000 });
    expect(message.bytes?.toString('latin1')).toBe(header + body);
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('spools a large one, keeps its header section, and views give the same bytes as whole buffers', async () => {
    const options = { spoolDir, maxBytes: 10_000, inMemoryBytes: 200 };
    const message = await receiveMessage(dataStream(header + body), options);
    expect(message.bytes).toBeNull();
    expect(message.headerComplete).toBe(true);
    expect(message.head.toString('latin1')).toBe(header);
    expect(message.size).toBe(header.length + body.length);
    expect(await readdir(spoolDir)).toHaveLength(1);
    const copy = message.withHead(removeForgedAuthResults(message.head, 'mx.test')).prepend('X-Trace: 1\r\n');
    const whole = removeForgedAuthResults(Buffer.from(header + body, 'latin1'), 'mx.test');
    expect(await bytesOf(copy)).toBe(`X-Trace: 1\r\n${whole.toString('latin1')}`);
    // Twice: each reader starts again at the beginning.
    expect(await bytesOf(copy)).toBe(await bytesOf(copy));
    await message.dispose();
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('says when the header section does not end within the in-memory head', async () => {
    const long = `Subject: ${'x'.repeat(300)}\r\n\r\n${body}`;
    const message = await receiveMessage(dataStream(long), {
      spoolDir,
      maxBytes: 10_000,
      inMemoryBytes: 200,
    });
    expect(message.headerComplete).toBe(false);
    expect(await bytesOf(message)).toBe(long);
    await message.dispose();
  });

  it('refuses past the size limit (552) and a bare LF (554), leaving no file', async () => {
    const options = { spoolDir, maxBytes: 300, inMemoryBytes: 100 };
    await expect(receiveMessage(dataStream(header + body), options)).rejects.toMatchObject({
      responseCode: 552,
    });
    const smuggled = `${header}${body}bare\n.\r\n${body}`;
    await expect(
      receiveMessage(dataStream(smuggled), { ...options, maxBytes: 10_000 }),
    ).rejects.toMatchObject({
      responseCode: 554,
    });
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('removes the file when the stream fails mid-message (a client gone)', async () => {
    async function* broken() {
      yield Buffer.from(header + body, 'latin1');
      throw new Error('Connection closed before the message was received in full');
    }
    await expect(
      receiveMessage(Readable.from(broken()), { spoolDir, maxBytes: 10_000, inMemoryBytes: 100 }),
    ).rejects.toThrow(/Connection closed/);
    expect(await readdir(spoolDir)).toEqual([]);
  });
});
