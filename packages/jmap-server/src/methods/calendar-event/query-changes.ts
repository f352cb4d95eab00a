import { MethodErrorType } from '@colibri/jmap-types';
import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import type { CalendarEventRecord } from '@colibri/mail-store';
import { loadCalendarView } from '../calendar/access.js';
import { queryChangesFromLog } from '../shared/log-query-changes.js';
import { parseArgs } from '../shared/parse-args.js';
import { eventQueryChangesArgsSchema } from './query-args.js';
import { visibleEvent } from './event-access.js';
import { eventQueryIds } from './query-results.js';

/**
 * JMAP Calendars §5.12: CalendarEvent/queryChanges (RFC 8620 §5.6) from the CalendarEvent log: an
 * event's place depends on its own properties only, so every changed event is removed and those
 * now in the results added. An expanded query cannot be followed (the old occurrence ids of a
 * changed event are not known): cannotCalculateChanges.
 */
export async function calendarEventQueryChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEvent/queryChanges'>> {
  const args = parseArgs(eventQueryChangesArgsSchema, rawArgs);
  const view = await loadCalendarView(ctx, args.accountId);
  const accountId = view.access.accountId;
  const visible = (record: CalendarEventRecord) => visibleEvent(view, record);
  if (args.expandRecurrences === true)
    throw new MethodFailure(
      MethodErrorType.CannotCalculateChanges,
      'The changes of an expanded query cannot be calculated: query again.',
    );
  return queryChangesFromLog(ctx, accountId, 'CalendarEvent', args, () =>
    eventQueryIds(ctx, accountId, args, visible),
  );
}
