import type { MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { getFromList } from '../shared/list-get.js';
import { CALENDAR_PROPERTIES, calendarToWire } from './to-wire.js';

/** JMAP Calendars §4.1: Calendar/get, the standard /get (RFC 8620 §5.1); owner's account only. */
export async function calendarGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Calendar/get'>> {
  return getFromList('Calendar', rawArgs, ctx, {
    properties: CALENDAR_PROPERTIES,
    list: (accountId) => ctx.store.listCalendars(accountId),
    toWire: calendarToWire,
  });
}
