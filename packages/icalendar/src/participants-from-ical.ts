/**
 * ORGANIZER and ATTENDEE (RFC 5545 §3.8.4.1, §3.8.4.3) -> RFC 8984 §4.4.6 participants, as the
 * JSCalendar/iCalendar mapping draft does: the organizer is a participant with the "owner" role
 * and the event's replyTo; ROLE gives attendee/chair/optional/informational; RSVP gives expectReply.
 */
import type { JCalComponent, JCalProperty } from './parse-ical.js';
import { param, paramList, props, textValue } from './parse-ical.js';
import type { Participant, ParticipantKind, ParticipationStatus, JSCalendarEvent } from './types.js';

/** A stable participant id from the calendar address (RFC 8984 Id characters only). */
export function participantId(address: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of address.trim().toLowerCase()) {
    const c = ch.codePointAt(0) ?? 0;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `p${h1.toString(36)}${h2.toString(36)}`;
}

const STATUSES: readonly ParticipationStatus[] = [
  'needs-action',
  'accepted',
  'declined',
  'tentative',
  'delegated',
];
const KINDS: Record<string, ParticipantKind> = {
  INDIVIDUAL: 'individual',
  GROUP: 'group',
  RESOURCE: 'resource',
  ROOM: 'location',
};

function sendTo(address: string): Record<string, string> {
  return /^mailto:/i.test(address) ? { imip: address } : { other: address };
}

function fromProperty(p: JCalProperty, address: string): Participant {
  const participant: Participant = { '@type': 'Participant', roles: {}, sendTo: sendTo(address) };
  const cn = param(p, 'cn');
  if (cn) participant.name = cn;
  const email = param(p, 'email');
  if (email) participant.email = email;
  else if (/^mailto:/i.test(address)) participant.email = address.slice(7);
  const kind = KINDS[(param(p, 'cutype') ?? '').toUpperCase()];
  if (kind) participant.kind = kind;
  const sentBy = param(p, 'sent-by');
  if (sentBy) participant.sentBy = sentBy.replace(/^mailto:/i, '');
  const language = param(p, 'language');
  if (language) participant.language = language;
  const agent = (param(p, 'schedule-agent') ?? '').toLowerCase();
  if (agent === 'server' || agent === 'client' || agent === 'none') participant.scheduleAgent = agent;
  const scheduleStatus = paramList(p, 'schedule-status');
  if (scheduleStatus.length) participant.scheduleStatus = scheduleStatus;
  const idSet = (values: string[]): Record<string, true> =>
    Object.fromEntries(values.map((v) => [participantId(v), true as const]));
  const delegatedTo = paramList(p, 'delegated-to');
  if (delegatedTo.length) participant.delegatedTo = idSet(delegatedTo);
  const delegatedFrom = paramList(p, 'delegated-from');
  if (delegatedFrom.length) participant.delegatedFrom = idSet(delegatedFrom);
  const member = paramList(p, 'member');
  if (member.length) participant.memberOf = idSet(member);
  return participant;
}

function attendeeRoles(p: JCalProperty): Participant['roles'] {
  switch ((param(p, 'role') ?? 'REQ-PARTICIPANT').toUpperCase()) {
    case 'CHAIR':
      return { attendee: true, chair: true };
    case 'OPT-PARTICIPANT':
      return { attendee: true, optional: true };
    case 'NON-PARTICIPANT':
      return { informational: true };
    default:
      return { attendee: true };
  }
}

/** Fills participants and replyTo of `event` from the VEVENT's ORGANIZER and ATTENDEEs. */
export function readParticipants(vevent: JCalComponent, event: JSCalendarEvent): void {
  const participants: Record<string, Participant> = {};
  for (const p of props(vevent, 'attendee')) {
    const address = textValue(p);
    if (!address) continue;
    const participant = fromProperty(p, address);
    participant.roles = attendeeRoles(p);
    const status = (param(p, 'partstat') ?? 'NEEDS-ACTION').toLowerCase() as ParticipationStatus;
    if (STATUSES.includes(status)) participant.participationStatus = status;
    if ((param(p, 'rsvp') ?? '').toUpperCase() === 'TRUE') participant.expectReply = true;
    participants[participantId(address)] = participant;
  }
  const organizer = props(vevent, 'organizer')[0];
  const organizerAddress = textValue(organizer);
  if (organizer && organizerAddress) {
    const id = participantId(organizerAddress);
    const existing = participants[id];
    if (existing) existing.roles = { ...existing.roles, owner: true };
    else participants[id] = { ...fromProperty(organizer, organizerAddress), roles: { owner: true } };
    event.replyTo = sendTo(organizerAddress);
    if (/^mailto:/i.test(organizerAddress) === false) event.replyTo = { other: organizerAddress };
  }
  if (Object.keys(participants).length) event.participants = participants;
}
