import type { CalendarEventProposal } from '@colibri/jmap-types';
import { calendarMessages } from '../messages';
import { formatProposedTime } from './event-proposals';

const m = calendarMessages.proposals;

/**
 * The proposer's side: what became of the latest proposal the user made about this occurrence
 * (sent and awaiting the organiser, declined by them, or accepted).
 */
export function OwnProposalStatus({
  proposals,
  displayTimeZone,
}: {
  /** The user's own proposals about this occurrence, the latest first (lib/proposals). */
  proposals: readonly CalendarEventProposal[];
  displayTimeZone: string;
}) {
  const latest = proposals[0];
  if (!latest) return null;
  const when = formatProposedTime(latest, calendarMessages.locale, displayTimeZone);
  return (
    <p role="status" className={`calendar-proposals__own calendar-proposals__own--${latest.status}`}>
      {m.own[latest.status](when)}
    </p>
  );
}
