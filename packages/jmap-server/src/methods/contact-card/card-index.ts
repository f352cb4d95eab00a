import type { ContactCardIndex, ContactTextField } from '@colibri/mail-store';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The objects of a card's Id-keyed map property (emails, phones...). */
export function entriesOf(card: Json, property: string): Json[] {
  const map = card[property];
  return isObject(map) ? Object.values(map).filter(isObject) : [];
}

/** The values of the name components of a kind (RFC 9553 §2.2.1.2). */
export function nameComponents(card: Json, kind: string): string[] {
  const name = card.name;
  if (!isObject(name) || !Array.isArray(name.components)) return [];
  return name.components.flatMap((c: unknown) =>
    isObject(c) && c.kind === kind && typeof c.value === 'string' ? [c.value] : [],
  );
}

/** Every string of the card's name: its full form and components. */
export function nameText(card: Json): string[] {
  const name = card.name;
  if (!isObject(name)) return [];
  const parts = Array.isArray(name.components)
    ? name.components.flatMap((c: unknown) =>
        isObject(c) && c.kind !== 'separator' && typeof c.value === 'string' ? [c.value] : [],
      )
    : [];
  return [...(typeof name.full === 'string' ? [name.full] : []), ...parts];
}

const strings = (objects: Json[], key: string): string[] =>
  objects.flatMap((o) => (typeof o[key] === 'string' ? [o[key] as string] : []));

export const emailsOf = (card: Json): string[] => strings(entriesOf(card, 'emails'), 'address');
export const phonesOf = (card: Json): string[] => strings(entriesOf(card, 'phones'), 'number');
export const nicknamesOf = (card: Json): string[] => strings(entriesOf(card, 'nicknames'), 'name');
export function organizationsOf(card: Json): string[] {
  return entriesOf(card, 'organizations').flatMap((o) => [
    ...(typeof o.name === 'string' ? [o.name] : []),
    ...(Array.isArray(o.units)
      ? o.units.flatMap((u: unknown) => (isObject(u) && typeof u.name === 'string' ? [u.name] : []))
      : []),
  ]);
}

const strings2 = (objects: Json[], keys: string[]) =>
  objects.flatMap((o) => keys.flatMap((k) => (typeof o[k] === 'string' ? [o[k] as string] : [])));

/** An address's full form, component values and country code (RFC 9610 §3.3 `address`). */
export function addressText(card: Json): string[] {
  return entriesOf(card, 'addresses').flatMap((a) => [
    ...(typeof a.full === 'string' ? [a.full] : []),
    ...(Array.isArray(a.components) ? strings2(a.components.filter(isObject), ['value']) : []),
    ...(typeof a.countryCode === 'string' ? [a.countryCode] : []),
  ]);
}

export const onlineText = (card: Json): string[] =>
  strings2(entriesOf(card, 'onlineServices'), ['service', 'uri', 'user']);
export const notesText = (card: Json): string[] => strings2(entriesOf(card, 'notes'), ['note']);
export const titlesText = (card: Json): string[] => strings2(entriesOf(card, 'titles'), ['name']);

/** The values of each field RFC 9610 §3.3's text conditions look into. */
export function cardFields(card: Json): Record<ContactTextField, string[]> {
  return {
    name: nameText(card),
    given: nameComponents(card, 'given'),
    surname: nameComponents(card, 'surname'),
    surname2: nameComponents(card, 'surname2'),
    nickname: nicknamesOf(card),
    organization: organizationsOf(card),
    title: titlesText(card),
    email: emailsOf(card),
    phone: phonesOf(card),
    onlineService: onlineText(card),
    address: addressText(card),
    note: notesText(card),
  };
}

function dateOf(value: unknown): Date | null {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? null : new Date(time);
}

/** What the store indexes of a valid card (its uid, kind, sort name, addresses and words). */
export function cardIndex(card: Json): ContactCardIndex {
  const surname = nameComponents(card, 'surname').join(' ');
  const given = nameComponents(card, 'given').join(' ');
  const full = isObject(card.name) && typeof card.name.full === 'string' ? card.name.full : '';
  const emails = emailsOf(card);
  const sortName =
    [surname, given].filter(Boolean).join(' ') || full || organizationsOf(card)[0] || emails[0] || '';
  return {
    uid: card.uid as string,
    kind: typeof card.kind === 'string' ? card.kind : 'individual',
    sortName: sortName.toLowerCase(),
    emails,
    phones: phonesOf(card),
    text: [...nameText(card), ...nicknamesOf(card), ...organizationsOf(card)].join(' '),
    fields: cardFields(card),
    members: isObject(card.members)
      ? Object.entries(card.members).flatMap(([uid, flag]) => (flag === true ? [uid] : []))
      : [],
    created: dateOf(card.created),
    updated: dateOf(card.updated),
  };
}
