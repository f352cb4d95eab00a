import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { seesCollection } from '../../collection-access.js';
import { changesFor } from '../shared/changes.js';
import { loadBookView } from './access.js';

/** RFC 9610 §2.2: AddressBook/changes, the standard /changes over the AddressBook log. */
export async function addressBookChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'AddressBook/changes'>> {
  return changesFor('AddressBook', rawArgs, ctx, undefined, async (ctx, accountId) => {
    const view = await loadBookView(ctx, accountId);
    return {
      accountId: view.access.accountId,
      visible:
        view.access.shares === null
          ? null
          : async (ids) => new Set(ids.filter((id) => seesCollection(view.access, id))),
    };
  });
}
