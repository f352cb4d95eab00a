import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMbox } from './mbox-reader.js';

describe('openMbox', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('reads every message byte for byte across read chunks, quoted From lines and both line endings', async () => {
    // About 12 MiB: messages straddle the reader's 4 MiB chunks, one is larger than a chunk.
    const expected: string[] = [];
    for (let i = 0; i < 1200; i += 1) {
      const eol = i % 3 === 0 ? '\r\n' : '\n';
      const filler = `line ${i} ${'x'.repeat(i % 97)}${eol}`.repeat(i === 600 ? 60_000 : 5 + (i % 300));
      expected.push(`Subject: ${i}${eol}${eol}${filler}From inside ${i}${eol}>From quoted${eol}tail${eol}`);
    }
    const quote = (m: string) => m.replace(/^(>*From )/gm, '>$1');
    const mbox = expected
      .map((m, i) => `From sender@example.org Tue Nov  3 10:00:0${i % 10} 2026\n${quote(m)}\n`)
      .join('');
    const dir = await mkdtemp(path.join(tmpdir(), 'colibri-mbox-'));
    dirs.push(dir);
    const file = path.join(dir, 'big.mbox');
    await writeFile(file, mbox);

    const read: string[] = [];
    for await (const message of (await openMbox(file, file)).messages())
      read.push(Buffer.from(message.raw).toString('latin1'));

    expect(read.length).toBe(expected.length);
    for (const [i, raw] of read.entries())
      if (raw !== expected[i]) expect({ i, raw }).toEqual({ i, raw: expected[i] });
  });
});
