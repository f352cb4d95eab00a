import type { Card } from '@colibri/jmap-types';
import { cardPhoto } from './photo';

/** Explicit limit: the pairs one search offers (merging them brings the next ones). */
export const MAX_DUPLICATE_PAIRS = 100;

export interface DuplicatePair<C extends Card = Card> {
  a: C;
  b: C;
  /** What they share: an email address, or the same full name once normalised. */
  reason: 'email' | 'name';
}

/** A name as people compare them: no accents, no case, single spaces (RFC 9553 §2.2.1 name). */
export function normalisedName(card: Pick<Card, 'name'>): string {
  const components = (card.name?.components ?? []).filter((c) => c.kind !== 'separator');
  const text = card.name?.full?.trim() || components.map((c) => c.value).join(' ');
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const emailsOf = (card: Card) =>
  Object.values(card.emails ?? {}).flatMap((e) =>
    typeof e?.address === 'string' ? [e.address.trim().toLowerCase()] : [],
  );

/**
 * Likely duplicates among individuals (groups are never merged): two cards sharing an email
 * address, or a normalised full name. Each card is in one pair at most, in the cards' order.
 */
export function findDuplicatePairs<C extends Card>(cards: readonly C[], limit = MAX_DUPLICATE_PAIRS) {
  const pairs: DuplicatePair<C>[] = [];
  const firstWith = new Map<string, C>();
  const paired = new Set<C>();
  for (const card of cards) {
    if (card.kind === 'group' || pairs.length >= limit) continue;
    const name = normalisedName(card);
    const keys = [...emailsOf(card).map((e) => `email:${e}`), ...(name ? [`name:${name}`] : [])];
    const match = keys
      .map((key) => [key, firstWith.get(key)] as const)
      .find(([, other]) => other && !paired.has(other));
    if (match && match[1]) {
      pairs.push({ a: match[1], b: card, reason: match[0].startsWith('email:') ? 'email' : 'name' });
      paired.add(match[1]).add(card);
      continue;
    }
    for (const key of keys) {
      const holder = firstWith.get(key);
      if (!holder || paired.has(holder)) firstWith.set(key, card);
    }
  }
  return pairs;
}

/** How much a value says: the characters of its JSON, a fair measure of "richer". */
const weight = (value: unknown) => (value === undefined || value === null ? 0 : JSON.stringify(value).length);

const nameWeight = (card: Card) =>
  (card.name?.components ?? []).filter((c) => c.kind !== 'separator' && c.value.trim()).length * 1000 +
  weight(card.name);

/** The card that stays: the one with the richer name, else the one that says more. */
export function cardToKeep<C extends Card>(a: C, b: C): { keep: C; other: C } {
  const byName = nameWeight(b) - nameWeight(a);
  const richer = byName !== 0 ? byName > 0 : weight(b) > weight(a);
  return richer ? { keep: b, other: a } : { keep: a, other: b };
}

type Entry = Record<string, unknown>;

/** What makes two entries of a map the same thing, whatever their labels, contexts or pref. */
const identities: Record<string, (entry: Entry) => string> = {
  emails: (e) =>
    String(e.address ?? '')
      .trim()
      .toLowerCase(),
  phones: (p) => String(p.number ?? '').replace(/[^\d+]/g, ''),
  addresses: (a) =>
    (typeof a.full === 'string' && a.full
      ? a.full
      : ((a.components as { value?: string }[] | undefined) ?? []).map((c) => c.value ?? '').join(' ')
    )
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  notes: (n) => String(n.note ?? '').trim(),
  titles: (t) =>
    String(t.name ?? '')
      .trim()
      .toLowerCase(),
  nicknames: (n) =>
    String(n.name ?? '')
      .trim()
      .toLowerCase(),
  onlineServices: (s) =>
    String(s.uri ?? s.user ?? '')
      .trim()
      .toLowerCase(),
  anniversaries: (a) => `${String(a.kind)} ${JSON.stringify(a.date)}`,
  links: (l) => String(l.uri ?? ''),
};

/** The maps merged as a union without duplicates (RFC 9553 §1.4.4 Id -> object maps). */
export const UNION_MAPS = Object.keys(identities);

/** `keep`'s map with `other`'s entries it lacks added, under keys that do not collide. */
function unionMap(property: string, keep: Entry | undefined, other: Entry | undefined): Entry | undefined {
  const identity = identities[property]!;
  const merged: Entry = { ...keep };
  const seen = new Set(Object.values(merged).map((v) => identity(v as Entry)));
  let added = false;
  for (const [key, value] of Object.entries(other ?? {})) {
    const id = identity(value as Entry);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    let free = key;
    for (let n = 2; free in merged; n++) free = `${key}-${n}`;
    // Ranks of the other card do not apply among the kept card's entries (RFC 9553 §1.5.3).
    const { pref: _pref, ...rest } = value as Entry;
    merged[free] = keep && Object.keys(keep).length > 0 ? rest : value;
    added = true;
  }
  return added ? merged : undefined;
}

export interface CardMerge {
  /** RFC 8620 §5.3 patch of the kept card: only the members that change. */
  patch: Record<string, unknown>;
  /** The patch that puts the kept card back as it was (Undo). */
  undo: Record<string, unknown>;
}

/**
 * Merges `other` into `keep`: the union of emails, phones, addresses and the other maps of
 * UNION_MAPS without duplicates; the richer name and organisation; the other's photo when the
 * kept card has none; keywords together. `other` is then destroyed by the caller.
 */
export function mergeCards(keep: Card, other: Card): CardMerge {
  const patch: Record<string, unknown> = {};
  for (const property of UNION_MAPS) {
    const merged = unionMap(
      property,
      keep[property] as Entry | undefined,
      other[property] as Entry | undefined,
    );
    if (merged) patch[property] = merged;
  }
  if (nameWeight(other) > nameWeight(keep)) patch.name = other.name;
  if (weight(other.organizations) > weight(keep.organizations)) patch.organizations = other.organizations;
  if (!cardPhoto(keep) && cardPhoto(other)) {
    const photos = Object.entries((other.media ?? {}) as Entry).filter(
      ([, m]) => (m as { kind?: string }).kind === 'photo',
    );
    patch.media = { ...(keep.media as Entry | undefined), ...Object.fromEntries(photos) };
  }
  const keywords = { ...other.keywords, ...keep.keywords };
  if (Object.keys(keywords).length > Object.keys(keep.keywords ?? {}).length) patch.keywords = keywords;
  const undo = Object.fromEntries(Object.keys(patch).map((key) => [key, keep[key] ?? null]));
  return { patch, undo };
}

/** A JSON Pointer token (RFC 6901 §3): uids are often URNs or URLs. */
const token = (uid: string) => uid.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The group patches that move `other`'s memberships to `keep` (RFC 9553 §2.1.6 members), and
 * those that undo it; by group id.
 */
export function membershipMoves(
  groups: readonly (Card & { id: string })[],
  keepUid: string,
  otherUid: string,
): { patches: Record<string, Record<string, unknown>>; undo: Record<string, Record<string, unknown>> } {
  const patches: Record<string, Record<string, unknown>> = {};
  const undo: Record<string, Record<string, unknown>> = {};
  for (const group of groups) {
    if (group.members?.[otherUid] !== true) continue;
    const hadKeep = group.members?.[keepUid] === true;
    patches[group.id] = {
      [`members/${token(otherUid)}`]: null,
      ...(hadKeep ? {} : { [`members/${token(keepUid)}`]: true }),
    };
    undo[group.id] = {
      [`members/${token(otherUid)}`]: true,
      ...(hadKeep ? {} : { [`members/${token(keepUid)}`]: null }),
    };
  }
  return { patches, undo };
}
