import { randomUUID } from 'node:crypto';
import type { SetError } from '@colibri/jmap-types';
import type { AddressBookId, ContactCardInput } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { resolveId } from '../shared/creation-ids.js';
import { toAddressBookId } from '../shared/ids.js';
import { cardIndex } from './card-index.js';
import { cardJsonOf } from './to-wire.js';
import { invalidCardProperties } from './validate-card.js';

/**
 * RFC 9610 §3: a ContactCard's `addressBookIds`, Id (or `#creationId`) -> true. Unknown ids are
 * left for the store to refuse (notFound -> invalidProperties).
 */
function bookIdsOf(ctx: MethodContext, value: unknown): AddressBookId[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const ids: AddressBookId[] = [];
  for (const [key, flag] of Object.entries(value)) {
    if (flag !== true) return null;
    const id = toAddressBookId(resolveId(ctx, key) ?? '');
    if (id === null) return null;
    ids.push(id);
  }
  return ids;
}

/**
 * A card from the wire, checked (RFC 9553) and turned into what the store keeps. On create,
 * `@type`, `version` and `uid` get their defaults when absent (RFC 9610 §3: the server assigns a
 * uid), and no addressBookIds means the default book. `id` is server-set.
 */
export function cardInput(
  ctx: MethodContext,
  wire: Record<string, unknown>,
  creating: boolean,
): { input: ContactCardInput; card: Record<string, unknown>; defaults: Record<string, unknown> } | SetError {
  const defaults: Record<string, unknown> = {};
  const card = { ...wire };
  if (creating) {
    if ('id' in card) return { type: 'invalidProperties', properties: ['id'] };
    if (card['@type'] === undefined) card['@type'] = 'Card';
    if (card.version === undefined) card.version = '1.0';
    if (card.uid === undefined) defaults.uid = card.uid = `urn:uuid:${randomUUID()}`;
  }
  const bad = invalidCardProperties(card);
  let books: AddressBookId[] = [];
  if (card.addressBookIds !== undefined) {
    const ids = bookIdsOf(ctx, card.addressBookIds);
    if (ids === null || (!creating && ids.length === 0)) bad.push('addressBookIds');
    else books = ids;
  } else if (!creating) bad.push('addressBookIds');
  if (bad.length > 0) return { type: 'invalidProperties', properties: bad };
  return { input: { addressBookIds: books, json: cardJsonOf(card), index: cardIndex(card) }, card, defaults };
}
