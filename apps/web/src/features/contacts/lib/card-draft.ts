import type { Address, Card, CardEmailAddress, Contexts, Phone } from '@colibri/jmap-types';
import { byPref } from './card-format';
import { cardPhoto, mediaWithPhoto } from './photo';
import type { Media } from './photo';

/** Where an email, phone or address applies (RFC 9553 §1.5.1 contexts): work, private or unsaid. */
export type Context = '' | 'work' | 'private';

export interface DraftEmail {
  /** The key in the card's map, for an entry that came from the card (kept with its other members). */
  key?: string;
  address: string;
  context: Context;
}
export interface DraftPhone {
  key?: string;
  number: string;
  context: Context;
}
export interface DraftAddress {
  key?: string;
  street: string;
  locality: string;
  region: string;
  postcode: string;
  country: string;
  context: Context;
}

/** What the edit form holds: the parts of a card a person edits (issue 7). */
export interface CardDraft {
  given: string;
  surname: string;
  emails: DraftEmail[];
  phones: DraftPhone[];
  addresses: DraftAddress[];
  organization: string;
  title: string;
  /** `YYYY-MM-DD`, or '' when unknown (an `<input type="date">` value). */
  birthday: string;
  note: string;
  /** The photo's URI (RFC 9553 §2.6.4 media of kind photo), '' for none. */
  photo: string;
}

export const emptyDraft = (): CardDraft => ({
  given: '',
  surname: '',
  emails: [],
  phones: [],
  addresses: [],
  organization: '',
  title: '',
  birthday: '',
  note: '',
  photo: '',
});

function contextOf(contexts: Contexts | undefined): Context {
  if (contexts?.work) return 'work';
  if (contexts?.private) return 'private';
  return '';
}

const contextsFor = (context: Context): Contexts | undefined => (context ? { [context]: true } : undefined);

/** RFC 9553 §2.5.1.1 component kinds the form has a field for; the others make up the street. */
const ADDRESS_FIELDS = {
  locality: 'locality',
  region: 'region',
  postcode: 'postcode',
  country: 'country',
} as const;
const STREET_KINDS = new Set([
  'number',
  'name',
  'block',
  'building',
  'floor',
  'apartment',
  'room',
  'postOfficeBox',
]);

function addressToDraft(key: string, address: Address): DraftAddress {
  const components = address.components ?? [];
  const valueOf = (kind: string) =>
    components
      .filter((c) => c.kind === kind)
      .map((c) => c.value)
      .join(' ');
  const street = components
    .filter((c) => STREET_KINDS.has(c.kind))
    .map((c) => c.value)
    .join(' ');
  return {
    key,
    // An address with no components (a `full` text only) is edited as its street line.
    street: components.length === 0 ? (address.full ?? '') : street,
    locality: valueOf(ADDRESS_FIELDS.locality),
    region: valueOf(ADDRESS_FIELDS.region),
    postcode: valueOf(ADDRESS_FIELDS.postcode),
    country: valueOf(ADDRESS_FIELDS.country),
    context: contextOf(address.contexts),
  };
}

function birthdayOf(card: Card): string {
  for (const anniversary of Object.values((card.anniversaries ?? {}) as Record<string, AnniversaryLike>)) {
    if (anniversary.kind !== 'birth') continue;
    const date = anniversary.date;
    if (date && 'utc' in date && typeof date.utc === 'string') return date.utc.slice(0, 10);
    if (date && 'year' in date && date.year && date.month && date.day)
      return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  }
  return '';
}

interface AnniversaryLike {
  kind?: string;
  date?: { year?: number; month?: number; day?: number } | { utc?: string };
}

/** The form's view of a card. A name held only as `full` is edited as the given name. */
export function cardToDraft(card: Card): CardDraft {
  const components = card.name?.components ?? [];
  const part = (kind: string) =>
    components
      .filter((c) => c.kind === kind)
      .map((c) => c.value)
      .join(' ');
  const hasParts = components.some((c) => c.kind === 'given' || c.kind === 'surname');
  return {
    given: hasParts ? part('given') : (card.name?.full ?? ''),
    surname: hasParts ? part('surname') : '',
    emails: byPref<CardEmailAddress>(card.emails).map(([key, e]) => ({
      key,
      address: e.address,
      context: contextOf(e.contexts),
    })),
    phones: byPref<Phone>(card.phones).map(([key, p]) => ({
      key,
      number: p.number,
      context: contextOf(p.contexts),
    })),
    addresses: byPref<Address>(card.addresses).map(([key, a]) => addressToDraft(key, a)),
    organization: Object.values(card.organizations ?? {})[0]?.name ?? '',
    title: Object.values(card.titles ?? {})[0]?.name ?? '',
    birthday: birthdayOf(card),
    note: Object.values(card.notes ?? {})[0]?.note ?? '',
    photo: cardPhoto(card)?.uri ?? '',
  };
}

/** Problems that stop a save; the form shows them beside the fields. */
export interface DraftProblems {
  name?: true;
  emails?: number[];
  birthday?: true;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

/** A card needs a name, an organisation or an email; emails must look like addresses. */
export function draftProblems(draft: CardDraft): DraftProblems {
  const problems: DraftProblems = {};
  const filled = draft.emails.filter((e) => e.address.trim());
  if (!draft.given.trim() && !draft.surname.trim() && !draft.organization.trim() && filled.length === 0)
    problems.name = true;
  const badEmails = draft.emails
    .map((e, index) => (e.address.trim() && !EMAIL.test(e.address.trim()) ? index : -1))
    .filter((index) => index >= 0);
  if (badEmails.length > 0) problems.emails = badEmails;
  if (draft.birthday && !/^\d{4}-\d{2}-\d{2}$/.test(draft.birthday)) problems.birthday = true;
  return problems;
}

export const hasProblems = (problems: DraftProblems) => Object.keys(problems).length > 0;

/** Map keys for new entries that do not collide with kept ones: k1, k2, … (as packages/vcard does). */
function keyFor(used: Set<string>): string {
  let n = 1;
  while (used.has(`k${n}`)) n += 1;
  const key = `k${n}`;
  used.add(key);
  return key;
}

/** Rebuilds a map from the form's entries, keeping what the form does not show of existing ones. */
function rebuild<D extends { key?: string }, V extends object>(
  entries: D[],
  original: Record<string, V> | undefined,
  isEmpty: (entry: D) => boolean,
  toValue: (entry: D, previous: V | undefined) => V,
): Record<string, V> | null {
  const kept = entries.filter((entry) => !isEmpty(entry));
  if (kept.length === 0) return null;
  const used = new Set(kept.flatMap((entry) => (entry.key && original?.[entry.key] ? [entry.key] : [])));
  const map: Record<string, V> = {};
  kept.forEach((entry, index) => {
    const previous = entry.key ? original?.[entry.key] : undefined;
    const key = previous ? entry.key! : keyFor(used);
    const value = toValue(entry, previous) as V & { pref?: number };
    // Order is the preference (RFC 9553 §1.5.3): the first entry is the preferred one.
    map[key] = kept.length > 1 ? { ...value, pref: index + 1 } : (withoutPref(value) as V);
  });
  return map;
}

function withoutPref<V extends { pref?: number }>(value: V): Omit<V, 'pref'> {
  const { pref: _pref, ...rest } = value;
  return rest;
}

function withContext<V extends { contexts?: Contexts }>(value: V, context: Context): V {
  const { contexts: _contexts, ...rest } = value;
  const contexts = contextsFor(context);
  return (contexts ? { ...rest, contexts } : rest) as V;
}

function addressFromDraft(entry: DraftAddress, previous: Address | undefined): Address {
  const components = [
    ...(entry.street.trim() ? [{ kind: 'name', value: entry.street.trim() }] : []),
    ...(entry.postcode.trim() ? [{ kind: 'postcode', value: entry.postcode.trim() }] : []),
    ...(entry.locality.trim() ? [{ kind: 'locality', value: entry.locality.trim() }] : []),
    ...(entry.region.trim() ? [{ kind: 'region', value: entry.region.trim() }] : []),
    ...(entry.country.trim() ? [{ kind: 'country', value: entry.country.trim() }] : []),
  ];
  const {
    full: _full,
    components: _components,
    isOrdered: _ordered,
    defaultSeparator: _sep,
    ...rest
  } = previous ?? {};
  return withContext<Address>(
    {
      ...rest,
      '@type': 'Address',
      components,
      full: [
        entry.street,
        [entry.postcode, entry.locality].filter((s) => s.trim()).join(' '),
        entry.region,
        entry.country,
      ]
        .map((s) => s.trim())
        .filter(Boolean)
        .join(', '),
    },
    entry.context,
  );
}

/**
 * The card members the form changed, as RFC 8620 §5.3 patch values (null removes a member). Only
 * the parts of the form that differ from `original` are written, so that an edit keeps what the
 * form does not show (labels, phonetic names, vCard extras kept by packages/vcard, RFC 9555).
 */
export function draftToCardPatch(draft: CardDraft, original: Card | null): Record<string, unknown> {
  const before = original ? cardToDraft(original) : emptyDraft();
  const patch: Record<string, unknown> = {};
  const changed = <K extends keyof CardDraft>(...keys: K[]) =>
    keys.some((key) => JSON.stringify(draft[key]) !== JSON.stringify(before[key]));

  if (changed('given', 'surname')) {
    const given = draft.given.trim();
    const surname = draft.surname.trim();
    patch.name =
      given || surname
        ? {
            '@type': 'Name',
            components: [
              ...(given ? [{ kind: 'given', value: given }] : []),
              ...(surname ? [{ kind: 'surname', value: surname }] : []),
            ],
            isOrdered: true,
            full: [given, surname].filter(Boolean).join(' '),
          }
        : null;
  }
  if (changed('emails'))
    patch.emails = rebuild<DraftEmail, CardEmailAddress>(
      draft.emails,
      original?.emails,
      (e) => !e.address.trim(),
      (e, previous) =>
        withContext({ ...previous, '@type': 'EmailAddress', address: e.address.trim() }, e.context),
    );
  if (changed('phones'))
    patch.phones = rebuild<DraftPhone, Phone>(
      draft.phones,
      original?.phones,
      (p) => !p.number.trim(),
      (p, previous) => withContext({ ...previous, '@type': 'Phone', number: p.number.trim() }, p.context),
    );
  if (changed('addresses'))
    patch.addresses = rebuild<DraftAddress, Address>(
      draft.addresses,
      original?.addresses,
      (a) => ![a.street, a.locality, a.region, a.postcode, a.country].some((s) => s.trim()),
      addressFromDraft,
    );
  if (changed('organization')) {
    const [key = 'o1', previous] = Object.entries(original?.organizations ?? {})[0] ?? [];
    const name = draft.organization.trim();
    patch.organizations = name ? { [key]: { ...previous, '@type': 'Organization', name } } : null;
  }
  if (changed('title')) {
    const [key = 't1', previous] = Object.entries(original?.titles ?? {})[0] ?? [];
    const name = draft.title.trim();
    patch.titles = name ? { [key]: { ...previous, '@type': 'Title', name } } : null;
  }
  if (changed('birthday')) {
    const others = Object.entries((original?.anniversaries ?? {}) as Record<string, AnniversaryLike>).filter(
      ([, a]) => a.kind !== 'birth',
    );
    const [year, month, day] = draft.birthday.split('-').map(Number);
    const birth = draft.birthday
      ? { '@type': 'Anniversary', kind: 'birth', date: { '@type': 'PartialDate', year, month, day } }
      : null;
    const entries = [...others, ...(birth ? [['b1', birth] as const] : [])];
    patch.anniversaries = entries.length > 0 ? Object.fromEntries(entries) : null;
  }
  if (changed('note')) {
    const [key = 'n1', previous] = Object.entries(original?.notes ?? {})[0] ?? [];
    const note = draft.note.trim();
    const rest = Object.entries(original?.notes ?? {}).slice(1);
    patch.notes = note
      ? { ...Object.fromEntries(rest), [key]: { ...previous, '@type': 'Note', note } }
      : rest.length > 0
        ? Object.fromEntries(rest)
        : null;
  }
  if (changed('photo'))
    patch.media = mediaWithPhoto(original?.media as Record<string, Media> | undefined, draft.photo);
  return patch;
}

/** A new card from the form: the patch's members without the removals. */
export function draftToNewCard(draft: CardDraft): Record<string, unknown> & { '@type': 'Card' } {
  const members = Object.entries(draftToCardPatch(draft, null)).filter(([, value]) => value !== null);
  return { ...Object.fromEntries(members), '@type': 'Card', version: '1.0', kind: 'individual' };
}
