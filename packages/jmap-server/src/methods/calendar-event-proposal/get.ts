import type { CalendarEventProposal, MethodResult } from '@colibri/jmap-types';
import type { MethodContext } from '../../method-context.js';
import { getFromList } from '../shared/list-get.js';
import { PROPOSAL_PROPERTIES, listProposals } from './to-wire.js';

/**
 * CalendarEventProposal/get (urn:colibri:params:jmap:calendar-proposals): the counter-proposals
 * on the account's events, pending and answered. They live in the events, so the state is the
 * CalendarEvent state (every new or answered proposal moves it, and push tells the client).
 */
export async function calendarEventProposalGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEventProposal/get'>> {
  return getFromList<CalendarEventProposal, CalendarEventProposal>('CalendarEvent', rawArgs, ctx, {
    properties: PROPOSAL_PROPERTIES,
    list: (accountId) => listProposals(ctx.store, accountId),
    toWire: (p) => p,
  });
}
