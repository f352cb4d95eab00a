// Measures memory while importing a 50 MB message (one base64 attachment) through
// `importMessageStream`. Not a test: run `npx tsx --conditions=@colibri/source
// packages/mail-store/scripts/measure-big-import.ts` and read the peak RSS and heap growth.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openMailStore } from '../src/index.js';

// Decoded 36 MiB is ~50 MB once base64-encoded with CRLF line breaks: a 50 MB message.
const attachmentBytes = 36 * 1024 * 1024;
const lineBytes = 57; // 76 base64 characters per line (RFC 2045 §6.8)

async function* bigMessage(): AsyncGenerator<Uint8Array> {
  yield Buffer.from(
    'From: big@example.test\r\nSubject: 50 MB\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/mixed; boundary=big\r\n\r\n--big\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n' +
      '--big\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n',
  );
  const line = Buffer.alloc(lineBytes);
  for (let sent = 0; sent < attachmentBytes; sent += lineBytes * 1000) {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++) {
      line.writeUInt32BE((sent / lineBytes + i) >>> 0, 0);
      lines.push(line.toString('base64'));
    }
    yield Buffer.from(`${lines.join('\r\n')}\r\n`);
  }
  yield Buffer.from('--big--\r\n');
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'colibri-measure-'));
const store = await openMailStore({ dataDir });
try {
  await store.createDomain('example.test');
  const account = await store.createAccount({
    email: 'big@example.test',
    displayName: 'Big',
    passwordHash: 'x',
  });
  const inbox = await store.createMailbox(account.id, { name: 'Inbox', role: 'inbox' });
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 5);
  const started = performance.now();
  const email = await store.importMessageStream(account.id, { source: bigMessage(), mailboxIds: [inbox.id] });
  clearInterval(sampler);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`imported ${mb(email.size)} in ${Math.round(performance.now() - started)} ms`);
  console.log(
    `peak RSS growth ${mb(peakRss - base.rss)}, peak heapUsed growth ${mb(peakHeap - base.heapUsed)}`,
  );
  console.log(`external+arrayBuffers now ${mb(process.memoryUsage().arrayBuffers)}`);

  // Reading the attachment back: decoded from the stored message as a stream (part-blobs.ts).
  global.gc?.();
  const before = process.memoryUsage();
  peakRss = before.rss;
  peakHeap = before.heapUsed;
  const resampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 5);
  const opened = await store.openBlob(account.id, email.attachments[0]!.blobId!);
  let read = 0;
  for await (const chunk of opened!.stream as AsyncIterable<Buffer>) read += chunk.byteLength;
  clearInterval(resampler);
  console.log(`read the attachment back (${mb(read)} of ${mb(opened!.size)} announced)`);
  console.log(
    `peak RSS growth ${mb(peakRss - before.rss)}, peak heapUsed growth ${mb(peakHeap - before.heapUsed)}`,
  );
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
