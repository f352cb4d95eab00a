import { makeInvitation } from '../attachments.js';
import type { DemoContext, DemoMessage } from '../demo-message.js';
import { person } from '../people.js';
import type { PersonKey } from '../people.js';

interface Invite {
  from: PersonKey;
  to: PersonKey[];
  summary: string;
  location: string;
  description: string;
  sentDaysAgo: number;
  inDays: number;
  hour: number;
  minutes: number;
}

const INVITES: Invite[] = [
  {
    from: 'carol',
    to: ['alice', 'bob'],
    summary: 'Release retrospective',
    location: 'Meeting room Kolibri',
    description: 'What went well, what did not, what we change.',
    sentDaysAgo: 2,
    inDays: 5,
    hour: 13,
    minutes: 60,
  },
  {
    from: 'dora',
    to: ['alice'],
    summary: 'Northwind quarterly review',
    location: 'Video call',
    description: 'Incidents, roadmap and the renewal.',
    sentDaysAgo: 8,
    inDays: 9,
    hour: 9,
    minutes: 90,
  },
  {
    from: 'carol',
    to: ['alice', 'bob'],
    summary: 'Frontend interview: pairing session',
    location: 'Meeting room Kolibri',
    description: 'Pairing exercise with the candidate, 45 minutes plus questions.',
    sentDaysAgo: 14,
    inDays: 2,
    hour: 10,
    minutes: 60,
  },
  {
    from: 'idris',
    to: ['alice'],
    summary: 'Onboarding: code base walkthrough',
    location: 'Desk 4',
    description: 'Alice shows me around the store and the JMAP engine.',
    sentDaysAgo: 6,
    inDays: 1,
    hour: 14,
    minutes: 60,
  },
  {
    from: 'hannah',
    to: ['alice'],
    summary: 'Book club',
    location: 'Café du Parc',
    description: 'The Left Hand of Darkness, chapters 1 to 10.',
    sentDaysAgo: 20,
    inDays: 12,
    hour: 18,
    minutes: 120,
  },
  {
    from: 'fatima',
    to: ['alice', 'carol'],
    summary: 'Design review: onboarding v2',
    location: 'Studio, 2nd floor',
    description: 'Second version of the onboarding flow.',
    sentDaysAgo: 4,
    inDays: 3,
    hour: 15,
    minutes: 45,
  },
];

/** Meeting invitations carried by iMIP (RFC 6047): text plus a text/calendar REQUEST part. */
export function invitations(ctx: DemoContext): DemoMessage[] {
  return INVITES.map((invite, i) => {
    const key = `invite-${i + 1}`;
    const sent = ctx.at(invite.sentDaysAgo);
    const start = new Date(ctx.now.getTime() + invite.inDays * 86_400_000);
    start.setUTCHours(invite.hour, 0, 0, 0);
    const organizer = person(invite.from);
    const ics = makeInvitation(
      {
        uid: `${key}-${ctx.rng.hex(6)}@colibri.test`,
        summary: invite.summary,
        location: invite.location,
        description: invite.description,
        start,
        minutes: invite.minutes,
        organizer,
        attendees: invite.to.map(person),
      },
      sent,
    );
    const when = `${start.toUTCString().slice(0, 16)}, ${String(invite.hour).padStart(2, '0')}:00 UTC (${invite.minutes} min)`;
    return {
      key,
      messageId: ctx.messageId(key, invite.from),
      from: invite.from,
      to: invite.to,
      subject: `Invitation: ${invite.summary}`,
      date: sent,
      text: `${organizer.name} invites you to:\n\n${invite.summary}\nWhen: ${when}\nWhere: ${invite.location}\n\n${invite.description}\n`,
      icalEvent: { method: 'REQUEST', content: ics },
    };
  });
}
