import { describe, expect, it } from 'vitest';
import { importVCards, jscontactToVCard, vcardToJSContact } from '../src/index.js';
import type { Card } from '../src/index.js';

function addressBook(n: number): Card[] {
  return Array.from({ length: n }, (_, i) => ({
    '@type': 'Card',
    version: '1.0',
    uid: `urn:uuid:card-${i}`,
    name: {
      full: `Person ${i} Ünïcode`,
      components: [
        { kind: 'given', value: `Person ${i}` },
        { kind: 'surname', value: 'Ünïcode' },
      ],
    },
    emails: { e1: { address: `person${i}@example.com`, contexts: { work: true } } },
    phones: { p1: { number: `tel:+33-1-00-00-${String(i).padStart(4, '0')}`, features: { mobile: true } } },
    ...(i % 10 === 0 ? { kind: 'group', members: { [`urn:uuid:card-${i + 1}`]: true } } : {}),
  }));
}

describe('importing a large .vcf (the web app import with a progress bar)', () => {
  it('yields 500 cards one at a time with growing progress, then exports them back identically', () => {
    const cards = addressBook(500);
    const text = jscontactToVCard(cards);
    const total = Buffer.byteLength(text);
    const seen: number[] = [];
    const imported: Card[] = [];
    for (const item of importVCards(text)) {
      expect(item.totalBytes).toBe(total);
      seen.push(item.bytesRead);
      if (!item.result.ok) throw new Error(item.result.error.reason);
      imported.push(item.result.value);
    }
    expect(imported).toHaveLength(500);
    expect(seen.every((b, i) => i === 0 || b > (seen[i - 1] ?? 0))).toBe(true);
    expect(seen[seen.length - 1]).toBe(total);
    expect(imported).toEqual(cards);
    expect(jscontactToVCard(imported)).toBe(text);
  });

  it('lets a consumer stop early: the generator reads no further than asked', () => {
    const text = jscontactToVCard(addressBook(50));
    const it = importVCards(text);
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value?.bytesRead).toBeLessThan(Buffer.byteLength(text) / 10);
    it.return(undefined);
  });

  it('imports the good cards of a file with a broken one in the middle', () => {
    const [a, b] = addressBook(2).map((c) => jscontactToVCard([c]));
    const broken = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN;X="unclosed:oops\r\nEND:VCARD\r\n';
    const results = vcardToJSContact(`${a}${broken}${b}`);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[2]?.ok && results[2].value.uid).toBe('urn:uuid:card-1');
  });
});
