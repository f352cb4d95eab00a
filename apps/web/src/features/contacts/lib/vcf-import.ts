import { READ_LIMITS, importVCards } from '@colibri/vcard';
import type { Card as VCardCard } from '@colibri/vcard';
import type { Id, SetError } from '@colibri/jmap-types';
import type { NewCard } from '../api/write-cards';

/** The largest `.vcf` read (packages/vcard's own limit on the text, in characters). */
export const MAX_IMPORT_CHARS = READ_LIMITS.maxLength;
/** The most cards one import creates (packages/vcard's default). */
export const MAX_IMPORT_CARDS = READ_LIMITS.maxCards;

/** A card that was not imported: its place in the file, its name if it had one, and why. */
export interface ImportFailure {
  index: number;
  name: string;
  reason: string;
}

export interface ImportProgress {
  phase: 'reading' | 'creating';
  /** Reading: octets read; creating: cards sent. */
  done: number;
  total: number;
}

export interface ImportReport {
  imported: number;
  failures: ImportFailure[];
  /** True when the user stopped the import before the end. */
  stopped: boolean;
}

/** One ContactCard/set's answer for a batch, by the batch's positions. */
export interface BatchResult {
  created: number[];
  notCreated: Record<number, SetError>;
}

export interface ImportOptions {
  addressBookId: Id;
  batchSize: number;
  createBatch: (cards: NewCard[]) => Promise<BatchResult>;
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between batches: a stopped import keeps what is created already. */
  isStopped?: () => boolean;
  /** Lets the page paint between steps (a 500-card file must not freeze the tab). */
  yieldToUi?: () => Promise<void>;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Cards read between two paints while reading. */
const READ_CHUNK = 200;

function nameOf(card: VCardCard): string {
  return card.name?.full ?? card.name?.components?.map((c) => c.value).join(' ') ?? '';
}

/**
 * Imports a `.vcf` text into an address book: reads it with packages/vcard (RFC 6350, RFC 9555)
 * one card at a time, then creates the cards with ContactCard/set in batches of `batchSize`
 * (RFC 8620 §5.3 maxObjectsInSet). A card the reader or the server refuses is listed with its
 * reason; the others are imported.
 */
export async function importVcf(text: string, options: ImportOptions): Promise<ImportReport> {
  const { onProgress, yieldToUi = defaultYield, isStopped = () => false } = options;
  const failures: ImportFailure[] = [];
  const cards: { index: number; card: NewCard; name: string }[] = [];
  let read = 0;
  for (const item of importVCards(text)) {
    if (item.result.ok) {
      const card = item.result.value;
      cards.push({
        index: item.index,
        name: nameOf(card),
        card: { ...(card as unknown as NewCard), addressBookIds: { [options.addressBookId]: true } },
      });
    } else failures.push({ index: item.index, name: '', reason: item.result.error.reason });
    read += 1;
    if (read % READ_CHUNK === 0) {
      onProgress?.({ phase: 'reading', done: item.bytesRead, total: item.totalBytes });
      await yieldToUi();
    }
  }
  let imported = 0;
  const batchSize = Math.max(1, options.batchSize);
  for (let start = 0; start < cards.length; start += batchSize) {
    if (isStopped()) return { imported, failures, stopped: true };
    onProgress?.({ phase: 'creating', done: start, total: cards.length });
    const batch = cards.slice(start, start + batchSize);
    try {
      const result = await options.createBatch(batch.map((entry) => entry.card));
      imported += result.created.length;
      for (const [position, error] of Object.entries(result.notCreated)) {
        const entry = batch[Number(position)];
        if (entry)
          failures.push({ index: entry.index, name: entry.name, reason: error.description ?? error.type });
      }
    } catch (error) {
      // A whole request failed (network, server): each of its cards is listed, the next batch goes on.
      const reason = error instanceof Error ? error.message : String(error);
      for (const entry of batch) failures.push({ index: entry.index, name: entry.name, reason });
    }
    await yieldToUi();
  }
  onProgress?.({ phase: 'creating', done: cards.length, total: cards.length });
  failures.sort((a, b) => a.index - b.index);
  return { imported, failures, stopped: false };
}
