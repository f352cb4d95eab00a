import { useId, useMemo } from 'react';
import { Button } from '@colibri/ui';
import type { ReaderMessageAddonProps } from '../../../lib/reader-addons';
import { useCalendarAccount } from '../api/get-session';
import { useEventByUid } from '../api/invitation-event';
import { calendarPartOf, useInvitation } from '../api/invitation-part';
import type { CalendarEvent, ParticipationStatus } from '@colibri/jmap-types';
import { useRsvp } from '../hooks/use-event-mutations';
import { formatWhen } from '../lib/format';
import { isInvitee, ownParticipant } from '../lib/occurrence';
import { browserTimeZone } from '../lib/time';
import { meetingLinkOf } from '../lib/video-meeting';
import { meetingMessages } from '../meeting-messages';
import { calendarMessages } from '../messages';
import { JoinMeetingButton } from './join-meeting-button';
import './meeting.css';

const t = meetingMessages.invitation;
const ANSWERS: readonly [Exclude<ParticipationStatus, 'needs-action' | 'delegated'>, string][] = [
  ['accepted', t.accept],
  ['tentative', t.tentative],
  ['declined', t.decline],
];

/**
 * The invitation card of the mail reader (issues 6 and 8), for a message with an iTIP object
 * (RFC 6047: a text/calendar part, METHOD REQUEST, CANCEL, COUNTER or DECLINECOUNTER): what,
 * when, who organises; for a REQUEST, Accept / Maybe / Decline acting on the user's copy of the
 * event in their calendar (CalendarEvent/set participationStatus with sendSchedulingMessages,
 * as the calendar's own RSVP), and Join when the event has a meeting link. Nothing for other mail.
 */
export function InvitationCard({ accountId, email }: ReaderMessageAddonProps) {
  const part = useMemo(() => calendarPartOf(email.attachments ?? []), [email.attachments]);
  if (!part) return null;
  return <InvitationCardOf accountId={accountId} part={part} />;
}

/**
 * The occurrence of a stored series at `recurrenceId` (draft §5.1 expansion), with the user's
 * answer as its override says (RFC 8984 §4.3.5: a patch, e.g. `participants/me/participationStatus`).
 */
function occurrenceOf(master: CalendarEvent, recurrenceId: string, userEmail: string): CalendarEvent {
  const override = (master.recurrenceOverrides?.[recurrenceId] ?? {}) as Record<string, unknown>;
  const own = ownParticipant(master, userEmail);
  const participants = { ...master.participants };
  const status = own && override[`participants/${own.id}/participationStatus`];
  if (own && typeof status === 'string')
    participants[own.id] = { ...own.participant, participationStatus: status as ParticipationStatus };
  // The series' utcStart/utcEnd are its first occurrence's: this one's are computed from start.
  const { utcStart: _start, utcEnd: _end, ...series } = master;
  return {
    ...series,
    id: `${master.id}-${recurrenceId.replace(/\D/g, '')}`,
    baseEventId: master.id,
    recurrenceId,
    start: typeof override.start === 'string' ? override.start : recurrenceId,
    participants,
    recurrenceRules: null,
    recurrenceOverrides: null,
  };
}

function InvitationCardOf({
  accountId,
  part,
}: {
  accountId: string;
  part: NonNullable<ReturnType<typeof calendarPartOf>>;
}) {
  const id = useId();
  const account = useCalendarAccount();
  const invitation = useInvitation(account.data?.session, accountId, part);
  const calendarAccountId = account.data?.accountId ?? null;
  const uid = invitation.data?.uid ?? null;
  const copy = useEventByUid(calendarAccountId, uid);
  const rsvp = useRsvp(calendarAccountId ?? '');
  const zone = useMemo(browserTimeZone, []);

  if (invitation.isError)
    return (
      <p className="invitation-card" role="alert">
        {t.unreadable}
      </p>
    );
  const data = invitation.data;
  if (!data) return null;
  const userEmail = account.data?.username ?? '';
  const event: CalendarEvent | null = copy.data ?? null;
  const title = event?.title || data.title || t.noTitle;
  const link = data.method === 'cancel' ? null : ((event && meetingLinkOf(event)) ?? data.meetingLink);
  const canAnswer = data.method === 'request' && event !== null && isInvitee(event, userEmail);
  // A message about one occurrence of a series (RFC 5546 RECURRENCE-ID) is answered for it only.
  const answered =
    event && data.recurrenceId && event.recurrenceRules?.length
      ? { occurrence: occurrenceOf(event, data.recurrenceId, userEmail), scope: 'occurrence' as const }
      : event && { occurrence: event, scope: 'series' as const };
  const own = answered ? ownParticipant(answered.occurrence, userEmail) : null;
  const status = own?.participant.participationStatus ?? 'needs-action';
  const when =
    answered?.occurrence ?? (data.when ? ({ id: '', calendarIds: {}, ...data.when } as CalendarEvent) : null);
  const organizer = data.organizer;

  return (
    <section className="invitation-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} dir="auto">
        {t.methods[data.method]}: {title}
      </h3>
      <dl>
        {when ? (
          <>
            <dt>{t.when}</dt>
            <dd>{formatWhen(when, calendarMessages.locale, zone, calendarMessages.allDay)}</dd>
          </>
        ) : null}
        {organizer ? (
          <>
            <dt>{t.organizer}</dt>
            <dd>
              <bdi>{organizer.name ? `${organizer.name} <${organizer.email}>` : organizer.email}</bdi>
            </dd>
          </>
        ) : null}
      </dl>
      {data.method === 'cancel' ? <p>{t.cancelledNote}</p> : null}
      {data.method === 'counter' ? <p>{t.counterNote}</p> : null}
      {data.method === 'declinecounter' ? <p>{t.declineCounterNote}</p> : null}
      {data.method === 'request' && copy.isSuccess && event === null ? <p>{t.notInCalendar}</p> : null}
      <div className="invitation-card__actions">
        {canAnswer && event ? (
          <div role="group" aria-label={t.rsvpQuestion} className="invitation-card__actions">
            {ANSWERS.map(([answer, label]) => (
              <Button
                key={answer}
                variant={status === answer ? 'primary' : 'secondary'}
                aria-pressed={status === answer}
                disabled={rsvp.isPending}
                onClick={() => answered && rsvp.mutate({ ...answered, status: answer, userEmail })}
              >
                {label}
              </Button>
            ))}
          </div>
        ) : null}
        {link ? <JoinMeetingButton link={link} title={title} /> : null}
      </div>
      {canAnswer && status !== 'needs-action' && status !== 'delegated' ? (
        <p role="status">{t.answered[status]}</p>
      ) : null}
    </section>
  );
}
