import { MethodErrorType } from '@colibri/jmap-types';
import type { ContactCard } from '@colibri/jmap-types';
import type { AccountId, ContactCardHit } from '@colibri/mail-store';
import { InvalidInputError } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import type { Comparator, Filter } from '../shared/in-memory-query.js';
import { matchesFilter, orderOf } from '../shared/in-memory-query.js';
import { matchesInMemory, toStoreFilter } from './card-filter.js';
import { cardIndex, nameComponents } from './card-index.js';
import { directoryOf } from './directory.js';
import type { ContactCardCondition } from './query-args.js';
import { contactCardToWire } from './to-wire.js';

/** A card as sorting sees it: its times and, for name sorts only, its JSON. */
interface Candidate {
  id: string;
  created: number;
  updated: number;
  lastUsed: number | null;
  card: Json;
}

type Json = Record<string, unknown>;

const firstOr = (values: string[]) => (values[0] ?? '').toLowerCase();

/** RFC 9610 §3.3 sorts, and `recentlyUsed` (most recent first when ascending, never used last). */
const sortKeys = {
  created: (c: Candidate) => c.created,
  updated: (c: Candidate) => c.updated,
  'name/given': (c: Candidate) => firstOr(nameComponents(c.card, 'given')),
  'name/surname': (c: Candidate) => firstOr(nameComponents(c.card, 'surname')),
  'name/surname2': (c: Candidate) => firstOr(nameComponents(c.card, 'surname2')),
  recentlyUsed: (c: Candidate) => -(c.lastUsed ?? -Infinity),
};
const nameSorts = new Set(['name/given', 'name/surname', 'name/surname2']);

/** A card's own created/updated (RFC 9553 §2.1), else when the store created/updated it. */
function timeOf(card: ContactCard, which: 'created' | 'updated', stored: Date): number {
  const own = card[which];
  const parsed = typeof own === 'string' ? Date.parse(own) : NaN;
  return Number.isNaN(parsed) ? +stored : parsed;
}

const reindexBatch = 500;

/** Cards indexed by an older version of cardIndex get their index re-derived (not a change). */
async function refreshIndexes(ctx: MethodContext, accountId: AccountId): Promise<void> {
  for (;;) {
    const stale = await ctx.store.contactCardsToReindex(accountId, reindexBatch);
    if (stale.length === 0) return;
    await ctx.store.reindexContactCards(
      accountId,
      stale.map((record) => ({ id: record.id, index: cardIndex(JSON.parse(record.json) as Json) })),
    );
  }
}

/**
 * The ids of the cards that match, in order: the account's own cards (filtered by the store in
 * SQL), then the organisation directory's (filtered in memory: the store does not keep them).
 * Unsorted, each part comes by name; sorted, both together. Only a name sort reads the cards'
 * JSON. Throws unsupportedSort before anything is read.
 */
export async function contactCardResults(
  ctx: MethodContext,
  accountId: AccountId,
  args: { filter?: Filter<ContactCardCondition> | null; sort?: readonly Comparator[] | null },
): Promise<string[]> {
  const order = orderOf(args.sort, sortKeys, ctx.limits.collationAlgorithms);
  await refreshIndexes(ctx, accountId);
  let own: ContactCardHit[];
  try {
    own = await ctx.store.queryContactCards(
      accountId,
      args.filter == null ? null : toStoreFilter(args.filter),
    );
  } catch (error) {
    if (error instanceof InvalidInputError)
      throw new MethodFailure(MethodErrorType.InvalidArguments, error.message);
    throw error;
  }
  const people = ((await directoryOf(ctx, accountId))?.cards ?? [])
    .map((record) => ({ record, card: contactCardToWire(record) }))
    .filter((c) => matchesFilter(c, args.filter, (item, q) => matchesInMemory(item.record, item.card, q)));
  const sort = args.sort ?? [];
  if (sort.length === 0) return [...own.map((h) => h.id), ...people.map((c) => c.record.id)];
  const cards = new Map<string, Json>();
  if (sort.some((c) => nameSorts.has(c.property)))
    for (const record of await ctx.store.getContactCards(
      accountId,
      own.map((h) => h.id),
    ))
      cards.set(record.id, JSON.parse(record.json) as Json);
  const candidates: Candidate[] = [
    ...own.map((h) => ({
      id: h.id,
      created: +h.created,
      updated: +h.updated,
      lastUsed: h.lastUsedAt === null ? null : +h.lastUsedAt,
      card: cards.get(h.id) ?? {},
    })),
    ...people.map(({ record, card }) => ({
      id: record.id,
      created: timeOf(card, 'created', record.createdAt),
      updated: timeOf(card, 'updated', record.updatedAt),
      lastUsed: record.lastUsedAt === null ? null : +record.lastUsedAt,
      card: card as Json,
    })),
  ];
  return candidates.sort(order).map((c) => c.id);
}
