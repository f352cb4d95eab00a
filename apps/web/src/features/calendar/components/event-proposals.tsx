import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { Button, TextField } from '@colibri/ui';
import type { CalendarEvent, CalendarEventProposal, Id } from '@colibri/jmap-types';
import type { ProposalAnswer } from '../api/proposals';
import { participantEmail } from '../lib/event-draft';
import { formatWhen } from '../lib/format';
import { localDateTimeToInstant } from '../lib/time';
import { calendarMessages } from '../messages';
import { FindTimeGrid } from './find-time-grid';

const m = calendarMessages.proposals;

/** "Thursday 3 December 2026, 11:00 – 12:00" of a proposal, in the user's zone. */
export function formatProposedTime(proposal: CalendarEventProposal, locale: string, displayTimeZone: string) {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: displayTimeZone,
  });
  return format.formatRange(new Date(proposal.utcStart), new Date(proposal.utcEnd));
}

/** Which occurrence a proposal is about: its date (in the event's zone) or the whole series. */
function occurrenceLabel(proposal: CalendarEventProposal, event: CalendarEvent, displayTimeZone: string) {
  if (!proposal.recurrenceId) return event.baseEventId ? m.wholeSeries : null;
  const instant = localDateTimeToInstant(proposal.recurrenceId, event.timeZone ?? displayTimeZone);
  const date = instant
    ? new Intl.DateTimeFormat(calendarMessages.locale, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: displayTimeZone,
      }).format(instant)
    : proposal.recurrenceId;
  return m.forOccurrence(date);
}

function proposerName(event: CalendarEvent, address: string): string {
  const found = Object.values(event.participants ?? {}).find(
    (p) => participantEmail(p)?.toLowerCase() === address.toLowerCase(),
  );
  return found?.name ? `${found.name} <${address}>` : address;
}

export interface EventProposalsProps {
  event: CalendarEvent;
  /** The pending proposals made to the organiser about this occurrence (lib/proposals). */
  proposals: readonly CalendarEventProposal[];
  displayTimeZone: string;
  busy?: boolean;
  onAnswer: (answer: ProposalAnswer) => void;
  /** Shows the people's availability at each proposed time (compact find-a-time grid) when given. */
  availability?: { accountId: Id; userEmail: string };
}

/** The event's people by address, the organiser (owner) first. */
function peopleOf(event: CalendarEvent): string[] {
  const participants = Object.values(event.participants ?? {});
  return [...participants.filter((p) => p.roles?.owner), ...participants.filter((p) => !p.roles?.owner)]
    .map(participantEmail)
    .filter((e): e is string => e !== null);
}

/**
 * The organiser's side of "propose a new time": each pending proposal as a diff of the current
 * time and the proposed one, who proposed it and why, for which occurrence, with Accept and
 * Decline (a decline may carry a note, RFC 5546 §3.2.8).
 */
export function EventProposals({
  event,
  proposals,
  displayTimeZone,
  busy,
  onAnswer,
  availability,
}: EventProposalsProps) {
  const id = useId();
  if (proposals.length === 0) return null;
  const current = formatWhen(event, calendarMessages.locale, displayTimeZone, calendarMessages.allDay);
  return (
    <section className="calendar-proposals" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{m.heading(proposals.length)}</h3>
      <ul className="calendar-proposals__list">
        {proposals.map((proposal) => (
          <ProposalItem
            key={proposal.id}
            proposal={proposal}
            proposer={proposerName(event, proposal.from)}
            occurrence={occurrenceLabel(proposal, event, displayTimeZone)}
            current={current}
            proposed={formatProposedTime(proposal, calendarMessages.locale, displayTimeZone)}
            busy={busy}
            onAnswer={onAnswer}
            grid={
              availability ? (
                <FindTimeGrid
                  compact
                  accountId={availability.accountId}
                  userEmail={availability.userEmail}
                  people={peopleOf(event)}
                  timeZone={displayTimeZone}
                  slot={{ start: Date.parse(proposal.utcStart), end: Date.parse(proposal.utcEnd) }}
                />
              ) : null
            }
          />
        ))}
      </ul>
    </section>
  );
}

function ProposalItem(props: {
  proposal: CalendarEventProposal;
  proposer: string;
  occurrence: string | null;
  current: string;
  proposed: string;
  busy: boolean | undefined;
  onAnswer: (answer: ProposalAnswer) => void;
  grid: ReactNode;
}) {
  const { proposal } = props;
  const [declining, setDeclining] = useState(false);
  const [note, setNote] = useState('');
  return (
    <li className="calendar-proposals__item" aria-label={m.itemLabel(props.proposer)}>
      <p>
        <bdi>{props.proposer}</bdi> {m.proposes}
        {props.occurrence ? (
          <span className="calendar-proposals__occurrence"> · {props.occurrence}</span>
        ) : null}
      </p>
      <dl className="calendar-proposals__diff">
        <dt>{m.currentTime}</dt>
        <dd>
          <del>{props.current}</del>
        </dd>
        <dt>{m.proposedTime}</dt>
        <dd>
          <ins>{props.proposed}</ins>
        </dd>
        {proposal.comment ? (
          <>
            <dt>{m.comment}</dt>
            <dd dir="auto">{proposal.comment}</dd>
          </>
        ) : null}
      </dl>
      {props.grid}
      <div className="calendar-dialog__actions">
        <Button
          variant="primary"
          disabled={props.busy}
          onClick={() => props.onAnswer({ id: proposal.id, status: 'accepted' })}
        >
          {m.accept}
        </Button>
        <Button
          variant="secondary"
          aria-expanded={declining}
          disabled={props.busy}
          onClick={() => setDeclining(!declining)}
        >
          {m.decline}
        </Button>
      </div>
      {declining ? (
        <form
          className="calendar-proposals__decline"
          aria-label={m.decline}
          onSubmit={(e) => {
            e.preventDefault();
            props.onAnswer({
              id: proposal.id,
              status: 'declined',
              ...(note.trim() ? { comment: note.trim() } : {}),
            });
          }}
        >
          <TextField
            label={m.declineNote}
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button type="submit" variant="primary" disabled={props.busy}>
            {m.sendDecline}
          </Button>
        </form>
      ) : null}
    </li>
  );
}
