import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineEndingGuard } from './line-ending-guard.js';

/** Runs the chunks through a guard; returns what came out and what it found. */
async function guard(chunks: string[]) {
  const checker = new LineEndingGuard();
  let out = '';
  for await (const chunk of Readable.from(chunks.map((c) => Buffer.from(c, 'latin1'))).pipe(checker))
    out += (chunk as Buffer).toString('latin1');
  return { out, problem: checker.problem };
}

describe('LineEndingGuard (RFC 5321 §2.3.8)', () => {
  it('passes CRLF-only data through unchanged, even with CRLF split across chunks', async () => {
    expect(await guard(['Subject: x\r', '\n\r\nbody\r\n', '\r', '\n'])).toEqual({
      out: 'Subject: x\r\n\r\nbody\r\n\r\n',
      problem: null,
    });
  });

  it('finds a bare LF, also at the start of a chunk', async () => {
    expect((await guard(['a\r\nb\n'])).problem).toBe('bare LF');
    expect((await guard(['a\r\nb', '\nc\r\n'])).problem).toBe('bare LF');
  });

  it('finds the smuggling sequence <LF>.<CR><LF>', async () => {
    expect((await guard(['body\r\n\n.\r\nMAIL FROM:<x@y>\r\n'])).problem).toBe('bare LF');
  });

  it('finds a bare CR, inside, across chunks and at the very end', async () => {
    expect((await guard(['a\rb\r\n'])).problem).toBe('bare CR');
    expect((await guard(['a\r', 'b\r\n'])).problem).toBe('bare CR');
    expect((await guard(['a\r\nb\r'])).problem).toBe('bare CR');
  });

  it('drops everything from the first offence on', async () => {
    const { out } = await guard(['ok\r\n', 'bad\n', 'more\r\n']);
    expect(out).toBe('ok\r\n');
  });
});
