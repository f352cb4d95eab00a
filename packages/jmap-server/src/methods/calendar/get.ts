import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { getFromList } from '../shared/list-get.js';
import { calendarRights, loadCalendarView, visibleCalendars, type CalendarView } from './access.js';
import { CALENDAR_PROPERTIES, calendarToWire } from './to-wire.js';

/** JMAP Calendars §4.1: Calendar/get, the standard /get (RFC 8620 §5.1): in a shared account, the calendars
 * shared with the principal, with their rights (RFC 9670). */
export async function calendarGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Calendar/get'>> {
  let view: CalendarView | null = null;
  return getFromList('Calendar', rawArgs, ctx, {
    properties: CALENDAR_PROPERTIES,
    authorise: async (ctx, accountId) => {
      view = await loadCalendarView(ctx, accountId);
      return view.access.accountId;
    },
    list: () => visibleCalendars(ctx, view!),
    toWire: (calendar) =>
      calendarToWire(calendar, {
        rights: calendarRights(view!, calendar.id),
        shareWith: view!.shareWith.get(calendar.id),
      }),
  });
}
