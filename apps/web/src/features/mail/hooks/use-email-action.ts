import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { mailKeys } from '../api/keys';
import { applyOptimisticEmailAction } from '../api/optimistic-email-update';
import { setEmails, threadEmailIds } from '../api/set-emails';
import { actionSource, inverseAction } from '../lib/email-action';
import type { EmailAction } from '../lib/email-action';
import { mailMessages } from '../messages';

export interface EmailActionRequest {
  /** The rows acted on: emails, or in conversation mode the threads' representative emails. */
  rowIds: readonly Id[];
  action: EmailAction;
  /** Rows stand for whole conversations (the list collapses threads). */
  conversations: boolean;
  /** What the user asked for, for the error message ("archive the messages"). */
  what: string;
  /** When set, the outcome is announced with an Undo (moves: archive, delete, move). */
  done?: (count: number) => string;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs an action on emails (Email/set): the lists and the open message change at once, the
 * server is asked, and on failure every change is put back with a message that says what
 * failed. Destructive actions end with a toast that offers Undo (the inverse action on the
 * same emails). Push and the final invalidation bring the server's truth either way.
 */
export function useEmailAction(accountId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const { toastShown } = useToastActions();

  const mutation = useMutation({
    mutationFn: async (request: EmailActionRequest) => {
      const { action } = request;
      const ids = request.conversations
        ? await threadEmailIds(client, accountId, request.rowIds, actionSource(action))
        : [...request.rowIds];
      await setEmails(client, accountId, ids, action);
      return ids;
    },
    onMutate: async (request) => {
      await queryClient.cancelQueries({ queryKey: mailKeys.emailLists(accountId) });
      return { rollback: applyOptimisticEmailAction(queryClient, accountId, request.rowIds, request.action) };
    },
    onError: (error, request, context) => {
      context?.rollback();
      toastShown({ tone: 'error', message: mailMessages.actionFailed(request.what, reasonOf(error)) });
    },
    onSuccess: (ids, request) => {
      if (!request.done) return;
      const undo: EmailActionRequest = {
        rowIds: ids,
        action: inverseAction(request.action),
        conversations: false,
        what: mailMessages.actionWhat.undo,
      };
      toastShown({
        tone: 'info',
        message: request.done(request.rowIds.length),
        action: { label: mailMessages.undo, run: () => mutation.mutate(undo) },
      });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mailKeys.type(accountId, 'Email') }),
        // Unread and total counts are the server's to compute (RFC 8621 §2).
        queryClient.invalidateQueries({ queryKey: mailKeys.type(accountId, 'Mailbox') }),
      ]),
  });
  return mutation.mutate;
}
