import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { treeFingerprint, trickyMessages, withCrlf } from './mime-fixtures.test-data.js';
import type { MimeLeaf } from './mime-part.js';
import { keepingSink, parseMimeTree, type MimeTree } from './mime-tree.js';
import { createMimeWalker } from './mime-walker.js';

function walkInChunks(raw: Uint8Array, size: number): MimeTree {
  const walker = createMimeWalker({ onLeaf: keepingSink });
  for (let at = 0; at < raw.byteLength; at += size) walker.write(raw.subarray(at, at + size));
  return walker.end();
}

describe('createMimeWalker', () => {
  const cases = Object.entries(trickyMessages).flatMap(([name, text]) => [
    [name, Buffer.from(text, 'latin1')] as const,
    [`${name} (CRLF)`, Buffer.from(withCrlf(text), 'latin1')] as const,
  ]);

  it.each(cases)('gives the same tree however the input is cut: %s', (_, raw) => {
    const whole = treeFingerprint(parseMimeTree(raw));
    for (const size of [1, 2, 3, 7, 64, 4096]) expect(treeFingerprint(walkInChunks(raw, size))).toBe(whole);
  });

  it('cuts a delimiter, a CRLF and an "=XX" at every offset', () => {
    const raw = Buffer.from(
      withCrlf(
        'Content-Type: multipart/mixed; boundary=cut\n\n--cut\nContent-Transfer-Encoding: quoted-printable\n\na=3Db=\nc\n--cut\nContent-Transfer-Encoding: base64\n\naGVs\nbG8=\n--cut--\n',
      ),
    );
    const whole = treeFingerprint(parseMimeTree(raw));
    for (let at = 1; at < raw.byteLength; at++) {
      const walker = createMimeWalker({ onLeaf: keepingSink });
      walker.write(raw.subarray(0, at));
      walker.write(raw.subarray(at));
      expect(treeFingerprint(walker.end()), `cut at ${at}`).toBe(whole);
    }
    expect(parseMimeTree(raw).root.subParts?.map((p) => Buffer.from(p.content!).toString())).toEqual([
      'a=bc',
      'hello',
    ]);
  });

  it('reports leaves in document order with their metadata, content null unless the sink keeps it', () => {
    const leaves: MimeLeaf[] = [];
    const walker = createMimeWalker({
      onLeaf: (leaf) => {
        leaves.push(leaf);
        return { write: () => undefined, end: () => undefined, abort: () => undefined };
      },
    });
    walker.write(Buffer.from(trickyMessages['nested with preamble and epilogue']!));
    const tree = walker.end();
    expect(leaves.map((l) => `${l.partId} ${l.type} ${l.charset}`)).toEqual([
      '1.1 text/plain iso-8859-1',
      '1.2 text/html us-ascii',
      '2 message/rfc822 null',
      '3 application/octet-stream null',
    ]);
    expect(leaves[3]).toMatchObject({ name: 'a.bin', disposition: 'attachment' });
    expect(tree.root.subParts![2]).toMatchObject({ size: 3, content: null });
  });

  it('streams a multipart without a delimiter in its first 64 KiB as text, aborted if a part turns up', () => {
    const events: string[] = [];
    const walker = createMimeWalker({
      onLeaf: (leaf) => {
        events.push(`leaf ${leaf.partId} ${leaf.type}`);
        return {
          write: () => undefined,
          end: () => void events.push('end'),
          abort: () => void events.push('abort'),
        };
      },
    });
    walker.write(Buffer.from(trickyMessages['long preamble, then parts']!));
    expect(walker.end().root.subParts).toHaveLength(1);
    expect(events).toEqual(['leaf 1 text/plain', 'abort', 'leaf 1 text/plain', 'end']);
  });

  /** Feeds head, `count` times `chunk`, tail; returns the tree, bytes given to sinks and the most retained. */
  function walkRetaining(head: string, chunk: Buffer, count: number, tail: string) {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const used = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const sunk = { written: 0, aborted: 0 };
    const walker = createMimeWalker({
      onLeaf: () => ({
        write: (bytes) => void (sunk.written += bytes.byteLength),
        end: () => undefined,
        abort: () => void (sunk.aborted += 1),
      }),
    });
    const before = used();
    walker.write(Buffer.from(withCrlf(head)));
    let peak = 0;
    for (let i = 0; i < count; i++) {
      walker.write(chunk);
      if (i % 50 === 49) peak = Math.max(peak, used() - before);
    }
    walker.write(Buffer.from(withCrlf(tail)));
    return { tree: walker.end(), sunk, peak };
  }

  it('walks a 50 MB message in 64 KiB chunks without holding it', () => {
    // One 64 KiB chunk of base64 lines (76 characters + CRLF), sent 800 times: ~50 MB.
    const line = `${Buffer.alloc(57, 0xa5).toString('base64')}\r\n`;
    const chunk = Buffer.from(line.repeat(Math.floor(65536 / line.length)));
    const { tree, sunk, peak } = walkRetaining(
      'Subject: 50 MB\nContent-Type: multipart/mixed; boundary=big\n\n--big\n\nsee attached\n--big\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n',
      chunk,
      800,
      '\n--big--\n',
    );
    expect(chunk.byteLength * 800).toBeGreaterThan(50e6);
    const attachment = (chunk.byteLength / line.length) * 57 * 800;
    expect(sunk.written).toBe('see attached'.length + attachment);
    expect(tree.root.subParts?.[1]).toMatchObject({ partId: '2', size: attachment, content: null });
    console.log(`50 MB walk: retained at most ${(peak / 1048576).toFixed(1)} MiB over the start`);
    // Retained memory while walking: a header block and a few bytes of carry, not the body.
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  });

  it('holds no hostile 20 MB body either: text under a wrong boundary, a blank part', () => {
    const text = walkRetaining(
      'Content-Type: multipart/mixed; boundary=b\n\n',
      Buffer.alloc(65536, 'x'),
      320,
      '',
    );
    expect(text.tree.root).toMatchObject({ type: 'text/plain', partId: '1', size: 65536 * 320 });
    const blank = walkRetaining(
      'Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\n',
      Buffer.from(' \r\n'.repeat(21845)),
      320,
      '\n',
    );
    // The blank last part was streamed speculatively, then dropped: it does not count.
    expect(blank.tree.root.subParts).toHaveLength(1);
    expect(blank.sunk.aborted).toBe(1);
    for (const { peak } of [text, blank]) expect(peak).toBeLessThan(16 * 1024 * 1024);
  });
});
