import { describe, expect, it } from 'vitest';
import type { NewCard } from '../api/write-cards';
import { importVcf } from './vcf-import';
import type { BatchResult, ImportProgress } from './vcf-import';

const card = (i: number) =>
  ['BEGIN:VCARD', 'VERSION:4.0', `FN:Person ${i}`, `EMAIL:p${i}@example.org`, 'END:VCARD'].join('\r\n');

/** A file of `count` cards, with a malformed one (no END before the next BEGIN) at `broken`. */
function vcf(count: number, broken?: number) {
  return Array.from({ length: count }, (_, i) =>
    i === broken ? ['BEGIN:VCARD', 'VERSION:4.0', `FN:Broken ${i}`].join('\r\n') : card(i),
  ).join('\r\n');
}

const noYield = () => Promise.resolve();

describe('importVcf (packages/vcard, then ContactCard/set in batches)', () => {
  it('creates every card in batches of the given size, in the chosen book, with progress', async () => {
    const batches: NewCard[][] = [];
    const progress: ImportProgress[] = [];
    const report = await importVcf(vcf(250), {
      addressBookId: 'B1',
      batchSize: 100,
      yieldToUi: noYield,
      onProgress: (p) => progress.push(p),
      createBatch: async (cards) => {
        batches.push(cards);
        return { created: cards.map((_, i) => i), notCreated: {} };
      },
    });
    expect(report).toEqual({ imported: 250, failures: [], stopped: false });
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches[0]![0]).toMatchObject({
      '@type': 'Card',
      addressBookIds: { B1: true },
      name: { full: 'Person 0' },
      emails: { k1: { address: 'p0@example.org' } },
    });
    expect(progress.filter((p) => p.phase === 'creating').map((p) => p.done)).toEqual([0, 100, 200, 250]);
  });

  it('lists the cards the reader or the server refused, by their place in the file, and imports the rest', async () => {
    const report = await importVcf(vcf(6, 2), {
      addressBookId: 'B1',
      batchSize: 10,
      yieldToUi: noYield,
      createBatch: async (cards): Promise<BatchResult> => ({
        created: cards.map((_, i) => i).filter((i) => i !== 3),
        notCreated: { 3: { type: 'invalidProperties', description: 'emails/k1/address is not valid' } },
      }),
    });
    expect(report.imported).toBe(4);
    expect(report.failures).toEqual([
      { index: 2, name: '', reason: expect.any(String) },
      // The fourth card sent is the file's fifth: the broken third one was never sent.
      { index: 4, name: 'Person 4', reason: 'emails/k1/address is not valid' },
    ]);
  });

  it('a failed request lists its cards and the next batch still goes', async () => {
    let calls = 0;
    const report = await importVcf(vcf(4), {
      addressBookId: 'B1',
      batchSize: 2,
      yieldToUi: noYield,
      createBatch: async (cards) => {
        calls += 1;
        if (calls === 1) throw new Error('Network down');
        return { created: cards.map((_, i) => i), notCreated: {} };
      },
    });
    expect(report.imported).toBe(2);
    expect(report.failures.map((f) => [f.index, f.reason])).toEqual([
      [0, 'Network down'],
      [1, 'Network down'],
    ]);
  });

  it('stops between batches when asked, keeping what is created', async () => {
    let stop = false;
    const report = await importVcf(vcf(5), {
      addressBookId: 'B1',
      batchSize: 2,
      yieldToUi: noYield,
      isStopped: () => stop,
      createBatch: async (cards) => {
        stop = true;
        return { created: cards.map((_, i) => i), notCreated: {} };
      },
    });
    expect(report).toEqual({ imported: 2, failures: [], stopped: true });
  });
});
