import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { getFromList } from '../shared/list-get.js';
import { loadBookView, type BookView } from './access.js';
import { addressBooksOf } from './extra-books.js';
import { ADDRESS_BOOK_PROPERTIES } from './to-wire.js';

/** RFC 9610 §2.1: AddressBook/get, the standard /get; the default book exists from the first call;
 * in a shared account, the books shared with the principal, with their rights (RFC 9670). */
export async function addressBookGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'AddressBook/get'>> {
  let view: BookView | null = null;
  return getFromList('AddressBook', rawArgs, ctx, {
    properties: ADDRESS_BOOK_PROPERTIES,
    authorise: async (ctx, accountId) => {
      view = await loadBookView(ctx, accountId);
      return view.access.accountId;
    },
    list: () => addressBooksOf(ctx, view!),
    toWire: (book) => book,
  });
}
