/** The import API: cards one at a time with progress, or all at once. */
import { vcardObjectToCard } from './from-vcard.js';
import type { ReadItem, ReadLimits } from './read-vcards.js';
import { readVCardObjects } from './read-vcards.js';
import type { Card, Result } from './types.js';

export type ImportedCard = ReadItem<Card>;

/**
 * Yields the cards of a `.vcf` text one at a time, each with `bytesRead`/`totalBytes` for a
 * progress indicator. A malformed card is an error item (`result.ok === false`) and the next
 * cards still come. Never throws on input.
 */
export function* importVCards(text: string, limits: ReadLimits = {}): Generator<ImportedCard> {
  for (const item of readVCardObjects(text, limits)) {
    const result: Result<Card> = item.result.ok
      ? { ok: true, value: vcardObjectToCard(item.result.value) }
      : item.result;
    yield { ...item, result };
  }
}

/** All the cards of a text at once: one result per card, in file order. */
export function vcardToJSContact(text: string, limits: ReadLimits = {}): Result<Card>[] {
  return Array.from(importVCards(text, limits), (item) => item.result);
}
