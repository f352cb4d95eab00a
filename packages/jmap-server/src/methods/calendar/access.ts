import type { CalendarRights } from '@colibri/jmap-types';
import type { AccountId, Calendar } from '@colibri/mail-store';
import { collectionRights, seesCollection, type CollectionAccess } from '../../collection-access.js';
import type { MethodContext } from '../../method-context.js';
import { requireCollectionAccess } from '../shared/account.js';

/** The principal's view of an account's calendars: their access, and who each is shared with. */
export interface CalendarView {
  access: CollectionAccess<'calendar'>;
  /** RFC 9670 §4 shareWith, by calendar id (only calendars shared with someone). */
  shareWith: Map<string, Record<string, CalendarRights>>;
}

/** Checks the principal may reach the account's calendars (RFC 9670), and loads who shares what. */
export async function loadCalendarView(ctx: MethodContext, accountId: string): Promise<CalendarView> {
  const access = await requireCollectionAccess(ctx, accountId, 'calendar');
  const shareWith = new Map<string, Record<string, CalendarRights>>();
  for (const share of await ctx.store.listCollectionShares(access.accountId, 'calendar'))
    shareWith.set(share.collectionId, {
      ...shareWith.get(share.collectionId),
      [share.granteeId]: share.rights,
    });
  return { access, shareWith };
}

/** The account's calendars the principal sees (all of them for the owner). */
export async function visibleCalendars(ctx: MethodContext, view: CalendarView): Promise<Calendar[]> {
  return (await ctx.store.listCalendars(view.access.accountId)).filter((c) =>
    seesCollection(view.access, c.id),
  );
}

/** The principal's rights on a calendar of the account. */
export function calendarRights(view: CalendarView, calendarId: string): CalendarRights {
  return { ...collectionRights(view.access, calendarId) };
}

export const accountOf = (view: CalendarView): AccountId => view.access.accountId;
