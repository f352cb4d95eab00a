import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { loadBookView, seesCard } from '../address-book/access.js';
import { changesFor } from '../shared/changes.js';
import { toContactCardId } from '../shared/ids.js';

/** RFC 9610 §3.2: ContactCard/changes, the standard /changes over the ContactCard log;
 * in a shared account, a card the principal may not see is reported destroyed. */
export async function contactCardChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ContactCard/changes'>> {
  return changesFor('ContactCard', rawArgs, ctx, undefined, async (ctx, accountId) => {
    const view = await loadBookView(ctx, accountId);
    const visible =
      view.access.shares === null
        ? null
        : async (ids: string[]) => {
            const wanted = ids.flatMap((id) => toContactCardId(id) ?? []);
            const records = await ctx.store.getContactCards(view.access.accountId, wanted);
            return new Set<string>(records.filter((r) => seesCard(view, r)).map((r) => r.id));
          };
    return { accountId: view.access.accountId, visible };
  });
}
