import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { loadCalendarView } from '../calendar/access.js';
import { changesFor } from '../shared/changes.js';
import { visibleEvent } from './event-access.js';

/** JMAP Calendars §5.8: CalendarEvent/changes, the standard /changes over the CalendarEvent log;
 * in a shared account, an event the principal may not see is reported destroyed. */
export async function calendarEventChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEvent/changes'>> {
  return changesFor('CalendarEvent', rawArgs, ctx, undefined, async (ctx, accountId) => {
    const view = await loadCalendarView(ctx, accountId);
    const visible =
      view.access.shares === null
        ? null
        : async (ids: string[]) => {
            const records = await ctx.store.getCalendarEvents(view.access.accountId, ids);
            return new Set(records.filter((r) => visibleEvent(view, r) !== null).map((r) => r.id));
          };
    return { accountId: view.access.accountId, visible };
  });
}
