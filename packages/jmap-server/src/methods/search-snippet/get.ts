import { z } from 'zod';
import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult } from '@colibri/jmap-types';
import type { EmailId } from '@colibri/mail-store';
import { maxSnippetEmails, StoreError } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';
import { visibleEmailIds } from '../shared/mail-visibility.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';
import { toEmailId } from '../shared/ids.js';
import { filterSchema } from '../email/query-args.js';
import { toStoreFilter } from '../email/query-filter.js';

/** RFC 8621 §5.1: the SearchSnippet/get arguments. */
const argsSchema = z.strictObject({
  accountId: idSchema,
  filter: filterSchema.nullable().optional(),
  emailIds: z.array(idSchema),
});

/**
 * RFC 8621 §5.1: SearchSnippet/get. For each email, its subject and a preview with the filter's
 * text/subject/body terms in <mark></mark> (HTML-escaped otherwise), null where nothing matched.
 * More emailIds than maxObjectsInGet (or the store's cap) is requestTooLarge.
 */
export async function searchSnippetGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'SearchSnippet/get'>> {
  const args = parseArgs(argsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const cap = Math.min(ctx.limits.maxObjectsInGet, maxSnippetEmails);
  if (args.emailIds.length > cap)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${cap} emailIds per SearchSnippet/get.`,
    );
  const ids = [...new Set(args.emailIds)];
  const known: EmailId[] = [];
  const notFound: string[] = [];
  for (const id of ids) {
    const emailId = toEmailId(id);
    if (emailId === null) notFound.push(id);
    else known.push(emailId);
  }
  if (access.shares !== null) {
    // A sharee gets snippets only of what they may read; the rest is not found (RFC 9670).
    const visible = await visibleEmailIds(ctx, access, known);
    notFound.push(...known.filter((id) => !visible.has(id)));
    known.splice(0, known.length, ...known.filter((id) => visible.has(id)));
  }
  try {
    const snippets = await ctx.store.getSearchSnippets(accountId, toStoreFilter(args.filter), known);
    notFound.push(...snippets.notFound);
    return {
      accountId,
      list: snippets.list.map(({ emailId, subject, preview }) => ({ emailId, subject, preview })),
      notFound: notFound.length === 0 ? null : notFound,
    };
  } catch (error) {
    if (error instanceof StoreError && error.code === 'invalid')
      throw new MethodFailure(MethodErrorType.InvalidArguments, error.message);
    throw error;
  }
}
