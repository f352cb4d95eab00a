/** RFC 8984 participants -> ORGANIZER and ATTENDEE lines (the reverse of participants-from-ical.ts). */
import type { Params } from './content-lines.js';
import { contentLine } from './content-lines.js';
import type { JSCalendarEvent, Participant } from './types.js';

export function participantAddress(p: Participant): string | undefined {
  return (
    p.sendTo?.imip ??
    p.sendTo?.other ??
    Object.values(p.sendTo ?? {})[0] ??
    (p.email ? `mailto:${p.email}` : undefined)
  );
}

const CUTYPE: Record<string, string> = {
  individual: 'INDIVIDUAL',
  group: 'GROUP',
  resource: 'RESOURCE',
  location: 'ROOM',
};

function role(p: Participant): string {
  if (p.roles.chair) return 'CHAIR';
  if (p.roles.optional) return 'OPT-PARTICIPANT';
  if (p.roles.informational && !p.roles.attendee) return 'NON-PARTICIPANT';
  return 'REQ-PARTICIPANT';
}

function commonParams(p: Participant, address: string): Params {
  const params: Params = {};
  if (p.name) params.CN = p.name;
  if (p.kind && CUTYPE[p.kind]) params.CUTYPE = CUTYPE[p.kind];
  if (p.sentBy) params['SENT-BY'] = p.sentBy.includes(':') ? p.sentBy : `mailto:${p.sentBy}`;
  if (p.language) params.LANGUAGE = p.language;
  if (p.email && `mailto:${p.email}`.toLowerCase() !== address.toLowerCase()) params.EMAIL = p.email;
  if (p.scheduleAgent && p.scheduleAgent !== 'server')
    params['SCHEDULE-AGENT'] = p.scheduleAgent.toUpperCase();
  return params;
}

/** The organizer: the owner participant, or replyTo alone when no participant is the owner. */
export function organizerLine(event: JSCalendarEvent): string | undefined {
  const owner = Object.values(event.participants ?? {}).find((p) => p.roles?.owner);
  const address =
    event.replyTo?.imip ??
    (owner ? participantAddress(owner) : undefined) ??
    Object.values(event.replyTo ?? {})[0];
  if (!address) return undefined;
  return contentLine('ORGANIZER', owner ? commonParams(owner, address) : {}, address);
}

export function attendeeLines(event: JSCalendarEvent): string[] {
  const participants = event.participants ?? {};
  const addressOf = (id: string): string | undefined => {
    const p = participants[id];
    return p ? participantAddress(p) : undefined;
  };
  const ids = (set: Record<string, true> | undefined): string[] =>
    Object.keys(set ?? {}).flatMap((id) => addressOf(id) ?? []);
  const lines: string[] = [];
  for (const p of Object.values(participants)) {
    // An override patch about a participant the master lacks leaves a fragment without roles.
    if (!p.roles) continue;
    const isAttendee = p.roles.attendee || p.roles.optional || p.roles.informational || p.roles.chair;
    const address = participantAddress(p);
    if (!isAttendee || !address) continue;
    const params = commonParams(p, address);
    params.ROLE = role(p);
    params.PARTSTAT = (p.participationStatus ?? 'needs-action').toUpperCase();
    if (p.expectReply) params.RSVP = 'TRUE';
    const to = ids(p.delegatedTo);
    if (to.length) params['DELEGATED-TO'] = to;
    const from = ids(p.delegatedFrom);
    if (from.length) params['DELEGATED-FROM'] = from;
    const member = ids(p.memberOf);
    if (member.length) params.MEMBER = member;
    lines.push(contentLine('ATTENDEE', params, address));
  }
  return lines;
}
