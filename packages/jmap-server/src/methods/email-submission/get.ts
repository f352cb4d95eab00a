import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireAccount } from '../shared/account.js';
import { pick, requestedIds, selectProperties } from '../shared/get-helpers.js';
import { toEmailSubmissionId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema } from '../shared/schemas.js';
import { SUBMISSION_PROPERTIES, clientSubmissions, submissionToWire } from './to-wire.js';

/** RFC 8621 §7.1: EmailSubmission/get, the standard /get (RFC 8620 §5.1). */
export async function emailSubmissionGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'EmailSubmission/get'>> {
  const args = parseArgs(getArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const properties = selectProperties(args.properties, SUBMISSION_PROPERTIES, SUBMISSION_PROPERTIES);
  const ids = requestedIds(args.ids, ctx);

  // The state first: a write landing in between makes the client refetch rather than miss it.
  const state = await ctx.store.getState(accountId, 'EmailSubmission');
  const storeIds = ids?.flatMap((id) => toEmailSubmissionId(id) ?? []);
  const all = await clientSubmissions(ctx.store, accountId, storeIds);
  // RFC 8620 §5.1: ids null is every submission, allowed only below maxObjectsInGet.
  if (ids === null && all.length > ctx.limits.maxObjectsInGet)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `More than ${ctx.limits.maxObjectsInGet} submissions: ask for ids.`,
    );
  const found = all;
  const foundIds = new Set<string>(found.map((s) => s.id));
  return {
    accountId,
    state,
    list: found.map((submission) => pick(submissionToWire(submission), properties)),
    notFound: ids === null ? [] : ids.filter((id) => !foundIds.has(id)),
  };
}
