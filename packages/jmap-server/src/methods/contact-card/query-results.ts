import type { ContactCard } from '@colibri/jmap-types';
import type { AccountId, ContactCardId, ContactCardRecord } from '@colibri/mail-store';
import { contactLimits } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import type { Comparator, Filter } from '../shared/in-memory-query.js';
import { matchesFilter, orderOf } from '../shared/in-memory-query.js';
import {
  emailsOf,
  entriesOf,
  nameComponents,
  nameText,
  nicknamesOf,
  organizationsOf,
  phonesOf,
} from './card-index.js';
import type { ContactCardCondition } from './query-args.js';
import { contactCardToWire } from './to-wire.js';

interface Candidate {
  id: string;
  record: ContactCardRecord;
  card: ContactCard;
}

type Json = Record<string, unknown>;

/** RFC 9610 §3.3: text conditions match a value containing the string, case-insensitively. */
const contains = (values: readonly string[], wanted: string) => {
  const needle = wanted.toLowerCase();
  return values.some((v) => v.toLowerCase().includes(needle));
};

const strings = (objects: Json[], keys: string[]) =>
  objects.flatMap((o) => keys.flatMap((k) => (typeof o[k] === 'string' ? [o[k] as string] : [])));

function addressText(card: Json): string[] {
  return entriesOf(card, 'addresses').flatMap((a) => [
    ...(typeof a.full === 'string' ? [a.full] : []),
    ...(Array.isArray(a.components) ? strings(a.components as Json[], ['value']) : []),
    ...(typeof a.countryCode === 'string' ? [a.countryCode] : []),
  ]);
}

const onlineText = (card: Json) => strings(entriesOf(card, 'onlineServices'), ['service', 'uri', 'user']);
const notesText = (card: Json) => strings(entriesOf(card, 'notes'), ['note']);
const titlesText = (card: Json) => strings(entriesOf(card, 'titles'), ['name']);

/** A card's `created`/`updated` when it has one, else when the store created/updated it. */
function timeOf(c: Candidate, which: 'created' | 'updated'): number {
  const own = c.card[which];
  const parsed = typeof own === 'string' ? Date.parse(own) : NaN;
  return Number.isNaN(parsed) ? +(which === 'created' ? c.record.createdAt : c.record.updatedAt) : parsed;
}

function matches(c: Candidate, q: ContactCardCondition, prefixed: Map<string, Set<string>>): boolean {
  const card = c.card as Json;
  if (q.inAddressBook !== undefined && !c.record.addressBookIds.includes(q.inAddressBook as never))
    return false;
  if (q.uid !== undefined && c.record.uid !== q.uid) return false;
  if (q.hasMember !== undefined && c.card.members?.[q.hasMember] !== true) return false;
  if (q.kind !== undefined && (c.card.kind ?? 'individual') !== q.kind) return false;
  if (q.createdBefore !== undefined && !(timeOf(c, 'created') < Date.parse(q.createdBefore))) return false;
  if (q.createdAfter !== undefined && !(timeOf(c, 'created') >= Date.parse(q.createdAfter))) return false;
  if (q.updatedBefore !== undefined && !(timeOf(c, 'updated') < Date.parse(q.updatedBefore))) return false;
  if (q.updatedAfter !== undefined && !(timeOf(c, 'updated') >= Date.parse(q.updatedAfter))) return false;
  if (q.name !== undefined && !contains(nameText(card), q.name)) return false;
  if (q['name/given'] !== undefined && !contains(nameComponents(card, 'given'), q['name/given']))
    return false;
  if (q['name/surname'] !== undefined && !contains(nameComponents(card, 'surname'), q['name/surname']))
    return false;
  if (q['name/surname2'] !== undefined && !contains(nameComponents(card, 'surname2'), q['name/surname2']))
    return false;
  if (q.nickname !== undefined && !contains(nicknamesOf(card), q.nickname)) return false;
  if (q.organization !== undefined && !contains(organizationsOf(card), q.organization)) return false;
  if (q.email !== undefined && !contains(emailsOf(card), q.email)) return false;
  if (q.phone !== undefined && !contains(phonesOf(card), q.phone)) return false;
  if (q.onlineService !== undefined && !contains(onlineText(card), q.onlineService)) return false;
  if (q.address !== undefined && !contains(addressText(card), q.address)) return false;
  if (q.note !== undefined && !contains(notesText(card), q.note)) return false;
  if (q.text !== undefined) {
    const all = [
      ...nameText(card),
      ...nicknamesOf(card),
      ...organizationsOf(card),
      ...titlesText(card),
      ...emailsOf(card),
      ...phonesOf(card),
      ...onlineText(card),
      ...addressText(card),
      ...notesText(card),
    ];
    if (!contains(all, q.text)) return false;
  }
  if (q.prefix !== undefined && !prefixed.get(q.prefix)?.has(c.id)) return false;
  return true;
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

/** The `prefix` values of a filter (each answered once by the store's index). */
function prefixesOf(filter: Filter<ContactCardCondition> | null | undefined, into: Set<string>): Set<string> {
  if (filter == null) return into;
  if ('operator' in filter && Array.isArray(filter.conditions)) {
    for (const inner of filter.conditions) prefixesOf(inner, into);
  } else if ((filter as ContactCardCondition).prefix !== undefined)
    into.add((filter as ContactCardCondition).prefix!);
  return into;
}

/**
 * The ids of the account's cards that match, in order. Filters run over the cards in memory
 * (bounded by contactLimits.maxCardsPerAccount); `prefix` asks the store's full-text index.
 * Throws unsupportedSort before anything is read.
 */
export async function contactCardResults(
  ctx: MethodContext,
  accountId: AccountId,
  args: { filter?: Filter<ContactCardCondition> | null; sort?: readonly Comparator[] | null },
): Promise<string[]> {
  const order = orderOf(args.sort, sortKeys, ctx.limits.collationAlgorithms);
  const prefixed = new Map<string, Set<string>>();
  for (const prefix of prefixesOf(args.filter, new Set()))
    prefixed.set(
      prefix,
      new Set(
        await ctx.store.searchContactCards(accountId, { prefix, limit: contactLimits.maxSearchResults }),
      ),
    );
  // Autocomplete's plain `prefix` condition reads only the cards the index found, not them all.
  const plain = args.filter != null && !('operator' in args.filter) ? args.filter : null;
  const only = plain?.prefix === undefined ? undefined : prefixed.get(plain.prefix);
  const records = await ctx.store.getContactCards(
    accountId,
    only === undefined ? undefined : ([...only] as ContactCardId[]),
  );
  return records
    .map((record): Candidate => ({ id: record.id, record, card: contactCardToWire(record) }))
    .filter((c) => matchesFilter(c, args.filter, (item, q) => matches(item, q, prefixed)))
    .sort(order)
    .map((c) => c.id);
}
