import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { getFromList } from '../shared/list-get.js';
import { addressBooksOf } from './extra-books.js';
import { ADDRESS_BOOK_PROPERTIES } from './to-wire.js';

/** RFC 9610 §2.1: AddressBook/get, the standard /get; the default book exists from the first call. */
export async function addressBookGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'AddressBook/get'>> {
  return getFromList('AddressBook', rawArgs, ctx, {
    properties: ADDRESS_BOOK_PROPERTIES,
    list: (accountId) => addressBooksOf(ctx, accountId),
    toWire: (book) => book,
  });
}
