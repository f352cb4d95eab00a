import { MethodErrorType } from '@colibri/jmap-types';
import type { ContactCard } from '@colibri/jmap-types';
import type { AccountId, ContactCardRecord } from '@colibri/mail-store';
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

interface Candidate {
  id: string;
  record: ContactCardRecord;
  card: ContactCard;
}

type Json = Record<string, unknown>;

/** A card's `created`/`updated` when it has one, else when the store created/updated it. */
function timeOf(c: Candidate, which: 'created' | 'updated'): number {
  const own = c.card[which];
  const parsed = typeof own === 'string' ? Date.parse(own) : NaN;
  return Number.isNaN(parsed) ? +(which === 'created' ? c.record.createdAt : c.record.updatedAt) : parsed;
}

const firstOr = (values: string[]) => (values[0] ?? '').toLowerCase();

/** RFC 9610 §3.3 sorts, and `recentlyUsed` (most recent first when ascending, never used last). */
const sortKeys = {
  created: (c: Candidate) => timeOf(c, 'created'),
  updated: (c: Candidate) => timeOf(c, 'updated'),
  'name/given': (c: Candidate) => firstOr(nameComponents(c.card as Json, 'given')),
  'name/surname': (c: Candidate) => firstOr(nameComponents(c.card as Json, 'surname')),
  'name/surname2': (c: Candidate) => firstOr(nameComponents(c.card as Json, 'surname2')),
  recentlyUsed: (c: Candidate) => -(c.record.lastUsedAt?.getTime() ?? -Infinity),
};

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

const toCandidate = (record: ContactCardRecord): Candidate => ({
  id: record.id,
  record,
  card: contactCardToWire(record),
});

/**
 * The ids of the cards that match, in order: the account's own cards (filtered by the store in
 * SQL), then the organisation directory's (filtered in memory: the store does not keep them).
 * Unsorted, each part comes by name. Throws unsupportedSort before anything is read.
 */
export async function contactCardResults(
  ctx: MethodContext,
  accountId: AccountId,
  args: { filter?: Filter<ContactCardCondition> | null; sort?: readonly Comparator[] | null },
): Promise<string[]> {
  const order = orderOf(args.sort, sortKeys, ctx.limits.collationAlgorithms);
  await refreshIndexes(ctx, accountId);
  let own: string[];
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
  const directory = (await directoryOf(ctx, accountId))?.cards ?? [];
  const people = directory
    .map(toCandidate)
    .filter((c) => matchesFilter(c, args.filter, (item, q) => matchesInMemory(item.record, item.card, q)));
  if ((args.sort ?? []).length === 0) return [...own, ...people.map((c) => c.id)];
  const records = await ctx.store.getContactCards(accountId, own as ContactCardRecord['id'][]);
  return [...records.map(toCandidate), ...people].sort(order).map((c) => c.id);
}
