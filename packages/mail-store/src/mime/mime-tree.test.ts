import { describe, expect, it } from 'vitest';
import type { MimePart } from './mime-tree.js';
import { parseMimeTree } from './mime-tree.js';
import { mimeLimits } from './limits.js';
import { trickyMessages } from './mime-fixtures.test-data.js';

const bytes = (s: string) => new TextEncoder().encode(s.replace(/\r?\n/g, '\r\n'));
const text = (p: MimePart | undefined) => new TextDecoder().decode(p?.content ?? new Uint8Array());
const shape = (p: MimePart): unknown =>
  p.subParts ? [p.type, p.subParts.map(shape)] : `${p.partId} ${p.type}`;

describe('parseMimeTree', () => {
  it('numbers parts like IMAP sections and keeps each leaf decoded', () => {
    const tree = parseMimeTree(bytes(trickyMessages['nested with preamble and epilogue']!));
    expect(shape(tree.root)).toEqual([
      'multipart/mixed',
      [
        ['multipart/alternative', ['1.1 text/plain', '1.2 text/html']],
        '2 message/rfc822',
        '3 application/octet-stream',
      ],
    ]);
    const [alt, message, attachment] = tree.root.subParts!;
    expect(alt!.subParts![0]!.charset).toBe('iso-8859-1');
    expect([...alt!.subParts![0]!.content!]).toEqual([0x63, 0x61, 0x66, 0xe9]);
    expect(text(alt!.subParts![1])).toBe('<p>hi</p>');
    // RFC 8621 §4.1.4: a message/rfc822 part is a leaf whose content is the attached message.
    expect(message!.subParts).toBeNull();
    expect(text(message)).toMatch(/^Subject: inner\r\n[\s\S]*--inner--$/);
    expect(message!.charset).toBeNull();
    expect(attachment).toMatchObject({ name: 'a.bin', disposition: 'attachment', size: 3 });
    expect(tree.root.partId).toBeNull();
  });

  it('gives a single-part message partId "1" and the RFC 2045 §5.2 default type', () => {
    const tree = parseMimeTree(bytes('Subject: plain\n\nhello\n'));
    expect(tree.root).toMatchObject({ partId: '1', type: 'text/plain', charset: 'us-ascii', size: 7 });
  });

  it('defaults parts of a digest to message/rfc822 (RFC 2046 §5.1.5)', () => {
    const tree = parseMimeTree(
      bytes('Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nbody\n--d--\n'),
    );
    expect(tree.root.subParts?.[0]?.type).toBe('message/rfc822');
  });

  it('does not take a longer boundary for its prefix', () => {
    const tree = parseMimeTree(
      bytes(
        'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: multipart/mixed; boundary=bb\n\n--bb\n\none\n--bb\n\ntwo\n--bb--\n--b--\n',
      ),
    );
    expect(shape(tree.root)).toEqual([
      'multipart/mixed',
      [['multipart/mixed', ['1.1 text/plain', '1.2 text/plain']]],
    ]);
    expect(text(tree.root.subParts![0]!.subParts![1])).toBe('two');
  });

  it('takes a line that begins with the boundary and goes on with other text as a delimiter (RFC 2046 §5.1.1)', () => {
    const tree = parseMimeTree(
      bytes(
        'Content-Type: multipart/mixed; boundary=b\n\n--b  trailing words\n\none\n--b\tmore\n\ntwo\n--b-- and an epilogue\n',
      ),
    );
    expect(tree.root.subParts?.map(text)).toEqual(['one', 'two']);
  });

  it('returns an explicit charset whatever the type, and none by default for non-text (RFC 8621 §4.1.4)', () => {
    const tree = parseMimeTree(
      bytes(
        'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/json; charset=UTF-8\n\n{}\n--b\nContent-Type: image/png\n\nx\n--b\n\nplain\n--b--\n',
      ),
    );
    expect(tree.root.subParts?.map((p) => p.charset)).toEqual(['utf-8', null, 'us-ascii']);
  });

  it('ends an unterminated multipart at the end of the message, without an empty last part', () => {
    const tree = parseMimeTree(
      bytes('Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond\n--b\n'),
    );
    expect(tree.root.subParts?.map(text)).toEqual(['first', 'second']);
  });

  it('reads a multipart whose boundary never appears as text, so its content is not lost', () => {
    const noBoundary = parseMimeTree(bytes('Content-Type: multipart/mixed\n\njust text'));
    expect(noBoundary.root).toMatchObject({ partId: '1', type: 'text/plain', subParts: null });
    const neverFound = parseMimeTree(bytes('Content-Type: multipart/mixed; boundary=zz\n\njust text'));
    expect(text(neverFound.root)).toBe('just text');
  });

  it('stops descending at the depth limit and counting at the parts limit', () => {
    let body = 'innermost';
    for (let i = 60; i >= 0; i--)
      body = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${body}\n--b${i}--`;
    let depth = 0;
    for (let part = parseMimeTree(bytes(body)).root; part.subParts?.[0]; part = part.subParts[0]) depth++;
    expect(depth).toBe(mimeLimits.maxDepth);

    const many = parseMimeTree(
      bytes(`Content-Type: multipart/mixed; boundary=p\n\n${'--p\n\nx\n'.repeat(2000)}--p--`),
    );
    expect(many.root.subParts!.length).toBe(mimeLimits.maxParts - 1);
  });

  it('never throws on hostile or empty input', () => {
    for (const raw of [
      '',
      '\n\n',
      '--\n--',
      'Content-Type: multipart/mixed; boundary=""\n\n--\n',
      '\u0000\u0001\u00ff'.repeat(100),
    ]) {
      expect(() => parseMimeTree(bytes(raw))).not.toThrow();
    }
  });
});
