import type { ContactCard } from '@colibri/jmap-types';
import type {
  AddressBookId,
  ContactCardRecord,
  ContactCondition,
  ContactContains,
  ContactFilter,
  ContactTextField,
} from '@colibri/mail-store';
import { contactTextFields } from '@colibri/mail-store';
import type { Filter } from '../shared/in-memory-query.js';
import { cardFields, emailsOf } from './card-index.js';
import type { ContactCardCondition } from './query-args.js';

/** RFC 9610 §3.3: each text condition and the fields it looks into (`text`: all of them). */
const textConditions: readonly [keyof ContactCardCondition, readonly ContactTextField[]][] = [
  ['text', contactTextFields],
  ['name', ['name']],
  ['name/given', ['given']],
  ['name/surname', ['surname']],
  ['name/surname2', ['surname2']],
  ['nickname', ['nickname']],
  ['organization', ['organization']],
  ['email', ['email']],
  ['phone', ['phone']],
  ['onlineService', ['onlineService']],
  ['address', ['address']],
  ['note', ['note']],
];

const dateOf = (value: string | undefined) => (value === undefined ? undefined : new Date(Date.parse(value)));

/** A wire FilterCondition as the store's (every condition answered in SQL). */
function toStoreCondition(q: ContactCardCondition): ContactCondition {
  const contains: ContactContains[] = [];
  for (const [key, fields] of textConditions) {
    const value = q[key];
    if (value !== undefined) contains.push({ fields, value });
  }
  const condition: ContactCondition = {
    inAddressBook: q.inAddressBook as AddressBookId | undefined,
    uid: q.uid,
    hasMember: q.hasMember,
    kind: q.kind,
    createdBefore: dateOf(q.createdBefore),
    createdAfter: dateOf(q.createdAfter),
    updatedBefore: dateOf(q.updatedBefore),
    updatedAfter: dateOf(q.updatedAfter),
    contains,
    prefix: q.prefix,
  };
  return Object.fromEntries(Object.entries(condition).filter(([, v]) => v !== undefined)) as ContactCondition;
}

/** RFC 8620 §5.5: the wire filter as the store's, operators kept. */
export function toStoreFilter(filter: Filter<ContactCardCondition>): ContactFilter {
  if ('operator' in filter && Array.isArray(filter.conditions))
    return { operator: filter.operator, conditions: filter.conditions.map(toStoreFilter) };
  return toStoreCondition(filter as ContactCardCondition);
}

/** RFC 9610 §3.3: a value contains the string, case-insensitively. */
const contains = (values: readonly string[], wanted: string) => {
  const needle = wanted.toLowerCase();
  return values.some((v) => v.toLowerCase().includes(needle));
};

/** A card's own created/updated, else the record's (as the store compares them). */
function timeOf(record: ContactCardRecord, card: ContactCard, which: 'created' | 'updated'): number {
  const own = card[which];
  const parsed = typeof own === 'string' ? Date.parse(own) : NaN;
  if (!Number.isNaN(parsed)) return parsed;
  return +(which === 'created' ? record.createdAt : record.updatedAt);
}

/** The store's `prefix`: every word starts a word of the card, or an email address starts with it. */
function prefixMatches(card: Record<string, unknown>, prefix: string): boolean {
  const email = prefix.trim().toLowerCase();
  if (email !== '' && emailsOf(card).some((e) => e.toLowerCase().startsWith(email))) return true;
  const wanted = prefix.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (wanted === null) return false;
  const fields = cardFields(card);
  const words =
    [...fields.name, ...fields.nickname, ...fields.organization, ...fields.email]
      .join(' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return wanted.every((w) => words.some((word) => word.startsWith(w)));
}

/**
 * The same condition over a card held in memory (the directory's cards, which the store does not
 * keep), with the store's semantics.
 */
export function matchesInMemory(
  record: ContactCardRecord,
  card: ContactCard,
  q: ContactCardCondition,
): boolean {
  const json = card as Record<string, unknown>;
  if (q.inAddressBook !== undefined && !record.addressBookIds.includes(q.inAddressBook as AddressBookId))
    return false;
  if (q.uid !== undefined && record.uid !== q.uid) return false;
  if (q.hasMember !== undefined && card.members?.[q.hasMember] !== true) return false;
  if (q.kind !== undefined && record.kind !== q.kind) return false;
  const created = timeOf(record, card, 'created');
  const updated = timeOf(record, card, 'updated');
  if (q.createdBefore !== undefined && !(created < Date.parse(q.createdBefore))) return false;
  if (q.createdAfter !== undefined && !(created >= Date.parse(q.createdAfter))) return false;
  if (q.updatedBefore !== undefined && !(updated < Date.parse(q.updatedBefore))) return false;
  if (q.updatedAfter !== undefined && !(updated >= Date.parse(q.updatedAfter))) return false;
  const fields = cardFields(json);
  for (const [key, names] of textConditions) {
    const value = q[key];
    if (
      value !== undefined &&
      !contains(
        names.flatMap((n) => fields[n]),
        value,
      )
    )
      return false;
  }
  if (q.prefix !== undefined && !prefixMatches(json, q.prefix)) return false;
  return true;
}
