/**
 * The iTIP matrix against messages in the shapes Outlook/Exchange, Gmail and Thunderbird send
 * (test-fixtures/itip/<client>/*.ics, written from RFC 5546 §4 and those clients' output): each
 * fixture goes through parseItip + applyIncoming, and the resulting copy is checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IncomingOutcome, JSCalendarEvent, Participant, PlannedMessage } from '../src/index.js';
import {
  acceptCounter,
  applyIncoming,
  declineCounter,
  expandOccurrences,
  extractItip,
  parseItip,
  planCounter,
  planOutgoing,
  renderPlanned,
} from '../src/index.js';

const ALICE = 'alice@colibri.test';
const BOB = 'bob@contoso.example'; // Outlook
const SAM = 'sam.lee@gmail.com'; // Gmail
const ERIK = 'erik@posteo.example'; // Thunderbird
const DANA = 'dana@contoso.example'; // Outlook organizer
const NOW = '2026-03-02T08:00:00Z';

/** A fixture as it travels: CRLF line ends (RFC 5545 §3.1). */
const fixture = (path: string): string =>
  readFileSync(new URL(`../test-fixtures/itip/${path}`, import.meta.url), 'utf8').replace(/\r?\n/g, '\r\n');

function parsed(path: string) {
  const r = parseItip(fixture(path));
  if (!r.ok) throw new Error(`${path}: ${r.error.reason}`);
  return r.value;
}

function apply(current: JSCalendarEvent | undefined, path: string, sender: string): IncomingOutcome {
  const r = applyIncoming(current, parsed(path), sender, { recipient: ALICE });
  if (!r.ok) throw new Error(`${path}: ${r.error.code} ${r.error.reason}`);
  return r.value;
}

function updated(outcome: IncomingOutcome): JSCalendarEvent {
  if (outcome.action !== 'update') throw new Error(`expected an update, got ${JSON.stringify(outcome)}`);
  return outcome.event;
}

const who = (event: JSCalendarEvent, email: string): Participant | undefined =>
  Object.values(event.participants ?? {}).find((p) => p.sendTo?.imip?.toLowerCase() === `mailto:${email}`);

function utcStarts(event: JSCalendarEvent, from: string, to: string): string[] {
  const r = expandOccurrences(event, from, to);
  if (!r.ok) throw new Error(r.error.reason);
  return r.value.occurrences.map((o) => o.utcStart);
}

function rendered(planned: PlannedMessage): string {
  const r = renderPlanned(planned, NOW);
  if (!r.ok) throw new Error(r.error.reason);
  return r.value.ics;
}

describe('attendee side: invitations from Outlook, Gmail and Thunderbird organizers', () => {
  it('Outlook REQUEST (Windows zone, Teams link, VALARM) creates the invitation; Alice accepts; CANCEL cancels', () => {
    const copy = updated(apply(undefined, 'outlook/request-single.ics', DANA));
    expect(copy).toMatchObject({
      uid: '040000008200E00074C5B7101A82E00800000000B0C1A3F1E2A4DC01000000000000000010000000F4E1A2B3C4D5E6F708192A3B4C5D6E7F',
      title: 'Budget review',
      start: '2026-03-10T14:00:00',
      timeZone: 'Europe/Berlin', // "W. Europe Standard Time"
      duration: 'PT1H',
      useDefaultAlerts: true,
    });
    expect(copy.alerts).toBeUndefined(); // the organizer's reminder is not imposed
    expect(Object.values(copy.virtualLocations ?? {})[0]!.uri).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(who(copy, ALICE)).toMatchObject({ participationStatus: 'needs-action', expectReply: true });
    expect(who(copy, DANA)!.roles.owner).toBe(true);
    expect(utcStarts(copy, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z')).toEqual(['2026-03-10T13:00:00Z']);

    const accepted = structuredClone(copy);
    who(accepted, ALICE)!.participationStatus = 'accepted';
    const plan = planOutgoing(copy, accepted, ALICE);
    if (!plan.ok) throw new Error(plan.error.reason);
    expect(plan.value.messages).toMatchObject([{ method: 'reply', recipients: [DANA] }]);
    const reply = rendered(plan.value.messages[0]!);
    expect(reply).toContain('METHOD:REPLY');
    const lines = reply.replace(/\r\n[ \t]/g, '');
    expect(lines.match(/^ATTENDEE/gm)).toHaveLength(1); // RFC 5546 §3.2.3: only the replier
    expect(lines).toMatch(/ATTENDEE;[^\r]*PARTSTAT=ACCEPTED[^\r]*:mailto:alice@colibri\.test/);

    const cancelled = updated(apply(plan.value.event, 'outlook/cancel-single.ics', DANA));
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 1, title: 'Budget review' });
  });

  it('authenticity: an Outlook REQUEST or CANCEL not sent by its organizer is refused', () => {
    for (const sender of ['mallory@evil.test', 'jonas.weber@contoso.example'])
      expect(applyIncoming(undefined, parsed('outlook/request-single.ics'), sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    const copy = updated(apply(undefined, 'outlook/request-single.ics', DANA));
    expect(
      applyIncoming(copy, parsed('outlook/cancel-single.ics'), 'jonas.weber@contoso.example'),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('Outlook weekly: one occurrence moved (RECURRENCE-ID, SEQUENCE 1), a duplicate ignored, another cancelled', () => {
    const series = updated(apply(undefined, 'outlook/request-weekly.ics', DANA));
    expect(series.recurrenceRules).toMatchObject([{ frequency: 'weekly', byDay: [{ day: 'tu' }] }]);
    const moved = updated(apply(series, 'outlook/request-weekly-occurrence.ics', DANA));
    expect(moved.recurrenceOverrides?.['2026-03-17T10:00:00']).toMatchObject({
      start: '2026-03-17T11:30:00',
      sequence: 1,
    });
    expect(moved.sequence ?? 0).toBe(0); // the series itself did not change
    expect(utcStarts(moved, '2026-03-10T00:00:00Z', '2026-03-18T00:00:00Z')).toEqual([
      '2026-03-10T09:00:00Z',
      '2026-03-17T10:30:00Z',
    ]);
    // RFC 5546 §2.1.5: the same message again is not newer.
    expect(apply(moved, 'outlook/request-weekly-occurrence.ics', DANA)).toMatchObject({
      action: 'ignore',
      reason: 'stale',
    });
    const cancelled = updated(apply(moved, 'outlook/cancel-weekly-occurrence.ics', DANA));
    expect(cancelled.recurrenceOverrides?.['2026-03-24T10:00:00']).toEqual({ excluded: true });
    expect(cancelled.status).toBe('confirmed'); // only that occurrence is gone
    expect(utcStarts(cancelled, '2026-03-23T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-31T08:00:00Z',
    ]);
  });

  it('Gmail REQUEST (UTC times, X-GOOGLE-CONFERENCE, CN = address) and CANCEL', () => {
    const copy = updated(apply(undefined, 'gmail/request-single.ics', SAM));
    expect(copy).toMatchObject({
      title: 'Coffee chat',
      start: '2026-03-11T16:00:00',
      timeZone: 'Etc/UTC',
      duration: 'PT30M',
    });
    expect(Object.values(copy.virtualLocations ?? {}).map((v) => v.uri)).toContain(
      'https://meet.google.com/qwe-rtyu-iop',
    );
    // The organizer is also listed as an accepted attendee; it stays one participant.
    expect(who(copy, SAM)).toMatchObject({
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
    });
    expect(who(copy, ALICE)).toMatchObject({ participationStatus: 'needs-action' });
    expect(updated(apply(copy, 'gmail/cancel-single.ics', SAM))).toMatchObject({
      status: 'cancelled',
      sequence: 1,
    });
  });

  it('Gmail weekly across the US DST change; one occurrence cancelled', () => {
    const series = updated(apply(undefined, 'gmail/request-weekly.ics', SAM));
    expect(series.timeZone).toBe('America/New_York');
    expect(utcStarts(series, '2026-03-01T00:00:00Z', '2026-03-12T00:00:00Z')).toEqual([
      '2026-03-04T16:00:00Z',
      '2026-03-11T15:00:00Z',
    ]);
    const cancelled = updated(apply(series, 'gmail/cancel-weekly-occurrence.ics', SAM));
    expect(cancelled.recurrenceOverrides?.['2026-03-18T11:00:00']).toEqual({ excluded: true });
    expect(utcStarts(cancelled, '2026-03-17T00:00:00Z', '2026-03-26T00:00:00Z')).toEqual([
      '2026-03-25T15:00:00Z',
    ]);
  });

  it('Thunderbird REQUEST (X-MOZ-*, ORGANIZER with PARTSTAT); Alice proposes a new time; DECLINECOUNTER tells her', () => {
    const copy = updated(apply(undefined, 'thunderbird/request-single.ics', ERIK));
    expect(copy).toMatchObject({
      title: 'Release retro',
      start: '2026-03-13T15:00:00',
      timeZone: 'Europe/London',
    });
    expect(who(copy, ERIK)!.roles).toMatchObject({ owner: true, chair: true });

    const counter = planCounter(copy, ALICE, { start: '2026-03-13T17:00:00', comment: 'After my 4pm?' });
    if (!counter.ok) throw new Error(counter.error.reason);
    expect(counter.value.recipients).toEqual([ERIK]);
    const ics = rendered(counter.value);
    expect(ics).toContain('METHOD:COUNTER');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260313T170000');
    expect(ics).toContain('COMMENT:After my 4pm?');
    const sent = parseItip(ics);
    expect(sent.ok && sent.value.items[0]!.organizer).toBe('mailto:erik@posteo.example');
    expect(sent.ok && sent.value.items[0]!.attendees.map((a) => a.address)).toContain(
      'mailto:alice@colibri.test',
    );

    expect(apply(copy, 'thunderbird/declinecounter-single.ics', ERIK)).toEqual({
      action: 'counter-declined',
      declined: {
        uid: copy.uid,
        by: ERIK,
        comment: 'Friday afternoon is the only slot the whole team has.',
        sequence: 0,
        dtstamp: '2026-03-04T08:01:02Z',
      },
    });
    expect(applyIncoming(copy, parsed('thunderbird/declinecounter-single.ics'), ALICE)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(updated(apply(copy, 'thunderbird/cancel-single.ics', ERIK)).status).toBe('cancelled');
  });

  it('Outlook reschedule (SEQUENCE 1, new time and room) asks Alice again; the first invitation arriving late is stale', () => {
    const copy = updated(apply(undefined, 'outlook/request-single.ics', DANA));
    who(copy, ALICE)!.participationStatus = 'accepted';
    const moved = updated(apply(copy, 'outlook/request-single-rescheduled.ics', DANA));
    expect(moved).toMatchObject({ start: '2026-03-11T09:00:00', sequence: 1, useDefaultAlerts: true });
    expect(Object.values(moved.locations ?? {})[0]!.name).toBe('Room 2.03 (Berlin)');
    expect(who(moved, ALICE)!.participationStatus).toBe('needs-action');
    expect(apply(moved, 'outlook/request-single.ics', DANA)).toMatchObject({
      action: 'ignore',
      reason: 'stale',
    });
  });

  it('Gmail moves one occurrence of the weekly 1:1 (instance-only REQUEST, after the US DST change)', () => {
    const series = updated(apply(undefined, 'gmail/request-weekly.ics', SAM));
    const moved = updated(apply(series, 'gmail/request-weekly-occurrence.ics', SAM));
    expect(moved.recurrenceOverrides?.['2026-03-25T11:00:00']).toMatchObject({
      start: '2026-03-25T14:00:00',
      sequence: 1,
    });
    expect(utcStarts(moved, '2026-03-18T00:00:00Z', '2026-04-02T00:00:00Z')).toEqual([
      '2026-03-18T15:00:00Z',
      '2026-03-25T18:00:00Z',
      '2026-04-01T15:00:00Z',
    ]);
  });

  it('Thunderbird cancels one occurrence of the weekly triage', () => {
    const series = updated(apply(undefined, 'thunderbird/request-weekly.ics', ERIK));
    const cancelled = updated(apply(series, 'thunderbird/cancel-weekly-occurrence.ics', ERIK));
    expect(cancelled.recurrenceOverrides?.['2026-03-27T08:30:00']).toEqual({ excluded: true });
    expect(utcStarts(cancelled, '2026-03-20T00:00:00Z', '2026-04-04T00:00:00Z')).toEqual([
      '2026-03-20T08:30:00Z',
      '2026-04-03T07:30:00Z', // BST from 29 March
    ]);
  });

  it('Thunderbird weekly: a DECLINECOUNTER for one occurrence names that occurrence', () => {
    const series = updated(apply(undefined, 'thunderbird/request-weekly.ics', ERIK));
    const counter = planCounter(series, ALICE, {
      recurrenceId: '2026-03-20T08:30:00',
      start: '2026-03-20T10:00:00',
    });
    expect(counter.ok && rendered(counter.value)).toContain(
      'RECURRENCE-ID;TZID=Europe/London:20260320T083000',
    );
    expect(apply(series, 'thunderbird/declinecounter-weekly-occurrence.ics', ERIK)).toMatchObject({
      action: 'counter-declined',
      declined: { recurrenceId: '2026-03-20T08:30:00', by: ERIK },
    });
  });
});

const attendee = (email: string, name: string): Participant => ({
  '@type': 'Participant',
  name,
  email,
  sendTo: { imip: `mailto:${email}` },
  roles: { attendee: true },
  participationStatus: 'needs-action',
  expectReply: true,
});
const participants: Record<string, Participant> = {
  alice: {
    ...attendee(ALICE, 'Alice Durand'),
    roles: { owner: true, attendee: true },
    participationStatus: 'accepted',
  },
  bob: attendee(BOB, 'Bob Martin'),
  sam: attendee(SAM, 'Sam Lee'),
  erik: attendee(ERIK, 'Erik Lund'),
};
/** Alice's events at Colibri, which the external attendees answer. */
const planning: JSCalendarEvent = {
  '@type': 'Event',
  uid: 'colibri-planning-1@colibri.test',
  title: 'Planning',
  start: '2026-03-12T10:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  locations: { l1: { '@type': 'Location', name: 'Paris office' } },
  replyTo: { imip: `mailto:${ALICE}` },
  participants,
};
const weekly: JSCalendarEvent = {
  '@type': 'Event',
  uid: 'colibri-weekly-1@colibri.test',
  title: 'Weekly sync',
  start: '2026-03-02T09:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 10 }],
  replyTo: { imip: `mailto:${ALICE}` },
  participants,
};

const statusIn = (event: JSCalendarEvent, email: string, rid: string): string | undefined => {
  const r = expandOccurrences(event, '2026-03-01T00:00:00Z', '2026-06-01T00:00:00Z');
  const patch = r.ok ? r.value.occurrences.find((o) => o.recurrenceId === rid)?.patch : undefined;
  const id = Object.entries(event.participants ?? {}).find(([, p]) => p.email === email)![0];
  return (
    (patch?.[`participants/${id}/participationStatus`] as string | undefined) ??
    event.participants![id]!.participationStatus
  );
};

describe('organizer side: answers and proposals from Outlook, Gmail and Thunderbird attendees', () => {
  it('REPLY accept (Outlook, Gmail) and decline (Thunderbird) update only that attendee', () => {
    let copy = updated(apply(planning, 'outlook/reply-accepted-single.ics', BOB));
    expect(who(copy, BOB)).toMatchObject({
      participationStatus: 'accepted',
      scheduleSequence: 0,
      scheduleUpdated: '2026-03-02T08:12:00Z',
    });
    expect(who(copy, BOB)!.participationComment).toContain('See you there.');
    copy = updated(apply(copy, 'gmail/reply-accepted-single.ics', SAM));
    copy = updated(apply(copy, 'thunderbird/reply-declined-single.ics', ERIK));
    expect([BOB, SAM, ERIK].map((e) => who(copy, e)!.participationStatus)).toEqual([
      'accepted',
      'accepted',
      'declined',
    ]);
    expect(copy.start).toBe(planning.start);
    expect(copy.sequence).toBeUndefined();
  });

  it('replies are ordered per attendee (RFC 5546 §2.1.5): a later tentative wins, the earlier accept arriving late does not', () => {
    const accepted = updated(apply(planning, 'outlook/reply-accepted-single.ics', BOB));
    const tentative = updated(apply(accepted, 'outlook/reply-tentative-single.ics', BOB));
    expect(who(tentative, BOB)).toMatchObject({
      participationStatus: 'tentative',
      scheduleUpdated: '2026-03-02T09:00:00Z',
    });
    expect(who(tentative, BOB)!.participationComment).toContain('I will confirm on Monday');
    const late = updated(apply(planning, 'outlook/reply-tentative-single.ics', BOB));
    expect(apply(late, 'outlook/reply-accepted-single.ics', BOB)).toMatchObject({
      action: 'ignore',
      reason: 'stale',
    });
  });

  it('Thunderbird accepts one occurrence only', () => {
    const copy = updated(apply(weekly, 'thunderbird/reply-accepted-occurrence.ics', ERIK));
    expect(statusIn(copy, ERIK, '2026-03-09T09:00:00')).toBe('accepted');
    expect(statusIn(copy, ERIK, '2026-03-16T09:00:00')).toBe('needs-action');
  });

  it('authenticity: a REPLY or COUNTER sent by someone other than its attendee is refused', () => {
    for (const [path, sender] of [
      ['outlook/reply-accepted-single.ics', SAM],
      ['gmail/reply-accepted-single.ics', 'mallory@evil.test'],
      ['outlook/counter-single.ics', ERIK],
      ['thunderbird/counter-single.ics', ALICE], // listed too, but the organizer does not counter herself
    ] as const)
      expect(applyIncoming(planning, parsed(path), sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    // Not an attendee of the event at all.
    const withoutBob = { ...planning, participants: { alice: participants.alice!, sam: participants.sam! } };
    expect(applyIncoming(withoutBob, parsed('outlook/reply-accepted-single.ics'), BOB)).toMatchObject({
      ok: false,
      error: { code: 'unknown-attendee' },
    });
  });

  it('REPLY for one occurrence (Outlook RECURRENCE-ID with a Windows zone, Gmail in UTC) answers only that one', () => {
    let copy = updated(apply(weekly, 'outlook/reply-declined-occurrence.ics', BOB));
    copy = updated(apply(copy, 'gmail/reply-tentative-occurrence.ics', SAM));
    expect(statusIn(copy, BOB, '2026-03-16T09:00:00')).toBe('declined');
    expect(statusIn(copy, BOB, '2026-03-23T09:00:00')).toBe('needs-action');
    expect(statusIn(copy, SAM, '2026-03-23T09:00:00')).toBe('tentative');
    expect(copy.recurrenceOverrides?.['2026-03-23T09:00:00']).toMatchObject({
      [`participants/sam/participationComment`]: 'Might be late, dentist before.',
    });
    expect(who(copy, BOB)!.participationStatus).toBe('needs-action');
  });

  it('Outlook "propose new time": recorded, accepted: the event moves, SEQUENCE 1, REQUEST to everyone', () => {
    const outcome = apply(planning, 'outlook/counter-single.ics', BOB);
    if (outcome.action !== 'counter') throw new Error('expected a counter');
    expect(outcome.proposal).toMatchObject({
      uid: planning.uid,
      from: BOB,
      start: '2026-03-12T15:00:00',
      timeZone: 'Europe/Paris',
      duration: 'PT1H',
      utcStart: '2026-03-12T14:00:00Z',
      utcEnd: '2026-03-12T15:00:00Z',
      sequence: 0,
    });
    expect(outcome.proposal.recurrenceId).toBeUndefined();
    expect(outcome.proposal.comment).toContain('could we do the afternoon?');
    const accepted = acceptCounter(planning, outcome.proposal);
    if (!accepted.ok) throw new Error(accepted.error.reason);
    expect(accepted.value.event).toMatchObject({ start: '2026-03-12T15:00:00', sequence: 1 });
    expect(who(accepted.value.event!, BOB)).toMatchObject({
      participationStatus: 'needs-action',
      expectReply: true,
    });
    expect(accepted.value.messages).toMatchObject([{ method: 'request', recipients: [BOB, ERIK, SAM] }]);
    const ics = rendered(accepted.value.messages[0]!);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20260312T150000');
  });

  it('Outlook COUNTER for one occurrence of the weekly meeting: accepting moves only that occurrence', () => {
    const outcome = apply(weekly, 'outlook/counter-weekly-occurrence.ics', BOB);
    if (outcome.action !== 'counter') throw new Error('expected a counter');
    expect(outcome.proposal).toMatchObject({
      recurrenceId: '2026-03-23T09:00:00',
      start: '2026-03-23T16:30:00',
    });
    const accepted = acceptCounter(weekly, outcome.proposal);
    if (!accepted.ok) throw new Error(accepted.error.reason);
    const event = accepted.value.event!;
    expect(event.sequence).toBeUndefined();
    expect(event.recurrenceOverrides?.['2026-03-23T09:00:00']).toMatchObject({
      start: '2026-03-23T16:30:00',
      sequence: 1,
    });
    expect(utcStarts(event, '2026-03-16T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      '2026-03-16T08:00:00Z',
      '2026-03-23T15:30:00Z',
      '2026-03-30T07:00:00Z', // after the European DST change, still 09:00 in Paris
    ]);
    expect(accepted.value.messages).toMatchObject([
      { method: 'request', recipients: [BOB, ERIK, SAM], options: { recurrenceId: '2026-03-23T09:00:00' } },
    ]);
    const ics = rendered(accepted.value.messages[0]!);
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Paris:20260323T090000');
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20260323T163000');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).not.toContain('RRULE:FREQ=WEEKLY'); // the occurrence alone
  });

  it('Thunderbird COUNTER in another zone (London) is read in the event zone; declining sends DECLINECOUNTER', () => {
    const outcome = apply(planning, 'thunderbird/counter-single.ics', ERIK);
    if (outcome.action !== 'counter') throw new Error('expected a counter');
    expect(outcome.proposal).toMatchObject({
      from: ERIK,
      start: '2026-03-12T11:30:00',
      utcStart: '2026-03-12T10:30:00Z',
    });
    const declined = declineCounter(planning, outcome.proposal, 'The room is only free at ten.');
    if (!declined.ok) throw new Error(declined.error.reason);
    expect(declined.value).toMatchObject({ method: 'declinecounter', recipients: [ERIK] });
    const ics = rendered(declined.value);
    expect(ics).toContain('METHOD:DECLINECOUNTER');
    expect(ics).toContain('ATTENDEE:mailto:erik@posteo.example');
    expect(ics).toContain('COMMENT:The room is only free at ten.');

    const occurrence = apply(weekly, 'thunderbird/counter-weekly-occurrence.ics', ERIK);
    expect(occurrence).toMatchObject({
      action: 'counter',
      proposal: {
        recurrenceId: '2026-03-09T09:00:00',
        start: '2026-03-09T14:00:00',
        comment: 'Flying back that morning.',
      },
    });
  });

  it('a COUNTER or REPLY to an older version of the event (lower SEQUENCE) is stale', () => {
    const newer = { ...planning, sequence: 2 };
    expect(apply(newer, 'outlook/counter-single.ics', BOB)).toMatchObject({
      action: 'ignore',
      reason: 'stale',
    });
    expect(apply(newer, 'gmail/reply-accepted-single.ics', SAM)).toMatchObject({
      action: 'ignore',
      reason: 'stale',
    });
  });

  it('iMIP: an Outlook COUNTER email (quoted-printable text/calendar) goes through extractItip the same way', () => {
    const qp = fixture('outlook/counter-single.ics').replace(/=/g, '=3D');
    const raw = [
      `From: Bob Martin <${BOB}>`,
      `To: Alice Durand <${ALICE}>`,
      'Subject: New Time Proposed: Planning',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="_000_outlook_"',
      '',
      '--_000_outlook_',
      'Content-Type: text/plain; charset="us-ascii"',
      '',
      "I'm on a train that morning.",
      '--_000_outlook_',
      'Content-Type: text/calendar; charset="utf-8"; method=COUNTER',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      qp,
      '--_000_outlook_--',
    ].join('\r\n');
    const received = extractItip(raw);
    if (!received.ok) throw new Error(received.error.reason);
    const outcome = applyIncoming(planning, received.value.itip, BOB);
    expect(outcome).toMatchObject({
      ok: true,
      value: { action: 'counter', proposal: { start: '2026-03-12T15:00:00' } },
    });
  });
});
