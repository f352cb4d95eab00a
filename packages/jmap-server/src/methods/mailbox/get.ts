import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireMailAccess } from '../shared/account.js';
import { pick, requestedIds, selectProperties } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';
import { COUNT_PROPERTIES, MAILBOX_PROPERTIES, loadMailboxView, mailboxToWire } from './to-wire.js';

/** RFC 8621 §2.1: Mailbox/get, the standard /get (RFC 8620 §5.1) over the account's mailboxes. */
export async function mailboxGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Mailbox/get'>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const properties = selectProperties(args.properties, MAILBOX_PROPERTIES, MAILBOX_PROPERTIES);
  const ids = requestedIds(args.ids, ctx);

  // Read the state first: if a write lands in between, the client refetches rather than misses it.
  const state = await ctx.store.getState(accountId, 'Mailbox');
  const view = await loadMailboxView(ctx, access);
  const byId = view.mailboxes;
  const all = [...byId.values()];
  const found = ids === null ? all : ids.flatMap((id) => byId.get(id) ?? []);
  const notFound = ids === null ? [] : ids.filter((id) => !byId.has(id));

  const needsCounts = properties.some((property) => COUNT_PROPERTIES.includes(property));
  const counts =
    needsCounts && found.length > 0
      ? await ctx.store.getMailboxCounts(
          accountId,
          found.map((m) => m.id),
        )
      : new Map();
  const list = found.map((mailbox) => pick(mailboxToWire(view, mailbox, counts.get(mailbox.id)), properties));
  return { accountId, state, list, notFound };
}
