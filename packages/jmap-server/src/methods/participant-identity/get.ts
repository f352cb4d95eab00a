import type { MethodResult, ParticipantIdentity, ParticipantIdentityProperty } from '@colibri/jmap-types';
import type { Identity } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import { loadCalendarView } from '../calendar/access.js';
import { changesFor } from '../shared/changes.js';
import { getFromList } from '../shared/list-get.js';

const PROPERTIES: readonly ParticipantIdentityProperty[] = ['id', 'name', 'calendarAddress', 'isDefault'];

/** The account's mail identities as participant identities: the default one is the account's own address. */
function toParticipantIdentity(identity: Identity): ParticipantIdentity {
  return {
    id: identity.id,
    name: identity.name,
    calendarAddress: `mailto:${identity.email}`,
    isDefault: !identity.mayDelete,
  };
}

/**
 * JMAP Calendars §3.1: ParticipantIdentity/get, from the account's identities (RFC 8621 §6): an
 * address the user may send from is one they may take part as. The state is the Identity state,
 * which every identity write moves.
 */
export async function participantIdentityGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ParticipantIdentity/get'>> {
  return getFromList('Identity', rawArgs, ctx, {
    properties: PROPERTIES,
    // In an account with calendars shared with the user, the owner's identities: a delegate with
    // mayRSVP answers as one of them (JMAP Calendars §4).
    authorise: async (ctx, accountId) => (await loadCalendarView(ctx, accountId)).access.accountId,
    list: (accountId) => ctx.store.listIdentities(accountId),
    toWire: toParticipantIdentity,
  });
}

/** JMAP Calendars §3.2: ParticipantIdentity/changes, from the Identity log (the same objects). */
export async function participantIdentityChanges(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'ParticipantIdentity/changes'>> {
  return changesFor('Identity', rawArgs, ctx, undefined, async (ctx, accountId) => ({
    accountId: (await loadCalendarView(ctx, accountId)).access.accountId,
    visible: null,
  }));
}
