import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';

/** JMAP Calendars §5.8: CalendarEvent/changes, the standard /changes over the CalendarEvent log. */
export async function calendarEventChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEvent/changes'>> {
  return changesFor('CalendarEvent', rawArgs, ctx);
}
