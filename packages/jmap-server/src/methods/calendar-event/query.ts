import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import type { CalendarEventRecord } from '@colibri/mail-store';
import { loadCalendarView } from '../calendar/access.js';
import { parseArgs } from '../shared/parse-args.js';
import { windowOf } from '../shared/query-window.js';
import { eventQueryArgsSchema } from './query-args.js';
import { visibleEvent } from './event-access.js';
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
  const view = await loadCalendarView(ctx, args.accountId);
  const accountId = view.access.accountId;
  const visible = (record: CalendarEventRecord) => visibleEvent(view, record);
  const queryState = await ctx.store.getState(accountId, 'CalendarEvent');
  const ids = await eventQueryIds(ctx, accountId, args, visible);
  return {
    accountId,
    queryState,
    canCalculateChanges: args.expandRecurrences !== true,
    ...windowOf(ids, args),
  };
}
