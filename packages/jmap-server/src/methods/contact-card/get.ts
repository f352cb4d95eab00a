import type { ContactCard, MethodResult } from '@colibri/jmap-types';
import type { ContactCardId } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { loadBookView, seesCard } from '../address-book/access.js';
import { requestedIds } from '../shared/get-helpers.js';
import { toContactCardId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';
import { directoryOf } from './directory.js';
import { contactCardToWire } from './to-wire.js';

/**
 * RFC 9610 §3.1: ContactCard/get, the standard /get. A Card may have any JSContact property, so
 * `properties` names any of them (a property the card lacks is simply absent); `id` always comes.
 * The organisation directory's cards come too, after the account's own.
 */
export async function contactCardGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ContactCard/get'>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const view = await loadBookView(ctx, args.accountId);
  const accountId = view.access.accountId;
  const ids = requestedIds(args.ids, ctx);
  const state = await ctx.store.getState(accountId, 'ContactCard');
  const wanted = ids?.flatMap((id) => toContactCardId(id) ?? []) as ContactCardId[] | undefined;
  // RFC 9610 §2 mayRead: in a shared account, only the cards of books shared with the principal.
  // The organisation directory's cards are read like the owner's own (issue 7); a sharee sees the
  // directory in its own account.
  const directory = view.access.shares === null ? ((await directoryOf(ctx, accountId))?.cards ?? []) : [];
  let records = [
    ...(await ctx.store.getContactCards(accountId, wanted)).filter((r) => seesCard(view, r)),
    ...(ids === null ? directory : directory.filter((c) => ids.includes(c.id))),
  ];
  if (ids === null) records = records.slice(0, ctx.limits.maxObjectsInGet);
  const found = new Set<string>(records.map((r) => r.id));
  const properties = args.properties == null ? null : [...new Set(['id', ...args.properties])];
  const list = records.map((record) => {
    const card = contactCardToWire(record);
    if (properties === null) return card;
    const picked: Partial<ContactCard> = {};
    for (const p of properties) if (Object.hasOwn(card, p)) picked[p] = card[p];
    return picked;
  });
  return { accountId, state, list, notFound: ids === null ? [] : ids.filter((id) => !found.has(id)) };
}
