import type { JmapClient } from '@colibri/jmap-client';
import type { ContactCard, Id } from '@colibri/jmap-types';
import type { BatchResult } from '../lib/vcf-import';
import type { NewCard } from './write-cards';

/** One ContactCard/set creating `cards` (RFC 9610 §3.2), creation ids `c0`, `c1`, … by position. */
export async function createCardsBatch(
  client: JmapClient,
  accountId: Id,
  cards: NewCard[],
): Promise<BatchResult> {
  const create = Object.fromEntries(cards.map((card, i) => [`c${i}`, card as unknown as ContactCard]));
  const result = await client.call('ContactCard/set', { accountId, create });
  const position = (key: string) => Number(key.slice(1));
  return {
    created: Object.keys(result.created ?? {}).map(position),
    notCreated: Object.fromEntries(
      Object.entries(result.notCreated ?? {}).map(([key, error]) => [position(key), error]),
    ),
  };
}
