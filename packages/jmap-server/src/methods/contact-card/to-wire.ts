import type { ContactCard } from '@colibri/jmap-types';
import type { ContactCardRecord } from '@colibri/mail-store';

/** RFC 9610 §3: the stored card with its id and the books it is in. */
export function contactCardToWire(record: ContactCardRecord): ContactCard {
  const card = JSON.parse(record.json) as ContactCard;
  return {
    ...card,
    id: record.id,
    addressBookIds: Object.fromEntries(record.addressBookIds.map((id) => [id, true])),
  };
}

/** The card as the store keeps it: everything but the JMAP properties. */
export function cardJsonOf(card: Record<string, unknown>): string {
  const { id: _id, addressBookIds: _books, ...rest } = card;
  return JSON.stringify(rest);
}
