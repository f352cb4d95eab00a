import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { seesCollection } from '../../collection-access.js';
import { changesFor, type ReachCollection } from '../shared/changes.js';
import { loadCalendarView } from './access.js';

/**
 * JMAP Calendars §4.2: Calendar/changes, the standard /changes (RFC 8620 §5.2) over the Calendar
 * log. `updatedProperties` is null: the log does not say which properties moved.
 */
export async function calendarChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Calendar/changes'>> {
  const reach: ReachCollection = async (ctx, accountId) => {
    const view = await loadCalendarView(ctx, accountId);
    return {
      accountId: view.access.accountId,
      visible:
        view.access.shares === null
          ? null
          : async (ids) => new Set(ids.filter((id) => seesCollection(view.access, id))),
    };
  };
  return { ...(await changesFor('Calendar', rawArgs, ctx, undefined, reach)), updatedProperties: null };
}
