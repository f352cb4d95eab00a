import { describe, expect, it } from 'vitest';
import { lastField, readHeaderBlock, unfold } from './header-block.js';
import { mimeLimits } from './limits.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('readHeaderBlock', () => {
  it('keeps raw values (RFC 8621 §4.1.2.1) and finds the body after the blank line', () => {
    const raw = bytes('Subject: Hello\r\n  world\r\nX-Empty:\r\n\r\nbody');
    const block = readHeaderBlock(raw, 0, raw.byteLength);
    expect(block.fields).toEqual([
      { name: 'Subject', value: ' Hello\r\n  world' },
      { name: 'X-Empty', value: '' },
    ]);
    expect(new TextDecoder().decode(raw.subarray(block.bodyStart))).toBe('body');
    expect(unfold(block.fields[0]!.value)).toBe('Hello  world');
  });

  it('takes the last instance of a field, as RFC 8621 §4.1.3 does', () => {
    const raw = bytes('Subject: first\nsubject: second\n\n');
    expect(lastField(readHeaderBlock(raw, 0, raw.byteLength).fields, 'SUBJECT')).toBe('second');
  });

  it('skips lines that are not fields and reads 8-bit headers as UTF-8, or Latin-1 when not UTF-8', () => {
    const raw = Buffer.concat([
      bytes('garbage line\nA: caf'),
      Buffer.from([0xc3, 0xa9]),
      bytes('\nB: caf'),
      Buffer.from([0xe9]),
      bytes('\n\nx'),
    ]);
    const fields = readHeaderBlock(raw, 0, raw.byteLength).fields;
    expect(fields.map((f) => [f.name, f.value])).toEqual([
      ['A', ' café'],
      ['B', ' café'],
    ]);
  });

  it('starts the body at a boundary line when the blank line is missing', () => {
    const raw = bytes('Content-Type: text/plain\n--b\nrest');
    const block = readHeaderBlock(raw, 0, raw.byteLength);
    expect(block.fields).toHaveLength(1);
    expect(block.bodyStart).toBe('Content-Type: text/plain\n'.length);
  });

  it('drops fields past the header block limit but still finds the body', () => {
    const filler = `X-Filler: ${'a'.repeat(1000)}\n`.repeat(
      Math.ceil(mimeLimits.maxHeaderBlockBytes / 1000) + 5,
    );
    const raw = bytes(`Subject: kept\n${filler}Subject: dropped\n\nthe body`);
    const block = readHeaderBlock(raw, 0, raw.byteLength);
    expect(block.truncated).toBe(true);
    expect(lastField(block.fields, 'subject')).toBe('kept');
    expect(new TextDecoder().decode(raw.subarray(block.bodyStart))).toBe('the body');
  });

  it('treats a message without a blank line as headers only', () => {
    const raw = bytes('Subject: x\r\nFrom: y');
    const block = readHeaderBlock(raw, 0, raw.byteLength);
    expect(block.fields).toHaveLength(2);
    expect(block.bodyStart).toBe(raw.byteLength);
  });
});
