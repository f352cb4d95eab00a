import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id, Calendar, CalendarEvent, ParticipationStatus } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { calendarKeys } from '../api/keys';
import { updateCachedRanges, withUtcTimes } from '../api/optimistic';
import { eventQueryOptions } from '../api/query-events';
import {
  createEvent,
  deleteEvent,
  proposeNewTime,
  jmapProposalSender,
  setCalendarVisible,
  setParticipation,
  undoDelete,
  updateEvent,
} from '../api/write-events';
import type { DeleteUndo, EditScope, EditTarget, TimeProposal } from '../api/write-events';
import { CalendarSetError } from '../api/set-error';
import { ownParticipant, storedIdOf } from '../lib/occurrence';
import { calendarMessages } from '../messages';

const m = calendarMessages.toasts;

function reasonOf(error: unknown): string {
  if (error instanceof CalendarSetError) return error.setError.description ?? error.setError.type;
  return error instanceof Error ? error.message : String(error);
}

/** The occurrence with its stored base event, fetched fresh (its overrides may have changed). */
export async function loadTarget(
  queryClient: QueryClient,
  client: JmapClient,
  accountId: Id,
  occurrence: CalendarEvent,
): Promise<EditTarget> {
  const master = await queryClient.fetchQuery({
    ...eventQueryOptions(client, accountId, storedIdOf(occurrence)),
    staleTime: 0,
  });
  if (!master) throw new Error(calendarMessages.loadError);
  return { occurrence, master };
}

function useCalendarMutationBase(accountId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const { toastShown } = useToastActions();
  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: calendarKeys.type(accountId, 'CalendarEvent') });
  const failed = (what: string, error: unknown) =>
    toastShown({ tone: 'error', message: m.failed(what, reasonOf(error)) });
  return { client, queryClient, toastShown, invalidate, failed };
}

/** Creates an event from the editor's properties. */
export function useCreateEvent(accountId: Id) {
  const { client, toastShown, invalidate, failed } = useCalendarMutationBase(accountId);
  return useMutation({
    mutationFn: (properties: Partial<CalendarEvent>) => createEvent(client, accountId, properties),
    onSuccess: () => toastShown({ tone: 'info', message: m.created }),
    onError: (error) => failed(m.what.create, error),
    onSettled: invalidate,
  });
}

export interface EventEdit {
  occurrence: CalendarEvent;
  edited: Partial<CalendarEvent>;
  scope: EditScope;
  /** A drag in the grid: the toast says the event went back to its place on failure. */
  move?: boolean;
  /** Called when the server refused, after the cache is put back (FullCalendar's revert). */
  onRefused?: () => void;
}

/**
 * Saves an edit or a move: the occurrence changes on screen at once, the server is asked, and
 * on failure it goes back where it was with a message that says so.
 */
export function useUpdateEvent(accountId: Id, displayTimeZone: string) {
  const { client, queryClient, toastShown, invalidate, failed } = useCalendarMutationBase(accountId);
  return useMutation({
    mutationFn: async ({ occurrence, edited, scope }: EventEdit) => {
      const target = await loadTarget(queryClient, client, accountId, occurrence);
      await updateEvent(client, accountId, target, edited, scope);
    },
    onMutate: async ({ occurrence, edited }: EventEdit) => {
      await queryClient.cancelQueries({ queryKey: calendarKeys.ranges(accountId) });
      const rollback = updateCachedRanges(queryClient, accountId, (events) =>
        events.some((e) => e.id === occurrence.id)
          ? events.map((e) =>
              e.id === occurrence.id
                ? withUtcTimes({ ...e, ...edited } as CalendarEvent, displayTimeZone)
                : e,
            )
          : events,
      );
      return { rollback };
    },
    onError: (error, edit, context) => {
      context?.rollback();
      edit.onRefused?.();
      failed(edit.move ? m.what.move : m.what.save, error);
    },
    onSuccess: (_data, edit) => {
      if (!edit.move) toastShown({ tone: 'info', message: m.saved });
    },
    onSettled: invalidate,
  });
}

/** Deletes an occurrence or a whole event, with an Undo that puts it back. */
export function useDeleteEvent(accountId: Id) {
  const { client, queryClient, toastShown, invalidate, failed } = useCalendarMutationBase(accountId);
  const undo = useMutation({
    mutationFn: (undo: DeleteUndo) => undoDelete(client, accountId, undo),
    onSuccess: () => toastShown({ tone: 'info', message: m.restored }),
    onError: (error) => failed(m.what.undo, error),
    onSettled: invalidate,
  });
  return useMutation({
    mutationFn: async ({ occurrence, scope }: { occurrence: CalendarEvent; scope: EditScope }) => {
      const target = await loadTarget(queryClient, client, accountId, occurrence);
      return deleteEvent(client, accountId, target, scope);
    },
    onMutate: async ({ occurrence, scope }) => {
      await queryClient.cancelQueries({ queryKey: calendarKeys.ranges(accountId) });
      const stored = storedIdOf(occurrence);
      const from = occurrence.utcStart ?? '';
      const gone = (e: CalendarEvent) =>
        scope === 'occurrence'
          ? e.id === occurrence.id
          : storedIdOf(e) === stored && (scope === 'series' || (e.utcStart ?? '') >= from);
      const rollback = updateCachedRanges(queryClient, accountId, (events) =>
        events.some(gone) ? events.filter((e) => !gone(e)) : events,
      );
      return { rollback };
    },
    onError: (error, _request, context) => {
      context?.rollback();
      failed(m.what.delete, error);
    },
    onSuccess: (result, { scope, occurrence }) =>
      toastShown({
        tone: 'info',
        message: scope === 'occurrence' && occurrence.baseEventId ? m.occurrenceDeleted : m.deleted,
        action: { label: m.undo, run: () => undo.mutate(result) },
      }),
    onSettled: invalidate,
  });
}

export interface RsvpRequest {
  occurrence: CalendarEvent;
  status: ParticipationStatus;
  scope: EditScope;
  userEmail: string;
}

/** Accept / tentative / decline: the answer shows at once, and comes back on failure. */
export function useRsvp(accountId: Id) {
  const { client, queryClient, toastShown, invalidate, failed } = useCalendarMutationBase(accountId);
  return useMutation({
    mutationFn: async ({ occurrence, status, scope, userEmail }: RsvpRequest) => {
      const own = ownParticipant(occurrence, userEmail);
      if (!own) throw new Error(calendarMessages.details.readOnly);
      const target = await loadTarget(queryClient, client, accountId, occurrence);
      await setParticipation(client, accountId, { target, participantId: own.id, status, scope });
    },
    onMutate: async ({ occurrence, status, userEmail }) => {
      await queryClient.cancelQueries({ queryKey: calendarKeys.ranges(accountId) });
      const own = ownParticipant(occurrence, userEmail);
      const rollback = updateCachedRanges(queryClient, accountId, (events) =>
        own && events.some((e) => e.id === occurrence.id)
          ? events.map((e) =>
              e.id === occurrence.id
                ? {
                    ...e,
                    participants: {
                      ...e.participants,
                      [own.id]: { ...own.participant, participationStatus: status },
                    },
                  }
                : e,
            )
          : events,
      );
      return { rollback };
    },
    onError: (error, _request, context) => {
      context?.rollback();
      failed(m.what.answer, error);
    },
    onSuccess: (_data, { status }) => toastShown({ tone: 'info', message: m.answered(status) }),
    onSettled: invalidate,
  });
}

/** "Propose a new time" (api/write-events proposeNewTime). */
export function useProposeNewTime(accountId: Id, sendProposal?: Parameters<typeof proposeNewTime>[4]) {
  const { client, queryClient, toastShown, invalidate, failed } = useCalendarMutationBase(accountId);
  return useMutation({
    mutationFn: async (request: {
      occurrence: CalendarEvent;
      scope: EditScope;
      userEmail: string;
      proposal: TimeProposal;
    }) => {
      const own = ownParticipant(request.occurrence, request.userEmail);
      if (!own) throw new Error(calendarMessages.details.readOnly);
      const target = await loadTarget(queryClient, client, accountId, request.occurrence);
      return proposeNewTime(
        client,
        accountId,
        { target, participantId: own.id, scope: request.scope },
        request.proposal,
        sendProposal ?? jmapProposalSender(client, accountId),
      );
    },
    onError: (error) => failed(m.what.propose, error),
    onSuccess: ({ proposalSent }) =>
      toastShown({
        tone: proposalSent ? 'info' : 'error',
        message: proposalSent ? m.proposalSent : m.proposalNotSent,
      }),
    onSettled: invalidate,
  });
}

/** Shows or hides a calendar: at once on screen, put back on failure. */
export function useCalendarVisibility(accountId: Id) {
  const { client, queryClient, failed } = useCalendarMutationBase(accountId);
  const key = calendarKeys.calendars(accountId);
  return useMutation({
    mutationFn: ({ calendarId, isVisible }: { calendarId: Id; isVisible: boolean }) =>
      setCalendarVisible(client, accountId, calendarId, isVisible),
    onMutate: async ({ calendarId, isVisible }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Calendar[]>(key);
      if (before)
        queryClient.setQueryData(
          key,
          before.map((c) => (c.id === calendarId ? { ...c, isVisible } : c)),
        );
      return { before };
    },
    onError: (error, _request, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      failed(m.what.visibility, error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.type(accountId, 'Calendar') }),
  });
}
