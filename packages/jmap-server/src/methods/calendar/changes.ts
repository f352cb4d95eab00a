import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { changesFor } from '../shared/changes.js';

/**
 * JMAP Calendars §4.2: Calendar/changes, the standard /changes (RFC 8620 §5.2) over the Calendar
 * log. `updatedProperties` is null: the log does not say which properties moved.
 */
export async function calendarChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Calendar/changes'>> {
  return { ...(await changesFor('Calendar', rawArgs, ctx)), updatedProperties: null };
}
