import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, TextField } from '@colibri/ui';
import type { CalendarEvent, ParticipationStatus } from '@colibri/jmap-types';
import type { EditScope, TimeProposal } from '../api/write-events';
import { participantEmail } from '../lib/event-draft';
import { formatWhen } from '../lib/format';
import { isInvitee, isOccurrence, ownParticipant } from '../lib/occurrence';
import { endOf } from '../lib/time';
import { calendarMessages } from '../messages';
import { roomMessages } from '../room-messages';
import { EventMeetingJoin } from './event-meeting-join';
import { ModalDialog } from './modal-dialog';

const m = calendarMessages.details;
const ANSWERS: readonly [ParticipationStatus, string][] = [
  ['accepted', m.accept],
  ['tentative', m.tentative],
  ['declined', m.decline],
];

export interface EventDetailsProps {
  open: boolean;
  event: CalendarEvent;
  calendarName?: string;
  color?: string;
  userEmail: string;
  displayTimeZone: string;
  /** The user may edit and delete it (calendar rights, and the event is not someone else's invitation). */
  canEdit: boolean;
  busy?: boolean;
  onClose: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onRsvp: (status: ParticipationStatus, scope: EditScope) => void;
  onPropose: (proposal: TimeProposal, scope: EditScope) => void;
  /** More sections, after the facts: proposed new times (event-proposals, own-proposal-status). */
  children?: ReactNode;
}

/**
 * The details of an occurrence: time in the user's zone, place, guests with their answers, and
 * for an invitation the RSVP buttons and "Propose a new time". A modal dialog: Escape closes it
 * and focus goes back to the event.
 */
export function EventDetails(props: EventDetailsProps) {
  const { event, userEmail, displayTimeZone } = props;
  const id = useId();
  const [occurrenceOnly, setOccurrenceOnly] = useState(false);
  const [proposing, setProposing] = useState(false);
  const zone = event.timeZone ?? displayTimeZone;
  const [proposal, setProposal] = useState<TimeProposal>({
    start: event.start.slice(0, 16),
    end: endOf(event.start, event.duration).slice(0, 16),
    timeZone: zone,
    comment: '',
  });
  const title = event.title || calendarMessages.noTitle;
  const recurring = isOccurrence(event);
  const scope: EditScope = recurring && occurrenceOnly ? 'occurrence' : 'series';
  const own = ownParticipant(event, userEmail);
  const invited = isInvitee(event, userEmail);
  const participants = Object.entries(event.participants ?? {});
  const location = Object.values(event.locations ?? {})[0]?.name;
  const links = Object.values(event.virtualLocations ?? {});
  const status = own?.participant.participationStatus ?? 'needs-action';
  const proposalInvalid = proposal.end <= proposal.start;

  const sendProposal = (e: FormEvent) => {
    e.preventDefault();
    if (proposalInvalid) return;
    props.onPropose({ ...proposal, start: `${proposal.start}:00`, end: `${proposal.end}:00` }, scope);
    setProposing(false);
  };

  return (
    <ModalDialog
      open={props.open}
      onClose={props.onClose}
      labelledBy={`${id}-title`}
      className="calendar-dialog calendar-details"
    >
      <div className="calendar-details__head">
        {props.color ? (
          <span className="calendar-details__swatch" style={{ background: props.color }} aria-hidden="true" />
        ) : null}
        <h2 id={`${id}-title`} dir="auto">
          {title}
        </h2>
      </div>
      <EventMeetingJoin event={event} />
      <dl className="calendar-details__facts">
        <dt>{m.when}</dt>
        <dd>
          {formatWhen(event, calendarMessages.locale, displayTimeZone, calendarMessages.allDay)}
          {recurring ? ` · ${m.recurring}` : null}
        </dd>
        {location || links.length > 0 ? (
          <>
            <dt>{m.where}</dt>
            <dd dir="auto">
              {location}
              {links.map((link) => (
                <a key={link.uri} href={link.uri} target="_blank" rel="noreferrer noopener">
                  {link.name ?? link.uri}
                </a>
              ))}
            </dd>
          </>
        ) : null}
        {props.calendarName ? (
          <>
            <dt>{calendarMessages.editor.calendar}</dt>
            <dd>{props.calendarName}</dd>
          </>
        ) : null}
        {participants.length > 0 ? (
          <>
            <dt>{m.guests}</dt>
            <dd>
              <ul className="calendar-details__guests" aria-label={m.guests}>
                {participants.map(([key, p]) => {
                  const email = participantEmail(p) ?? key;
                  const answer = p.participationStatus ?? 'needs-action';
                  return (
                    <li key={key}>
                      <bdi>{p.name || email}</bdi>
                      {p.roles?.owner ? ` (${m.organizer})` : null}
                      {p.kind === 'location' ? ` (${roomMessages.room})` : null}
                      {' — '}
                      <span className={`calendar-details__status calendar-details__status--${answer}`}>
                        {m.status[answer]}
                      </span>
                      {/* RFC 8984 §4.4.6 participationComment: e.g. why a room declined. */}
                      {p.participationComment ? (
                        <>
                          {' — '}
                          <q className="calendar-details__comment" dir="auto">
                            {p.participationComment}
                          </q>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        ) : null}
        {event.description ? (
          <>
            <dt>{m.description}</dt>
            <dd className="calendar-details__description" dir="auto">
              {event.description}
            </dd>
          </>
        ) : null}
      </dl>
      {props.children}
      {invited ? (
        <section className="calendar-details__rsvp" aria-labelledby={`${id}-rsvp`}>
          <h3 id={`${id}-rsvp`}>{m.rsvpQuestion}</h3>
          {recurring ? (
            <label className="calendar-editor__check">
              <input
                type="checkbox"
                checked={occurrenceOnly}
                onChange={(e) => setOccurrenceOnly(e.target.checked)}
              />
              {m.rsvpOccurrenceOnly}
            </label>
          ) : null}
          <div role="group" aria-label={m.rsvpQuestion} className="calendar-dialog__actions">
            {ANSWERS.map(([answer, label]) => (
              <Button
                key={answer}
                variant={status === answer ? 'primary' : 'secondary'}
                aria-pressed={status === answer}
                disabled={props.busy}
                onClick={() => props.onRsvp(answer, scope)}
              >
                {label}
              </Button>
            ))}
            <Button variant="ghost" aria-expanded={proposing} onClick={() => setProposing(!proposing)}>
              {m.proposeTime}
            </Button>
          </div>
          {proposing ? (
            <form className="calendar-details__proposal" onSubmit={sendProposal} aria-label={m.proposeTime}>
              <TextField
                label={m.proposalStart}
                type="datetime-local"
                value={proposal.start}
                onChange={(e) => setProposal({ ...proposal, start: e.target.value })}
              />
              <TextField
                label={m.proposalEnd}
                type="datetime-local"
                value={proposal.end}
                error={proposalInvalid ? calendarMessages.editor.errors.endBeforeStart : undefined}
                onChange={(e) => setProposal({ ...proposal, end: e.target.value })}
              />
              <TextField
                label={m.proposalComment}
                value={proposal.comment}
                maxLength={1000}
                onChange={(e) => setProposal({ ...proposal, comment: e.target.value })}
              />
              <Button type="submit" variant="primary" disabled={props.busy || proposalInvalid}>
                {m.sendProposal}
              </Button>
            </form>
          ) : null}
        </section>
      ) : null}
      <div className="calendar-dialog__actions">
        {props.canEdit ? (
          <>
            <Button onClick={props.onEdit}>{m.edit}</Button>
            <Button variant="ghost" onClick={props.onDelete}>
              {m.delete}
            </Button>
          </>
        ) : null}
        <Button variant="ghost" onClick={props.onClose}>
          {m.close}
        </Button>
      </div>
    </ModalDialog>
  );
}
