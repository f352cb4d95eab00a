import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { windowOf } from '../shared/query-window.js';
import { eventQueryArgsSchema } from './query-args.js';
import { eventQueryIds } from './query-results.js';

/**
 * JMAP Calendars §5.11: CalendarEvent/query, the standard /query (RFC 8620 §5.5). With
 * expandRecurrences the ids are those of the occurrences in [after, before) (CalendarEvent/get
 * takes them), in which case queryChanges cannot follow (canCalculateChanges false). Floating
 * times are placed in `timeZone` (default Etc/UTC).
 */
export async function calendarEventQuery(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEvent/query'>> {
  const args = parseArgs(eventQueryArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const queryState = await ctx.store.getState(accountId, 'CalendarEvent');
  const ids = await eventQueryIds(ctx, accountId, args);
  return {
    accountId,
    queryState,
    canCalculateChanges: args.expandRecurrences !== true,
    ...windowOf(ids, args),
  };
}
