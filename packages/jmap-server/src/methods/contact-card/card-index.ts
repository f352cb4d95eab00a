import type { ContactCardIndex } from '@colibri/mail-store';

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
  };
}
