import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { changesArgsSchema } from '../shared/schemas.js';
import { applyChanges, diffQuotas } from './diff.js';
import { currentQuotas, snapshotSince, quotaState } from './quotas.js';

/**
 * RFC 9425 §4.3: Quota/changes, the standard /changes (RFC 8620 §5.2) plus `updatedProperties`:
 * ["used"] when only usage changed. The state is the snapshot (see `quotaState`), so the
 * changes are the difference between the client's snapshot and the current one.
 */
export async function quotaChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Quota/changes'>> {
  const args = parseArgs(changesArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const since = snapshotSince(args.sinceState);
  const now = await currentQuotas(ctx.store, accountId);
  const all = diffQuotas(since, now);
  const changes = args.maxChanges == null ? all : all.slice(0, args.maxChanges);
  const pick = (kind: string) => changes.filter((change) => change.kind === kind).map((change) => change.id);
  const updated = pick('updated');
  const usedOnly =
    updated.length > 0 && changes.every((change) => change.kind === 'updated' && change.usedOnly);
  return {
    accountId,
    oldState: args.sinceState,
    newState: quotaState(changes.length === all.length ? now : applyChanges(since, now, changes)),
    hasMoreChanges: changes.length < all.length,
    created: pick('created'),
    updated,
    destroyed: pick('destroyed'),
    updatedProperties: usedOnly ? ['used'] : null,
  };
}
