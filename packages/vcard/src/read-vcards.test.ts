import { describe, expect, it } from 'vitest';
import type { ReadItem } from './read-vcards.js';
import { readVCardObjects } from './read-vcards.js';

const card = (body: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\n${body}\r\nEND:VCARD\r\n`;
const read = (text: string, limits = {}) => [...readVCardObjects(text, limits)];
const codes = (items: (ReadItem<unknown> | undefined)[]) =>
  items.map((i) => (i === undefined ? 'none' : i.result.ok ? 'ok' : i.result.error.code));

describe('reading .vcf text', () => {
  it('unfolds lines continued by a space or a tab (RFC 6350 §3.2)', () => {
    const [item] = read(card('NOTE:This is a long\r\n  description\r\n\t that exists.'));
    expect(item?.result.ok && item.result.value.properties[0]?.value).toBe(
      'This is a long description that exists.',
    );
  });

  it('reads many cards and says how far it got', () => {
    const text = card('FN:A') + card('FN:B') + card('FN:C');
    const items = read(text);
    expect(items.map((i) => i.result.ok && i.result.value.properties[0]?.value)).toEqual(['A', 'B', 'C']);
    expect(items.map((i) => i.index)).toEqual([0, 1, 2]);
    const progress = items.map((i) => i.bytesRead);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress[2]).toBe(Buffer.byteLength(text));
    expect(items[0]?.totalBytes).toBe(Buffer.byteLength(text));
  });

  it('counts progress in UTF-8 octets', () => {
    const text = card('FN:Éloïse 漢字');
    expect(read(text)[0]?.bytesRead).toBe(Buffer.byteLength(text));
  });

  it('gives a malformed card an error value and still reads the others', () => {
    const text = card('FN:A') + card('FN:B\r\nthis line has no colon') + card('FN:C');
    const items = read(text);
    expect(items.map((i) => i.result.ok)).toEqual([true, false, true]);
    expect(codes(items)[1]).toBe('syntax');
  });

  it('refuses a card that never ends, and reads the next one', () => {
    const items = read(`BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\n${card('FN:B')}`);
    expect(codes(items)).toEqual(['unterminated', 'ok']);
  });

  it('decodes QUOTED-PRINTABLE with CHARSET and soft line breaks (vCard 2.1, Outlook)', () => {
    const text =
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg\r\n' +
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:caf=C3=A9 first=\r\nsecond=0D=0Athird\r\nEND:VCARD\r\n';
    const [item] = read(text);
    if (!item?.result.ok) throw new Error('not read');
    expect(item.result.value.properties).toEqual([
      { name: 'n', params: {}, value: 'Müller;Jörg' },
      { name: 'note', params: {}, value: 'café firstsecond\r\nthird' },
    ]);
  });

  it('treats text outside BEGIN/END as noise, and says when there is no card', () => {
    expect(read(`Subject: hi\r\n\r\n${card('FN:A')}`).map((i) => i.result.ok)).toEqual([true]);
    const [none] = read('hello');
    expect(codes([none])).toEqual(['no-card']);
  });

  describe('limits', () => {
    it('refuses a text over maxLength before reading it', () => {
      const [item] = read(card('FN:A'), { maxLength: 10 });
      expect(codes([item])).toEqual(['too-large']);
    });
    it('stops after maxCards with an error value', () => {
      const items = read(card('FN:A').repeat(3), { maxCards: 2 });
      expect(codes(items)).toEqual(['ok', 'ok', 'too-many-cards']);
    });
    it('refuses a card over maxProperties and keeps the next card', () => {
      const items = read(card('NOTE:a\r\nNOTE:b\r\nNOTE:c') + card('FN:B'), { maxProperties: 2 });
      expect(codes(items)).toEqual(['too-many-properties', 'ok']);
    });
    it('refuses a card with an unfolded line over maxLineLength', () => {
      const items = read(card(`NOTE:${'x'.repeat(50)}\r\n ${'y'.repeat(60)}`) + card('FN:B'), {
        maxLineLength: 100,
      });
      expect(codes(items)).toEqual(['line-too-long', 'ok']);
    });
  });

  it('never throws on hostile input', () => {
    for (const text of [
      '',
      'BEGIN:VCARD',
      'END:VCARD',
      'BEGIN:VCARD\r\n;;;:\r\nEND:VCARD',
      '\u0000'.repeat(100),
    ])
      expect(() => read(text)).not.toThrow();
    expect(() => read(undefined as unknown as string)).not.toThrow();
  });
});

describe('charsets and cut-short files', () => {
  it('reads Windows-1252 bytes in a quoted-printable value that is not valid UTF-8 (Outlook)', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:Reid=92s =80\r\nEND:VCARD\r\n';
    const [item] = [...readVCardObjects(text)];
    expect(item?.result.ok && item.result.value.properties[0]?.value).toBe('Reid\u2019s \u20ac');
  });

  it('keeps the last card of a text that ends before its END:VCARD', () => {
    const items = [
      ...readVCardObjects(
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\n',
      ),
    ];
    expect(items.map((i) => i.result.ok && i.result.value.properties[0]?.value)).toEqual(['A', 'B']);
  });
});
