import type { CalendarEventProposal, MethodResult, SetError } from '@colibri/jmap-types';
import { acceptCounter, declineCounter, planCounter } from '@colibri/icalendar';
import type { JSCalendarEvent, SchedulingError } from '@colibri/icalendar';
import type { AccountId } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { ownAddressIn } from '../../scheduling/addresses.js';
import type { SchedulingHost } from '../../scheduling/deliver.js';
import { routeMessages, utcNow, writeCopy } from '../../scheduling/deliver.js';
import {
  addProposal,
  markProposal,
  newProposalId,
  proposalsOf,
  withProposals,
} from '../../scheduling/proposals.js';
import type { StoredProposal } from '../../scheduling/proposals.js';
import { firstSpan } from '../calendar-event/event-times.js';
import { toCalendarEventId } from '../shared/ids.js';
import { beginSet } from '../shared/set-helpers.js';
import { applySetItems, setResponse } from '../shared/set-loop.js';
import { invalidProperties } from '../shared/set-properties.js';
import { proposalWireId, splitProposalId } from './to-wire.js';

/** The longest comment a proposal or a refusal carries (RFC 5546 COMMENT). */
export const MAX_PROPOSAL_COMMENT_CHARS = 2000;

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
const createSchema = z.strictObject({
  calendarEventId: z.string().min(1),
  recurrenceId: localDateTime.nullable().optional(),
  start: localDateTime,
  duration: z.string().regex(/^-?P/).optional(),
  timeZone: z.string().min(1).max(100).nullable().optional(),
  comment: z.string().max(MAX_PROPOSAL_COMMENT_CHARS).nullable().optional(),
});
const updateSchema = z.strictObject({
  status: z.enum(['accepted', 'declined']),
  comment: z.string().max(MAX_PROPOSAL_COMMENT_CHARS).nullable().optional(),
});

/** The engine's refusals as SetErrors. */
function schedulingError(error: SchedulingError, property: string): SetError {
  if (error.code === 'forbidden') return { type: 'forbidden', description: error.reason };
  return invalidProperties([property], error.reason);
}

const zodProperties = (error: z.ZodError): string[] => [
  ...new Set(error.issues.map((i) => String(i.path[0] ?? 'arguments'))),
];

/** An attendee proposes a new time: kept on their copy, sent to the organizer as a COUNTER. */
async function propose(
  host: SchedulingHost,
  accountId: AccountId,
  values: Record<string, unknown>,
): Promise<{ created: Partial<CalendarEventProposal> } | { error: SetError }> {
  const parsed = createSchema.safeParse(values);
  if (!parsed.success) {
    const properties = zodProperties(parsed.error);
    return { error: invalidProperties(properties, `Invalid properties: ${properties.join(', ')}.`) };
  }
  const input = parsed.data;
  const eventId = toCalendarEventId(input.calendarEventId);
  const [record] = eventId ? await host.store.getCalendarEvents(accountId, [eventId]) : [];
  if (!record) return { error: invalidProperties(['calendarEventId'], 'No such event in this account.') };
  const event = record.data as unknown as JSCalendarEvent;
  const me = await ownAddressIn(host.store, accountId, event);
  if (!me || me.isOrganizer)
    return {
      error: {
        type: 'forbidden',
        description: me
          ? 'The organizer changes the event instead.'
          : 'You are not a participant of this event.',
      },
    };
  const planned = planCounter(event, me.address, {
    start: input.start,
    ...(input.recurrenceId ? { recurrenceId: input.recurrenceId } : {}),
    ...(input.duration !== undefined ? { duration: input.duration } : {}),
    ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
    ...(input.comment ? { comment: input.comment } : {}),
  });
  if (!planned.ok) return { error: schedulingError(planned.error, 'start') };
  const timeZone = input.timeZone === undefined ? (event.timeZone ?? null) : input.timeZone;
  const duration = input.duration ?? event.duration ?? 'PT0S';
  const span = firstSpan({ ...event, start: input.start, duration, timeZone }, 'Etc/UTC');
  const stored: StoredProposal = {
    id: newProposalId(),
    uid: event.uid,
    from: me.address,
    ...(input.recurrenceId ? { recurrenceId: input.recurrenceId } : {}),
    start: input.start,
    timeZone,
    duration,
    utcStart: utcNow(span.utcStart),
    utcEnd: utcNow(span.utcEnd),
    ...(input.comment ? { comment: input.comment } : {}),
    sequence: event.sequence ?? 0,
    dtstamp: utcNow(),
    status: 'pending',
  };
  await writeCopy(host, accountId, record, addProposal(event, stored));
  await routeMessages(host, { accountId, address: me.address }, [planned.value]);
  return {
    created: { id: proposalWireId(record.id, stored.id), utcStart: stored.utcStart, utcEnd: stored.utcEnd },
  };
}

/** The organizer accepts (the event moves, REQUEST to all) or declines (DECLINECOUNTER) a proposal. */
async function answer(
  host: SchedulingHost,
  accountId: AccountId,
  id: string,
  patch: Record<string, unknown>,
): Promise<SetError | null> {
  const parsed = updateSchema.safeParse(patch);
  if (!parsed.success) {
    const properties = zodProperties(parsed.error);
    return invalidProperties(properties, 'Only status (accepted or declined) and comment may be set.');
  }
  const parts = splitProposalId(id);
  const eventId = parts ? toCalendarEventId(parts.eventId) : null;
  const [record] = eventId ? await host.store.getCalendarEvents(accountId, [eventId]) : [];
  const proposal = record ? proposalsOf(record.data).find((p) => p.id === parts!.proposalId) : undefined;
  if (!record || !proposal) return { type: 'notFound' };
  const event = record.data as unknown as JSCalendarEvent;
  const me = await ownAddressIn(host.store, accountId, event);
  if (!me?.isOrganizer) return { type: 'forbidden', description: 'Only the organizer answers a proposal.' };
  if (proposal.status !== 'pending')
    return invalidProperties(['status'], `The proposal is already ${proposal.status}.`);
  const sender = { accountId, address: me.address };
  if (parsed.data.status === 'accepted') {
    const plan = acceptCounter(event, proposal);
    if (!plan.ok) return schedulingError(plan.error, 'status');
    const moved = plan.value.event ?? event;
    await writeCopy(host, accountId, record, markProposal(moved, 'accepted', proposal.id) ?? moved);
    await routeMessages(host, sender, plan.value.messages);
    return null;
  }
  const refusal = declineCounter(event, proposal, parsed.data.comment ?? undefined);
  if (!refusal.ok) return schedulingError(refusal.error, 'status');
  await writeCopy(host, accountId, record, markProposal(event, 'declined', proposal.id) ?? event);
  await routeMessages(host, sender, [refusal.value]);
  return null;
}

/** Either party forgets a proposal (nothing is sent). */
async function forget(host: SchedulingHost, accountId: AccountId, id: string): Promise<SetError | null> {
  const parts = splitProposalId(id);
  const eventId = parts ? toCalendarEventId(parts.eventId) : null;
  const [record] = eventId ? await host.store.getCalendarEvents(accountId, [eventId]) : [];
  const list = record ? proposalsOf(record.data) : [];
  if (!record || !list.some((p) => p.id === parts!.proposalId)) return { type: 'notFound' };
  const event = record.data as unknown as JSCalendarEvent;
  await writeCopy(
    host,
    accountId,
    record,
    withProposals(
      event,
      list.filter((p) => p.id !== parts!.proposalId),
    ),
  );
  return null;
}

/**
 * CalendarEventProposal/set (urn:colibri:params:jmap:calendar-proposals): create = an attendee
 * proposes a new time for the event or one occurrence (RFC 5546 §3.2.7: an organizer here gets
 * it as a pending proposal, one elsewhere a COUNTER by iMIP); update `{ status }` = the organizer
 * accepts (the event moves, SEQUENCE+1, a REQUEST to every attendee) or declines (DECLINECOUNTER
 * to the proposer, §3.2.8); destroy forgets a proposal.
 */
export async function calendarEventProposalSet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'CalendarEventProposal/set'>> {
  const { args, accountId, oldState } = await beginSet('CalendarEvent', rawArgs, ctx);
  const host: SchedulingHost = { store: ctx.store, log: ctx.log };
  const out = await applySetItems<CalendarEventProposal>(ctx, args, {
    create: (values) => propose(host, accountId, values),
    update: (id, patch) => answer(host, accountId, id, patch),
    destroy: (id) => forget(host, accountId, id),
  });
  return setResponse(
    { accountId, oldState, newState: await ctx.store.getState(accountId, 'CalendarEvent') },
    out,
  );
}
