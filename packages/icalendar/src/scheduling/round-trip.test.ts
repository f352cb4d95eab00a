import { describe, expect, it } from 'vitest';
import { expandOccurrences } from '../expand.js';
import { buildItip } from '../itip-build.js';
import { parseItip } from '../itip-parse.js';
import type { JSCalendarEvent, Participant } from '../types.js';
import { applyIncoming } from './apply-incoming.js';
import { acceptCounter, declineCounter, planCounter } from './counter.js';
import { findParticipant, instanceOf, setInOccurrence } from './event-parts.js';
import { planOutgoing } from './plan-outgoing.js';
import { renderPlanned } from './render.js';
import type { IncomingOutcome, PlannedMessage, SchedulingResult } from './types.js';

const ALICE = 'alice@colibri.test';
const BOB = 'bob@colibri.test';
const CAROL = 'carol@example.org';

const person = (email: string, name: string, extra: Partial<Participant> = {}): Participant => ({
  '@type': 'Participant',
  name,
  email,
  sendTo: { imip: `mailto:${email}` },
  roles: { attendee: true },
  participationStatus: 'needs-action',
  expectReply: true,
  ...extra,
});

const weekly: JSCalendarEvent = {
  '@type': 'Event',
  uid: 'weekly-sync@colibri.test',
  title: 'Weekly sync',
  start: '2026-03-02T09:00:00',
  timeZone: 'Europe/Paris',
  duration: 'PT1H',
  recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 10 }],
  replyTo: { imip: `mailto:${ALICE}` },
  participants: {
    alice: person(ALICE, 'Alice', {
      roles: { owner: true, attendee: true },
      participationStatus: 'accepted',
      expectReply: false,
    }),
    bob: person(BOB, 'Bob'),
    carol: person(CAROL, 'Carol'),
  },
  alerts: { a1: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT10M' } } },
};

function value<T>(
  r: SchedulingResult<T> | { ok: true; value: T } | { ok: false; error: { reason: string } },
): T {
  if (!r.ok) throw new Error(`${'code' in r.error ? String(r.error.code) : ''}: ${r.error.reason}`);
  return r.value;
}

/** Delivers a planned message to one recipient's copy, as the server would (text, parse, apply). */
function deliver(
  planned: PlannedMessage,
  now: string,
  copy: JSCalendarEvent | undefined,
  sender: string,
  recipient?: string,
): IncomingOutcome {
  const { itip } = value(renderPlanned(planned, now));
  return value(applyIncoming(copy, itip, sender, recipient ? { recipient } : {}));
}

function updated(outcome: IncomingOutcome): JSCalendarEvent {
  if (outcome.action !== 'update') throw new Error(`expected an update, got ${JSON.stringify(outcome)}`);
  return outcome.event;
}

const statusOf = (event: JSCalendarEvent, email: string, rid?: string): string | undefined =>
  findParticipant(rid ? instanceOf(event, rid) : event, email)?.[1].participationStatus;

describe('scheduling round trip (RFC 5546 §3.2, internal and iMIP alike)', () => {
  it('invite, reply per event and per occurrence, counter for one occurrence, accept: every copy moves, SEQUENCE agrees', () => {
    // Alice creates the weekly meeting: one REQUEST to both attendees, not to herself.
    const created = value(planOutgoing(undefined, weekly, ALICE));
    expect(created.messages).toHaveLength(1);
    expect(created.messages[0]).toMatchObject({ method: 'request', recipients: [BOB, CAROL] });
    let aliceCopy = created.event!;
    let bobCopy = updated(deliver(created.messages[0]!, '2026-02-20T10:00:00Z', undefined, ALICE, BOB));
    let carolCopy = updated(deliver(created.messages[0]!, '2026-02-20T10:00:00Z', undefined, ALICE, CAROL));
    expect(bobCopy.recurrenceRules).toEqual(weekly.recurrenceRules);
    expect(bobCopy.alerts).toBeUndefined(); // alarms are the organizer's own
    expect(statusOf(bobCopy, BOB)).toBe('needs-action');

    // Bob accepts the series: a REPLY to Alice, who records it.
    const bobAccepts = structuredClone(bobCopy);
    bobAccepts.participants![findParticipant(bobCopy, BOB)![0]]!.participationStatus = 'accepted';
    const bobPlan = value(planOutgoing(bobCopy, bobAccepts, BOB));
    expect(bobPlan.messages).toMatchObject([{ method: 'reply', recipients: [ALICE] }]);
    bobCopy = bobPlan.event!;
    aliceCopy = updated(deliver(bobPlan.messages[0]!, '2026-02-20T11:00:00Z', aliceCopy, BOB));
    expect(statusOf(aliceCopy, BOB)).toBe('accepted');

    // Carol declines only 16 March: a REPLY with RECURRENCE-ID; Alice's other occurrences are untouched.
    const carolDeclines = structuredClone(carolCopy);
    setInOccurrence(carolDeclines, '2026-03-16T09:00:00', findParticipant(carolCopy, CAROL)![0], {
      participationStatus: 'declined',
    });
    const carolPlan = value(planOutgoing(carolCopy, carolDeclines, CAROL));
    expect(carolPlan.messages).toHaveLength(1);
    expect(carolPlan.messages[0]!.options.recurrenceId).toBe('2026-03-16T09:00:00');
    carolCopy = carolPlan.event!;
    aliceCopy = updated(deliver(carolPlan.messages[0]!, '2026-02-20T12:00:00Z', aliceCopy, CAROL));
    expect(statusOf(aliceCopy, CAROL, '2026-03-16T09:00:00')).toBe('declined');
    expect(statusOf(aliceCopy, CAROL, '2026-03-23T09:00:00')).toBe('needs-action');
    expect(statusOf(aliceCopy, CAROL)).toBe('needs-action');

    // Bob proposes 14:00 for 23 March; Alice sees the proposal, the event itself does not change.
    const counter = value(
      planCounter(bobCopy, BOB, {
        recurrenceId: '2026-03-23T09:00:00',
        start: '2026-03-23T14:00:00',
        duration: 'PT1H',
        comment: 'Dentist in the morning',
      }),
    );
    expect(counter.recipients).toEqual([ALICE]);
    const seen = deliver(counter, '2026-02-21T08:00:00Z', aliceCopy, BOB);
    expect(seen.action).toBe('counter');
    if (seen.action !== 'counter') return;
    expect(seen.proposal).toMatchObject({
      from: BOB,
      recurrenceId: '2026-03-23T09:00:00',
      start: '2026-03-23T14:00:00',
      timeZone: 'Europe/Paris',
      duration: 'PT1H',
      utcStart: '2026-03-23T13:00:00Z',
      utcEnd: '2026-03-23T14:00:00Z',
      comment: 'Dentist in the morning',
    });

    // Alice accepts: only that occurrence moves, its SEQUENCE goes up, both attendees get the REQUEST.
    const accepted = value(acceptCounter(aliceCopy, seen.proposal));
    aliceCopy = accepted.event!;
    expect(accepted.messages).toHaveLength(1);
    expect(accepted.messages[0]).toMatchObject({
      method: 'request',
      recipients: [BOB, CAROL],
      options: { recurrenceId: '2026-03-23T09:00:00' },
    });
    expect(instanceOf(aliceCopy, '2026-03-23T09:00:00').start).toBe('2026-03-23T14:00:00');
    expect(instanceOf(aliceCopy, '2026-03-30T09:00:00').start).toBe('2026-03-30T09:00:00');
    expect(statusOf(aliceCopy, BOB, '2026-03-23T09:00:00')).toBe('needs-action'); // asked again
    bobCopy = updated(deliver(accepted.messages[0]!, '2026-02-21T09:00:00Z', bobCopy, ALICE, BOB));
    carolCopy = updated(deliver(accepted.messages[0]!, '2026-02-21T09:00:00Z', carolCopy, ALICE, CAROL));
    for (const copy of [aliceCopy, bobCopy, carolCopy]) {
      const moved = instanceOf(copy, '2026-03-23T09:00:00');
      expect(moved.start).toBe('2026-03-23T14:00:00');
      expect(moved.sequence).toBe(1);
      expect(copy.sequence ?? 0).toBe(0);
      expect(instanceOf(copy, '2026-03-30T09:00:00').start).toBe('2026-03-30T09:00:00');
      const expanded = value(expandOccurrences(copy, '2026-03-23T00:00:00Z', '2026-03-24T00:00:00Z'));
      expect(expanded.occurrences.map((o) => o.utcStart)).toEqual(['2026-03-23T13:00:00Z']);
    }
    // Carol's own decline of 16 March survives the update of another occurrence.
    expect(statusOf(carolCopy, CAROL, '2026-03-16T09:00:00')).toBe('declined');

    // Carol proposes another time for the whole series; Alice declines; Carol is told.
    const carolCounter = value(
      planCounter(carolCopy, CAROL, { start: '2026-03-02T16:00:00', comment: 'Afternoons?' }),
    );
    const proposal = deliver(carolCounter, '2026-02-22T08:00:00Z', aliceCopy, CAROL);
    if (proposal.action !== 'counter') throw new Error('expected a counter');
    expect(proposal.proposal.recurrenceId).toBeUndefined();
    const decline = value(declineCounter(aliceCopy, proposal.proposal, 'Mornings suit the team'));
    expect(decline).toMatchObject({ method: 'declinecounter', recipients: [CAROL] });
    const told = deliver(decline, '2026-02-22T09:00:00Z', carolCopy, ALICE, CAROL);
    expect(told).toMatchObject({
      action: 'counter-declined',
      declined: { uid: weekly.uid, by: ALICE, comment: 'Mornings suit the team' },
    });
  });

  it('RFC 5546 §2.1.4: moving the series bumps SEQUENCE, asks everyone again; a removed attendee gets CANCEL', () => {
    const before = value(planOutgoing(undefined, weekly, ALICE)).event!;
    setInOccurrence(before, '2026-03-16T09:00:00', 'bob', { participationStatus: 'declined' });
    const after = structuredClone(before);
    after.start = '2026-03-02T10:00:00';
    delete after.participants!.carol;
    after.participants!.bob!.participationStatus = 'accepted';
    const plan = value(planOutgoing(before, after, ALICE));
    expect(plan.event!.sequence).toBe(1);
    expect(plan.event!.participants!.bob!.participationStatus).toBe('needs-action');
    expect(plan.event!.participants!.alice!.participationStatus).toBe('accepted');
    // Bob's decline of one occurrence was for the old time as well.
    expect(plan.event!.recurrenceOverrides?.['2026-03-16T09:00:00']).toBeUndefined();
    expect(plan.messages.map((m) => [m.method, m.recipients])).toEqual([
      ['cancel', [CAROL]],
      ['request', [BOB]],
    ]);
    const carolCopy = updated(
      deliver(
        value(planOutgoing(undefined, weekly, ALICE)).messages[0]!,
        '2026-02-20T10:00:00Z',
        undefined,
        ALICE,
      ),
    );
    const cancelled = updated(deliver(plan.messages[0]!, '2026-02-23T10:00:00Z', carolCopy, ALICE));
    expect(cancelled.status).toBe('cancelled');
  });

  it('a title change keeps SEQUENCE (not significant) but still reaches attendees; an older REQUEST is ignored', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const bobCopy = updated(deliver(first.messages[0]!, '2026-02-20T10:00:00Z', undefined, ALICE, BOB));
    const after = { ...first.event!, title: 'Weekly sync (new room soon)' };
    const plan = value(planOutgoing(first.event!, after, ALICE));
    expect(plan.event!.sequence ?? 0).toBe(0);
    expect(plan.messages).toMatchObject([{ method: 'request', recipients: [BOB, CAROL] }]);
    const newer = updated(deliver(plan.messages[0]!, '2026-02-20T11:00:00Z', bobCopy, ALICE, BOB));
    expect(newer.title).toBe('Weekly sync (new room soon)');
    // The first invitation arriving late (same SEQUENCE, older DTSTAMP) changes nothing.
    expect(deliver(first.messages[0]!, '2026-02-20T10:00:00Z', newer, ALICE, BOB)).toMatchObject({
      action: 'ignore',
      reason: 'stale',
    });
  });

  it('cancelling one occurrence sends CANCEL with RECURRENCE-ID; destroying the event cancels it for all', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const bobCopy = updated(deliver(first.messages[0]!, '2026-02-20T10:00:00Z', undefined, ALICE, BOB));
    const after = structuredClone(first.event!);
    after.recurrenceOverrides = { '2026-03-09T09:00:00': { excluded: true } };
    const plan = value(planOutgoing(first.event!, after, ALICE));
    expect(plan.messages).toMatchObject([
      { method: 'cancel', recipients: [BOB, CAROL], options: { recurrenceId: '2026-03-09T09:00:00' } },
    ]);
    const bobAfter = updated(deliver(plan.messages[0]!, '2026-02-20T11:00:00Z', bobCopy, ALICE, BOB));
    const week = value(expandOccurrences(bobAfter, '2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'));
    expect(week.occurrences).toHaveLength(0);
    expect(bobAfter.status).toBeUndefined();

    const destroyed = value(planOutgoing(plan.event, undefined, ALICE));
    expect(destroyed.event).toBeUndefined();
    expect(destroyed.messages).toMatchObject([{ method: 'cancel', recipients: [BOB, CAROL] }]);
    expect(
      updated(deliver(destroyed.messages[0]!, '2026-02-20T12:00:00Z', bobAfter, ALICE, BOB)).status,
    ).toBe('cancelled');
  });

  it('an attendee deleting an invitation declines it; changing only their alerts sends nothing', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const bobCopy = updated(deliver(first.messages[0]!, '2026-02-20T10:00:00Z', undefined, ALICE, BOB));
    expect(value(planOutgoing(bobCopy, { ...bobCopy, alerts: {} }, BOB)).messages).toEqual([]);
    const gone = value(planOutgoing(bobCopy, undefined, BOB));
    expect(gone.messages).toMatchObject([
      { method: 'reply', recipients: [ALICE], options: { participationStatus: 'declined' } },
    ]);
  });

  it('REFRESH is answered with the current REQUEST for that attendee', () => {
    const aliceCopy = value(planOutgoing(undefined, weekly, ALICE)).event!;
    const refresh: PlannedMessage = {
      method: 'refresh',
      recipients: [ALICE],
      event: aliceCopy,
      options: { attendee: CAROL },
    };
    const answer = deliver(refresh, '2026-02-20T10:00:00Z', aliceCopy, CAROL);
    expect(answer).toMatchObject({
      action: 'respond',
      messages: [{ method: 'request', recipients: [CAROL] }],
    });
  });

  it('authenticity: a REPLY not from its attendee, a REQUEST not from the organizer, are refused', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const aliceCopy = first.event!;
    const { itip: request } = value(renderPlanned(first.messages[0]!, '2026-02-20T10:00:00Z'));
    expect(applyIncoming(undefined, request, 'mallory@evil.test')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const reply: PlannedMessage = {
      method: 'reply',
      recipients: [ALICE],
      event: aliceCopy,
      options: { attendee: BOB, participationStatus: 'declined' },
    };
    const { itip } = value(renderPlanned(reply, '2026-02-20T10:00:00Z'));
    expect(applyIncoming(aliceCopy, itip, CAROL)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(applyIncoming(aliceCopy, itip, `MAILTO:${BOB.toUpperCase()}`)).toMatchObject({ ok: true });
    // An attendee cannot re-send the organizer's event as its own REQUEST either.
    expect(applyIncoming(aliceCopy, request, BOB)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nor plan changes as if they were the organizer.
    expect(planOutgoing(aliceCopy, aliceCopy, 'mallory@evil.test')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('limits: too many participants or overrides is an error value, both ways', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    expect(planOutgoing(undefined, weekly, ALICE, { limits: { maxParticipants: 2 } })).toMatchObject({
      ok: false,
      error: { code: 'limit' },
    });
    const { itip } = value(renderPlanned(first.messages[0]!, '2026-02-20T10:00:00Z'));
    expect(applyIncoming(undefined, itip, ALICE, { limits: { maxParticipants: 2 } })).toMatchObject({
      ok: false,
      error: { code: 'limit' },
    });
    const many = structuredClone(weekly);
    many.recurrenceOverrides = {
      '2026-03-09T09:00:00': { title: 'a' },
      '2026-03-16T09:00:00': { title: 'b' },
    };
    expect(planOutgoing(undefined, many, ALICE, { limits: { maxOverrides: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'limit' },
    });
  });

  it('a REPLY or COUNTER for an occurrence the event does not have is refused', () => {
    const aliceCopy = value(planOutgoing(undefined, weekly, ALICE)).event!;
    const reply: PlannedMessage = {
      method: 'reply',
      recipients: [ALICE],
      event: { ...aliceCopy, recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily' }] },
      options: { attendee: BOB, participationStatus: 'accepted', recurrenceId: '2026-03-04T09:00:00' },
    };
    const { itip } = value(renderPlanned(reply, '2026-02-20T10:00:00Z'));
    expect(applyIncoming(aliceCopy, itip, BOB)).toMatchObject({
      ok: false,
      error: { code: 'unknown-occurrence' },
    });
    expect(
      planCounter(aliceCopy, BOB, { recurrenceId: '2026-03-04T09:00:00', start: '2026-03-04T10:00:00' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unknown-occurrence' },
    });
  });

  it("an update with the same SEQUENCE keeps the attendee's own answer (their REPLY may still be in flight)", () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const bobCopy = updated(deliver(first.messages[0]!, '2026-02-20T10:00:00Z', undefined, ALICE, BOB));
    const bobAccepts = structuredClone(bobCopy);
    bobAccepts.participants![findParticipant(bobCopy, BOB)![0]]!.participationStatus = 'accepted';
    // Alice renames the meeting before Bob's REPLY reaches her: her REQUEST still says NEEDS-ACTION.
    const rename = value(planOutgoing(first.event!, { ...first.event!, title: 'Weekly sync v2' }, ALICE));
    const kept = updated(deliver(rename.messages[0]!, '2026-02-20T11:00:00Z', bobAccepts, ALICE, BOB));
    expect(kept.title).toBe('Weekly sync v2');
    expect(statusOf(kept, BOB)).toBe('accepted');
    // A reschedule (SEQUENCE up) asks again: the organizer's NEEDS-ACTION wins.
    const move = value(planOutgoing(first.event!, { ...first.event!, start: '2026-03-02T11:00:00' }, ALICE));
    const asked = updated(deliver(move.messages[0]!, '2026-02-20T12:00:00Z', kept, ALICE, BOB));
    expect(asked).toMatchObject({ start: '2026-03-02T11:00:00', sequence: 1 });
    expect(statusOf(asked, BOB)).toBe('needs-action');
  });

  it('adding an attendee invites only them; the others are not re-sent the unchanged event', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const after = structuredClone(first.event!);
    after.participants!.dan = {
      ...after.participants!.bob!,
      name: 'Dan',
      email: 'dan@example.net',
      sendTo: { imip: 'mailto:dan@example.net' },
    };
    const plan = value(planOutgoing(first.event!, after, ALICE));
    expect(plan.messages).toMatchObject([{ method: 'request', recipients: ['dan@example.net'] }]);
    expect(plan.event!.sequence ?? 0).toBe(0);
  });

  it("RFC 5546 §3.2.4 ADD: a new occurrence joins the attendee's copy", () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const bobCopy = updated(deliver(first.messages[0]!, '2026-02-20T10:00:00Z', undefined, ALICE, BOB));
    const extra: JSCalendarEvent = { ...first.event!, start: '2026-03-28T09:00:00', sequence: 1 };
    delete extra.recurrenceRules;
    const text = buildItip('add', extra, { now: '2026-02-21T10:00:00Z' });
    const itip = value(parseItip(value(text)));
    const added = updated(value(applyIncoming(bobCopy, itip, ALICE, { recipient: BOB })));
    expect(added.recurrenceOverrides?.['2026-03-28T09:00:00']).toEqual({});
    expect(added.sequence).toBe(1);
    const saturday = value(expandOccurrences(added, '2026-03-28T00:00:00Z', '2026-03-29T00:00:00Z'));
    expect(saturday.occurrences.map((o) => o.utcStart)).toEqual(['2026-03-28T08:00:00Z']);
    // ADD for an event the attendee does not hold: nothing to add to (the caller may send a REFRESH).
    expect(value(applyIncoming(undefined, itip, ALICE))).toMatchObject({
      action: 'ignore',
      reason: 'not-found',
    });
  });

  it('removing an attendee who answered one occurrence cancels for them only, without stray participants', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const answered = structuredClone(first.event!);
    setInOccurrence(answered, '2026-03-16T09:00:00', 'carol', { participationStatus: 'declined' });
    const after = structuredClone(answered);
    delete after.participants!.carol;
    const plan = value(planOutgoing(answered, after, ALICE));
    expect(plan.messages.map((m) => [m.method, m.recipients])).toEqual([['cancel', [CAROL]]]);
    expect(plan.event!.recurrenceOverrides?.['2026-03-16T09:00:00']).toBeUndefined();
    // The stored copy still serializes: a later update reaches Bob.
    const later = value(planOutgoing(plan.event, { ...plan.event!, title: 'Renamed' }, ALICE));
    expect(later.messages.map((m) => [m.method, m.recipients])).toEqual([['request', [BOB]]]);
    expect(value(renderPlanned(later.messages[0]!, '2026-02-21T10:00:00Z')).ics).toContain('SUMMARY:Renamed');
  });

  it('a message about another UID, or a PUBLISH, is an error value', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE));
    const { itip } = value(renderPlanned(first.messages[0]!, '2026-02-20T10:00:00Z'));
    expect(applyIncoming({ ...first.event!, uid: 'other@colibri.test' }, itip, ALICE)).toMatchObject({
      ok: false,
      error: { code: 'bad-value' },
    });
    expect(applyIncoming(undefined, { ...itip, method: 'publish' }, ALICE)).toMatchObject({
      ok: false,
      error: { code: 'bad-method' },
    });
  });

  it('a new room or a restored occurrence bumps SEQUENCE (RFC 5546 §2.1.4) without asking everyone again', () => {
    const first = value(planOutgoing(undefined, weekly, ALICE)).event!;
    first.participants!.bob!.participationStatus = 'accepted';
    const room = value(
      planOutgoing(first, { ...first, locations: { l1: { '@type': 'Location', name: 'Room 5' } } }, ALICE),
    );
    expect(room.event).toMatchObject({
      sequence: 1,
      participants: { bob: { participationStatus: 'accepted' } },
    });
    expect(room.messages).toMatchObject([{ method: 'request', recipients: [BOB, CAROL] }]);

    const skipped = structuredClone(room.event!);
    skipped.recurrenceOverrides = { '2026-03-09T09:00:00': { excluded: true } };
    const restored = value(planOutgoing(skipped, { ...skipped, recurrenceOverrides: {} }, ALICE));
    expect(restored.event).toMatchObject({
      sequence: 2,
      participants: { bob: { participationStatus: 'accepted' } },
    });
    expect(restored.messages).toMatchObject([{ method: 'request', recipients: [BOB, CAROL] }]);
  });

  it('default limits: an incoming REQUEST with 600 attendees is refused with a limit error, not stored', () => {
    const many = structuredClone(weekly);
    for (let i = 0; i < 600; i++) many.participants![`x${i}`] = person(`guest${i}@example.net`, `Guest ${i}`);
    const text = value(buildItip('request', many, { now: '2026-02-20T10:00:00Z' }));
    const itip = value(parseItip(text));
    expect(applyIncoming(undefined, itip, ALICE)).toMatchObject({ ok: false, error: { code: 'limit' } });
  });
});
