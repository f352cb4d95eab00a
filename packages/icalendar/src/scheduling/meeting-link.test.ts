import { describe, expect, it } from 'vitest';
import { buildImipBody, extractItip } from '../imip.js';
import type { JSCalendarEvent } from '../types.js';
import { applyIncoming } from './apply-incoming.js';
import { planOutgoing } from './plan-outgoing.js';
import { renderPlanned } from './render.js';

// A video meeting added in the web app (issue 8): the room's link as a JSCalendar virtual
// location (RFC 8984 §4.2.6) and as a line of the description, for clients that ignore it.
const LINK = 'https://mail.colibri.test/meet/abcdefghijklmnopqrstuvwxyz';
const ALICE = 'alice@colibri.test';
const BOB = 'bob@example.org';

const meeting: JSCalendarEvent = {
  '@type': 'Event',
  uid: 'video-review@colibri.test',
  title: 'Design review',
  description: `Agenda: the new reader.\n\nJoin the video meeting: ${LINK}`,
  start: '2026-07-01T14:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT45M',
  virtualLocations: {
    'colibri-meet': {
      '@type': 'VirtualLocation',
      name: 'Colibri video meeting',
      uri: LINK,
      features: { audio: true, video: true, chat: true, screen: true },
    },
  },
  replyTo: { imip: `mailto:${ALICE}` },
  participants: {
    alice: {
      '@type': 'Participant',
      email: ALICE,
      sendTo: { imip: `mailto:${ALICE}` },
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
    },
    bob: {
      '@type': 'Participant',
      email: BOB,
      sendTo: { imip: `mailto:${BOB}` },
      roles: { attendee: true },
      participationStatus: 'needs-action',
      expectReply: true,
    },
  },
};

function invitation(): { ics: string } {
  const plan = planOutgoing(undefined, meeting, ALICE);
  if (!plan.ok) throw new Error(plan.error.reason);
  const request = plan.value.messages.find((m) => m.method === 'request');
  if (!request) throw new Error('no REQUEST planned');
  const rendered = renderPlanned(request, '2026-06-01T10:00:00Z');
  if (!rendered.ok) throw new Error(rendered.error.reason);
  return rendered.value;
}

/** The unfolded content lines of an iCalendar text (RFC 5545 §3.1). */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('a video meeting link in iMIP invitations', () => {
  it('RFC 7986 §5.11: the virtual location becomes CONFERENCE with VALUE=URI, its FEATUREs and LABEL', () => {
    const lines = unfolded(invitation().ics);
    const conference = lines.filter((l) => l.startsWith('CONFERENCE'));
    expect(conference).toHaveLength(1);
    const [head, ...rest] = conference[0]!.split(':');
    expect(rest.join(':')).toBe(LINK);
    expect(head).toContain('VALUE=URI');
    const features = /FEATURE=([^;]+)/.exec(head!)?.[1]?.split(',');
    expect(features?.sort()).toEqual(['AUDIO', 'CHAT', 'SCREEN', 'VIDEO']);
    expect(head).toContain('LABEL=Colibri video meeting');
  });

  it('RFC 5545 §3.8.1.5: the link also travels in DESCRIPTION, for clients without CONFERENCE', () => {
    const description = unfolded(invitation().ics).find((l) => l.startsWith('DESCRIPTION'));
    expect(description).toBe(`DESCRIPTION:Agenda: the new reader.\\n\\nJoin the video meeting: ${LINK}`);
  });

  it('an invitee reading the iMIP email gets the same virtual location and description back', () => {
    const { ics } = invitation();
    const body = buildImipBody('request', ics, 'Invitation: Design review\n');
    const raw = [
      `From: ${ALICE}`,
      `To: ${BOB}`,
      'Subject: Invitation: Design review',
      'MIME-Version: 1.0',
      `Content-Type: ${body.contentType}`,
      '',
      body.body,
    ].join('\r\n');
    const received = extractItip(raw);
    if (!received.ok) throw new Error(received.error.reason);
    const applied = applyIncoming(undefined, received.value.itip, ALICE, { recipient: BOB });
    if (!applied.ok) throw new Error(applied.error.reason);
    if (applied.value.action !== 'update') throw new Error(`unexpected ${applied.value.action}`);
    const copy = applied.value.event;
    expect(Object.values(copy.virtualLocations ?? {})).toEqual([
      {
        '@type': 'VirtualLocation',
        name: 'Colibri video meeting',
        uri: LINK,
        features: { audio: true, video: true, chat: true, screen: true },
      },
    ]);
    expect(copy.description).toBe(meeting.description);
  });

  it('an update without the meeting drops CONFERENCE and the line from the invitation', () => {
    const { virtualLocations: _v, ...without } = meeting;
    const plan = planOutgoing(meeting, { ...without, description: 'Agenda: the new reader.' }, ALICE);
    if (!plan.ok) throw new Error(plan.error.reason);
    const request = plan.value.messages.find((m) => m.method === 'request');
    const rendered = request && renderPlanned(request, '2026-06-02T10:00:00Z');
    if (!rendered?.ok) throw new Error('no REQUEST rendered');
    const text = unfolded(rendered.value.ics).join('\n');
    expect(text).not.toContain('CONFERENCE');
    expect(text).not.toContain(LINK);
  });
});
