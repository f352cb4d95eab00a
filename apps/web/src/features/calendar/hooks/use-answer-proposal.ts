import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Id } from '@colibri/jmap-types';
import { useJmapClient } from '../../../lib/jmap';
import { useToastActions } from '../../../lib/toast-store';
import { calendarKeys } from '../api/keys';
import { answerProposal } from '../api/proposals';
import type { ProposalAnswer } from '../api/proposals';
import { CalendarSetError } from '../api/set-error';
import { calendarMessages } from '../messages';

const m = calendarMessages.toasts;

/** The organiser accepts or declines a proposed time; the events and proposals are read again. */
export function useAnswerProposal(accountId: Id) {
  const client = useJmapClient();
  const queryClient = useQueryClient();
  const { toastShown } = useToastActions();
  return useMutation({
    mutationFn: (answer: ProposalAnswer) => answerProposal(client, accountId, answer),
    onSuccess: (_data, answer) =>
      toastShown({
        tone: 'info',
        message: answer.status === 'accepted' ? m.proposalAccepted : m.proposalDeclined,
      }),
    onError: (error) => {
      const reason =
        error instanceof CalendarSetError
          ? (error.setError.description ?? error.setError.type)
          : error.message;
      toastShown({ tone: 'error', message: m.failed(m.what.answerProposal, reason) });
    },
    // Accepting moves the event: the ranges and the proposals are both under CalendarEvent.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: calendarKeys.type(accountId, 'CalendarEvent') }),
  });
}
