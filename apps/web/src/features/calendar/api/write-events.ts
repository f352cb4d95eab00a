import type { JmapClient } from '@colibri/jmap-client';
import type { Id, PatchObject, CalendarEvent, ParticipationStatus } from '@colibri/jmap-types';
import { throwIfRefused } from './set-error';
import {
  occurrenceRestore,
  occurrenceUpdate,
  overridePatchOf,
  pointerSegment,
  recreationOf,
  seriesUpdate,
} from '../lib/event-patches';
import { hasParticipants, isOccurrence } from '../lib/occurrence';
import { splitSeries } from '../lib/split-series';
import { durationOfMs, localDifferenceMs } from '../lib/time';

/**
 * Which events an edit reaches: `occurrence` writes a recurrence override on the base event
 * (RFC 8984 §4.3.5), `series` patches the base event; a non-recurring event is `series` too.
 * `following` splits the series at the occurrence (lib/split-series).
 */
export type EditScope = 'occurrence' | 'series' | 'following';

/** An occurrence as shown, with the stored base event it comes from (itself if not recurring). */
export interface EditTarget {
  occurrence: CalendarEvent;
  master: CalendarEvent;
}

const CREATION_ID = 'new';

/**
 * draft §5.6 CalendarEvent/set create. sendSchedulingMessages when there are participants, so
 * that the server sends them the invitation (draft §5.6.2 REQUEST). Answers the new id.
 */
export async function createEvent(
  client: JmapClient,
  accountId: Id,
  properties: Partial<CalendarEvent>,
): Promise<Id> {
  const result = await client.call('CalendarEvent/set', {
    accountId,
    create: { [CREATION_ID]: { '@type': 'Event', ...properties } },
    sendSchedulingMessages: hasParticipants(properties),
  });
  throwIfRefused(result.notCreated, CREATION_ID);
  const id = result.created?.[CREATION_ID]?.id;
  if (!id) throw new Error('The server did not say which event it created.');
  return id;
}

/** One CalendarEvent/set update of one stored event; a refusal is thrown as CalendarSetError. */
export async function patchEvent(
  client: JmapClient,
  accountId: Id,
  id: Id,
  patch: PatchObject,
  sendSchedulingMessages: boolean,
): Promise<void> {
  const result = await client.call('CalendarEvent/set', {
    accountId,
    update: { [id]: patch },
    sendSchedulingMessages,
  });
  throwIfRefused(result.notUpdated, id);
}

/** The update an edit makes: which stored event, and its patch. */
export function editUpdate(
  target: EditTarget,
  edited: Partial<CalendarEvent>,
  scope: EditScope,
): { id: Id; patch: PatchObject } {
  const { occurrence, master } = target;
  if (scope === 'occurrence' && isOccurrence(occurrence) && occurrence.recurrenceId) {
    const override = overridePatchOf(occurrence, edited);
    return { id: master.id, patch: occurrenceUpdate(master, occurrence.recurrenceId, override) };
  }
  if (isOccurrence(occurrence)) return { id: master.id, patch: seriesUpdate(master, occurrence, edited) };
  return { id: master.id, patch: { ...edited } };
}

/** Explicit limit: a count rule is recounted over at most this many occurrences. */
export const MAX_OCCURRENCES_RECOUNTED = 5000;

/**
 * How many occurrences of the series come before `recurrenceId`, for a `count` rule only (0
 * otherwise): the server's expansion (draft §5.8 expandRecurrences, by uid), plus the excluded
 * ones, which still count (RFC 5545 §3.8.5.1: EXDATE applies after COUNT).
 */
export async function occurrencesBefore(
  client: JmapClient,
  accountId: Id,
  master: CalendarEvent,
  recurrenceId: string,
): Promise<number> {
  if (!(master.recurrenceRules ?? []).some((rule) => rule.count !== undefined)) return 0;
  const { ids } = await client.call('CalendarEvent/query', {
    accountId,
    filter: { uid: master.uid, after: master.start, before: recurrenceId },
    expandRecurrences: true,
    ...(master.timeZone ? { timeZone: master.timeZone } : {}),
    limit: MAX_OCCURRENCES_RECOUNTED,
  });
  const excluded = Object.entries(master.recurrenceOverrides ?? {}).filter(
    ([key, override]) => key < recurrenceId && override.excluded === true,
  ).length;
  return ids.length + excluded;
}

/** Whether "this and following" of this occurrence is the whole series (it is the first one). */
const isFirstOccurrence = (target: EditTarget) =>
  !target.occurrence.recurrenceId || target.occurrence.recurrenceId <= target.master.start;

/**
 * "This and following": one CalendarEvent/set that ends the old series before the occurrence
 * and creates the new one from it (RFC 8620 §5.3: creates, then updates, in one call).
 */
export async function splitEvent(
  client: JmapClient,
  accountId: Id,
  target: EditTarget,
  edited: Partial<CalendarEvent>,
): Promise<void> {
  const { occurrence, master } = target;
  const before = await occurrencesBefore(client, accountId, master, occurrence.recurrenceId ?? '');
  const { oldPatch, created } = splitSeries(master, occurrence, edited, before);
  const result = await client.call('CalendarEvent/set', {
    accountId,
    create: { [CREATION_ID]: { '@type': 'Event', ...created } },
    update: { [master.id]: oldPatch },
    sendSchedulingMessages: hasParticipants(master) || hasParticipants(edited),
  });
  throwIfRefused(result.notCreated, CREATION_ID);
  throwIfRefused(result.notUpdated, master.id);
}

/** Saves an edit of an occurrence or of the whole event (see EditScope). */
export async function updateEvent(
  client: JmapClient,
  accountId: Id,
  target: EditTarget,
  edited: Partial<CalendarEvent>,
  scope: EditScope,
): Promise<void> {
  if (scope === 'following' && isOccurrence(target.occurrence) && !isFirstOccurrence(target)) {
    await splitEvent(client, accountId, target, edited);
    return;
  }
  const { id, patch } = editUpdate(target, edited, scope === 'following' ? 'series' : scope);
  const scheduled = hasParticipants(target.master) || hasParticipants(edited);
  await patchEvent(client, accountId, id, patch, scheduled);
}

/** How to put back what a delete removed (for the Undo of the toast). */
export type DeleteUndo =
  { kind: 'recreate'; event: Partial<CalendarEvent> } | { kind: 'patch'; id: Id; patch: PatchObject };

/**
 * Deletes an occurrence (an exclusion override, RFC 8984 §4.3.5 `excluded`) or the whole event
 * (destroy; the server cancels it for the participants, draft §5.6.2 CANCEL). Answers the undo.
 */
export async function deleteEvent(
  client: JmapClient,
  accountId: Id,
  target: EditTarget,
  scope: EditScope,
): Promise<DeleteUndo> {
  const { occurrence, master } = target;
  const scheduled = hasParticipants(master);
  if (scope === 'occurrence' && isOccurrence(occurrence) && occurrence.recurrenceId) {
    const rid = occurrence.recurrenceId;
    await patchEvent(
      client,
      accountId,
      master.id,
      occurrenceUpdate(master, rid, { excluded: true }, true),
      scheduled,
    );
    return { kind: 'patch', id: master.id, patch: occurrenceRestore(master, rid) };
  }
  if (scope === 'following' && isOccurrence(occurrence) && !isFirstOccurrence(target)) {
    // The series ends before this occurrence; the undo puts its rules and overrides back.
    const { oldPatch } = splitSeries(master, occurrence, {}, 0);
    await patchEvent(client, accountId, master.id, oldPatch, scheduled);
    return {
      kind: 'patch',
      id: master.id,
      patch: {
        recurrenceRules: master.recurrenceRules ?? null,
        recurrenceOverrides: master.recurrenceOverrides ?? null,
      },
    };
  }
  const result = await client.call('CalendarEvent/set', {
    accountId,
    destroy: [master.id],
    sendSchedulingMessages: scheduled,
  });
  throwIfRefused(result.notDestroyed, master.id);
  return { kind: 'recreate', event: recreationOf(master) };
}

/** Puts back a deleted event or occurrence. */
export async function undoDelete(client: JmapClient, accountId: Id, undo: DeleteUndo): Promise<void> {
  if (undo.kind === 'recreate') {
    await createEvent(client, accountId, undo.event);
    return;
  }
  await patchEvent(client, accountId, undo.id, undo.patch, false);
}

export interface ParticipationChange {
  target: EditTarget;
  /** The key of the user's participant in `participants`. */
  participantId: string;
  status: ParticipationStatus;
  scope: EditScope;
  /** RFC 8984 §4.4.6 participationComment: a note to the organiser. */
  comment?: string;
}

/** The patch of the user's own participant, for the whole event or in an occurrence's override. */
export function participationUpdate(change: ParticipationChange): { id: Id; patch: PatchObject } {
  const { target, participantId, status, scope, comment } = change;
  const { occurrence, master } = target;
  const path = `participants/${pointerSegment(participantId)}`;
  const fields: PatchObject = { [`${path}/participationStatus`]: status };
  if (comment !== undefined) fields[`${path}/participationComment`] = comment || null;
  if (scope === 'occurrence' && isOccurrence(occurrence) && occurrence.recurrenceId) {
    return { id: master.id, patch: occurrenceUpdate(master, occurrence.recurrenceId, fields) };
  }
  return { id: master.id, patch: fields };
}

/**
 * RSVP (accept / tentative / decline): CalendarEvent/set of the user's participationStatus
 * (draft §4 mayRSVP), with sendSchedulingMessages so that the organiser gets the REPLY
 * (draft §5.6.2).
 */
export async function setParticipation(
  client: JmapClient,
  accountId: Id,
  change: ParticipationChange,
): Promise<void> {
  const { id, patch } = participationUpdate(change);
  await patchEvent(client, accountId, id, patch, true);
}

export interface TimeProposal {
  /** The proposed start and end, LocalDateTime in `timeZone`. */
  start: string;
  end: string;
  timeZone: string;
  comment: string;
}

/**
 * "Propose a new time" (issue 6; iTIP COUNTER, RFC 5546 §3.2.7). Neither JMAP Calendars nor
 * JSCalendar has a property for a counter-proposal, so this is the one place the scheduling
 * engine gets wired in. What it sends today is standard: the user's answer stays `tentative`
 * with the comment as participationComment (RFC 8984 §4.4.6), and the proposed time is handed
 * to `sendProposal`, which the scheduling engine provides; without it the proposed time is not
 * sent and the caller is told so (`proposalSent: false`).
 */
export async function proposeNewTime(
  client: JmapClient,
  accountId: Id,
  change: Omit<ParticipationChange, 'status' | 'comment'>,
  proposal: TimeProposal,
  sendProposal?: (
    proposal: TimeProposal,
    change: Omit<ParticipationChange, 'status' | 'comment'>,
  ) => Promise<void>,
): Promise<{ proposalSent: boolean }> {
  await setParticipation(client, accountId, { ...change, status: 'tentative', comment: proposal.comment });
  if (!sendProposal) return { proposalSent: false };
  await sendProposal(proposal, change);
  return { proposalSent: true };
}

/**
 * The scheduling engine's side of `proposeNewTime`: Colibri's CalendarEventProposal/set
 * (`urn:colibri:params:jmap:calendar-proposals`) stores the proposal for an organiser here, or
 * sends it as an iTIP COUNTER to one elsewhere. Start and end are in the proposal's zone.
 */
export function jmapProposalSender(client: JmapClient, accountId: Id) {
  return async (proposal: TimeProposal, change: Omit<ParticipationChange, 'status' | 'comment'>) => {
    const { target, scope } = change;
    const { occurrence, master } = target;
    const recurrenceId =
      scope === 'occurrence' && isOccurrence(occurrence) && occurrence.recurrenceId
        ? occurrence.recurrenceId
        : null;
    const result = await client.call('CalendarEventProposal/set', {
      accountId,
      create: {
        proposal: {
          calendarEventId: master.id,
          recurrenceId,
          start: proposal.start,
          duration: durationOfMs(Math.max(0, localDifferenceMs(proposal.start, proposal.end))),
          timeZone: proposal.timeZone,
          comment: proposal.comment || null,
        },
      },
    });
    throwIfRefused(result.notCreated, 'proposal');
  };
}

/** draft §4.3 Calendar/set: shows or hides a calendar's events (isVisible is per user). */
export async function setCalendarVisible(
  client: JmapClient,
  accountId: Id,
  calendarId: Id,
  isVisible: boolean,
): Promise<void> {
  const result = await client.call('Calendar/set', { accountId, update: { [calendarId]: { isVisible } } });
  throwIfRefused(result.notUpdated, calendarId);
}
