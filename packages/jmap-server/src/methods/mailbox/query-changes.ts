import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult, QueryChangesResult } from '@colibri/jmap-types';
import type { Mailbox } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import type { MailAccess } from '../../access.js';
import { requireMailAccess } from '../shared/account.js';
import { loadMailboxView } from './to-wire.js';
import { parseArgs } from '../shared/parse-args.js';
import { isCannotCalculateChanges } from '../shared/store-errors.js';
import { mailboxQueryChangesArgsSchema } from './query-args.js';
import { mailboxQueryResults, withDescendants } from './query-tree.js';

/** Reads tried before giving up when writes keep landing between the list and the log. */
const maxReads = 3;

/**
 * The account's mailboxes and the ids changed since `since`, both as of the same state: the
 * state is read before and after the list, and the log must end at that very state.
 */
async function consistentRead(
  ctx: MethodContext,
  access: MailAccess,
  since: string,
): Promise<{ all: Mailbox[]; changed: Set<string>; newState: string }> {
  const { accountId } = access;
  for (let attempt = 0; attempt < maxReads; attempt++) {
    const state = await ctx.store.getState(accountId, 'Mailbox');
    const all = [...(await loadMailboxView(ctx, access)).mailboxes.values()];
    let changes;
    try {
      changes = await ctx.store.getChanges(accountId, 'Mailbox', since);
    } catch (error) {
      if (!isCannotCalculateChanges(error)) throw error;
      throw new MethodFailure(
        MethodErrorType.CannotCalculateChanges,
        `Cannot calculate changes since query state "${since}": query again.`,
      );
    }
    if (changes.newState === state)
      return {
        all,
        changed: new Set([...changes.created, ...changes.updated, ...changes.destroyed]),
        newState: state,
      };
  }
  throw new MethodFailure(MethodErrorType.CannotCalculateChanges, 'Mailboxes are changing: query again.');
}

/**
 * RFC 8621 §2.4 / RFC 8620 §5.6: Mailbox/queryChanges, from the Mailbox change log. Every mailbox
 * changed since sinceQueryState is `removed` (§5.6 lets removed name ids that were not in the old
 * results), and those in the current results are `added` with their index. Sound because an
 * unchanged mailbox keeps its filter result and sort keys; under sortAsTree or filterAsTree those
 * also depend on its ancestors, so the descendants of changed mailboxes count as changed too.
 * `upToId` is ignored, as §5.6 allows.
 */
export async function mailboxQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Mailbox/queryChanges'>> {
  const args = parseArgs(mailboxQueryChangesArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  // Argument errors (unsupportedSort) before any read, even for an up-to-date state.
  mailboxQueryResults([], args, ctx.limits.collationAlgorithms);
  const { all, changed: logged, newState } = await consistentRead(ctx, access, args.sinceQueryState);
  const treeShaped = args.sortAsTree === true || args.filterAsTree === true;
  const changed = treeShaped ? withDescendants(all, logged) : logged;
  const results = mailboxQueryResults(all, args, ctx.limits.collationAlgorithms);
  const added = results.flatMap((mailbox, index) =>
    changed.has(mailbox.id) ? [{ id: mailbox.id, index }] : [],
  );
  const count = changed.size + added.length;
  if (args.maxChanges != null && count > args.maxChanges)
    throw new MethodFailure(
      MethodErrorType.TooManyChanges,
      `${count} changes, more than maxChanges ${args.maxChanges}.`,
    );
  const result: QueryChangesResult = {
    accountId,
    oldQueryState: args.sinceQueryState,
    newQueryState: newState,
    removed: [...changed],
    added,
  };
  if (args.calculateTotal === true) result.total = results.length;
  return result;
}
