import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../src/principal.js';
import { openFixture } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
let aliceCalendar: string;
let privateCalendar: string;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const USING = [Capability.Core, Capability.Calendars];
type Result = Record<string, unknown>;

/** One call in alice's account, made by `who`; [name, arguments] of the response. */
async function callAs(who: Principal, name: string, args: Result): Promise<[string, Result]> {
  const { status, body } = await f.engine.handleRequest(who, {
    using: USING,
    methodCalls: [[name, { accountId: f.alice.accountId, ...args }, 'c']],
  });
  if (status !== 200) throw new Error(`HTTP ${status}`);
  const [response] = (body as JmapResponse).methodResponses;
  return [response![0], response![1] as Result];
}
const asAlice = (name: string, args: Result) => callAs(f.alice, name, args);
const asBob = (name: string, args: Result) => callAs(f.bob, name, args);

const RIGHTS = [
  'mayReadFreeBusy',
  'mayReadItems',
  'mayWriteAll',
  'mayWriteOwn',
  'mayUpdatePrivate',
  'mayRSVP',
  'mayAdmin',
  'mayDelete',
] as const;
const rights = (...granted: (typeof RIGHTS)[number][]) =>
  Object.fromEntries(RIGHTS.map((r) => [r, granted.includes(r)]));

/** Alice shares her work calendar with bob, through Calendar/set (RFC 9670 §4). */
async function shareWork(...granted: (typeof RIGHTS)[number][]): Promise<void> {
  const [, result] = await asAlice('Calendar/set', {
    update: {
      [aliceCalendar]: { shareWith: granted.length === 0 ? null : { [f.bob.accountId]: rights(...granted) } },
    },
  });
  expect(result.notUpdated).toBeNull();
}

async function createEvent(calendarId: string, event: Result): Promise<string> {
  const [, result] = await asAlice('CalendarEvent/set', {
    create: {
      e: { calendarIds: { [calendarId]: true }, timeZone: 'Europe/Paris', duration: 'PT1H', ...event },
    },
  });
  const created = result.created as Record<string, { id: string }> | null;
  if (!created?.e) throw new Error(JSON.stringify(result.notCreated));
  return created.e.id;
}

beforeEach(async () => {
  if (aliceCalendar !== undefined) return;
  const [, result] = await asAlice('Calendar/set', {
    create: { work: { name: 'Work' }, home: { name: 'Home' } },
  });
  const created = result.created as Record<string, { id: string }>;
  aliceCalendar = created.work!.id;
  privateCalendar = created.home!.id;
});

describe('Calendar shareWith and myRights (JMAP Calendars §4, RFC 9670 §4)', () => {
  it('shows a shared calendar, and only it, in the sharee’s session and Calendar/get, with their rights', async () => {
    await shareWork('mayReadFreeBusy', 'mayReadItems');
    const session = await f.engine.getSession(f.bob, 'http://x.test');
    const shared = session.accounts[f.alice.accountId];
    expect(shared).toMatchObject({ isPersonal: false, isReadOnly: true });
    expect(shared!.accountCapabilities[Capability.Calendars]).toMatchObject({ mayCreateCalendar: false });
    expect(shared!.accountCapabilities[Capability.Mail]).toBeUndefined();

    const [, bobView] = await asBob('Calendar/get', { ids: null });
    const list = bobView.list as Result[];
    expect(list.map((c) => c.id)).toEqual([aliceCalendar]);
    expect(list[0]).toMatchObject({ myRights: rights('mayReadFreeBusy', 'mayReadItems'), shareWith: null });

    const [, aliceView] = await asAlice('Calendar/get', { ids: [aliceCalendar] });
    expect((aliceView.list as Result[])[0]!.shareWith).toEqual({
      [f.bob.accountId]: rights('mayReadFreeBusy', 'mayReadItems'),
    });
  });

  it('completes mayWriteAll with the rights it implies, and refuses a principal outside the directory', async () => {
    await shareWork('mayReadItems', 'mayWriteAll');
    const [, view] = await asBob('Calendar/get', { ids: [aliceCalendar] });
    expect((view.list as Result[])[0]!.myRights).toEqual(
      rights('mayReadItems', 'mayWriteAll', 'mayWriteOwn', 'mayUpdatePrivate', 'mayRSVP'),
    );
    const [, refused] = await asAlice('Calendar/set', {
      update: { [aliceCalendar]: { [`shareWith/Anobody`]: rights('mayReadItems') } },
    });
    expect(refused.notUpdated).toMatchObject({
      [aliceCalendar]: { type: 'invalidProperties', properties: ['shareWith'] },
    });
  });

  it('lets a sharee change neither the calendar nor its sharing without mayAdmin, nor delete it without mayDelete', async () => {
    await shareWork('mayReadItems');
    const [, result] = await asBob('Calendar/set', {
      create: { c: { name: 'Mine' } },
      update: { [aliceCalendar]: { name: 'Renamed' }, [privateCalendar]: { name: 'x' } },
      destroy: [aliceCalendar],
    });
    expect(result.notCreated).toMatchObject({ c: { type: 'forbidden' } });
    expect(result.notUpdated).toMatchObject({
      [aliceCalendar]: { type: 'forbidden' },
      [privateCalendar]: { type: 'notFound' },
    });
    expect(result.notDestroyed).toMatchObject({ [aliceCalendar]: { type: 'forbidden' } });
    const [, sharing] = await asBob('Calendar/set', {
      update: { [aliceCalendar]: { [`shareWith/${f.bob.accountId}/mayWriteAll`]: true } },
    });
    expect(sharing.notUpdated).toMatchObject({ [aliceCalendar]: { type: 'forbidden' } });
  });

  it('takes the account away from the sharee when the share is revoked', async () => {
    await shareWork('mayReadItems');
    expect((await asBob('CalendarEvent/get', { ids: [] }))[0]).toBe('CalendarEvent/get');
    await shareWork();
    const [name, error] = await asBob('CalendarEvent/get', { ids: [] });
    expect([name, error.type]).toEqual(['error', 'accountNotFound']);
    const session = await f.engine.getSession(f.bob, 'http://x.test');
    expect(session.accounts[f.alice.accountId]).toBeUndefined();
  });
});

describe('CalendarEvent methods in a shared calendar (JMAP Calendars §4 rights)', () => {
  it('shows the events of shared calendars only; private ones as busy time, secret ones not at all', async () => {
    await shareWork('mayReadFreeBusy', 'mayReadItems');
    const open = await createEvent(aliceCalendar, {
      title: 'Planning',
      start: '2026-05-04T10:00:00',
    });
    const hidden = await createEvent(privateCalendar, { title: 'Doctor', start: '2026-05-04T12:00:00' });
    const busy = await createEvent(aliceCalendar, {
      title: 'Interview with a rival',
      description: 'Do not tell anyone',
      start: '2026-05-05T10:00:00',
      privacy: 'private',
      freeBusyStatus: 'busy',
    });
    const secret = await createEvent(aliceCalendar, {
      title: 'Surprise',
      start: '2026-05-06T10:00:00',
      privacy: 'secret',
    });

    const [, got] = await asBob('CalendarEvent/get', { ids: [open, hidden, busy, secret] });
    expect(got.notFound).toEqual([hidden, secret]);
    const [openEvent, privateEvent] = got.list as Result[];
    expect(openEvent).toMatchObject({ id: open, title: 'Planning' });
    expect(privateEvent).toMatchObject({
      id: busy,
      start: '2026-05-05T10:00:00',
      duration: 'PT1H',
      freeBusyStatus: 'busy',
      privacy: 'private',
    });
    expect(privateEvent!.title).toBeUndefined();
    expect(privateEvent!.description).toBeUndefined();

    const [, query] = await asBob('CalendarEvent/query', {});
    expect((query.ids as string[]).sort()).toEqual([open, busy].sort());
    // The owner still sees everything.
    const [, own] = await asAlice('CalendarEvent/get', { ids: [busy], properties: ['title'] });
    expect((own.list as Result[])[0]).toMatchObject({ title: 'Interview with a rival' });
  });

  it('refuses writes to a read-only sharee and reports vanished events as destroyed in /changes', async () => {
    await shareWork('mayReadItems');
    const event = await createEvent(aliceCalendar, { title: 'Read only', start: '2026-06-01T09:00:00' });
    const [, before] = await asBob('CalendarEvent/get', { ids: [] });
    const [, result] = await asBob('CalendarEvent/set', {
      create: {
        n: {
          calendarIds: { [aliceCalendar]: true },
          title: 'Mine',
          start: '2026-06-02T09:00:00',
          duration: 'PT1H',
        },
      },
      update: { [event]: { title: 'Changed' } },
      destroy: [event],
    });
    expect(result.notCreated).toMatchObject({ n: { type: 'forbidden' } });
    expect(result.notUpdated).toMatchObject({ [event]: { type: 'forbidden' } });
    expect(result.notDestroyed).toMatchObject({ [event]: { type: 'forbidden' } });

    await asAlice('CalendarEvent/set', { update: { [event]: { calendarIds: { [privateCalendar]: true } } } });
    const [, changes] = await asBob('CalendarEvent/changes', { sinceState: before.state });
    expect(changes.destroyed).toContain(event);
    expect(changes.updated).not.toContain(event);
  });

  it('lets a sharee with mayWriteAll create, change and remove events', async () => {
    await shareWork('mayReadItems', 'mayWriteAll');
    const [, result] = await asBob('CalendarEvent/set', {
      create: {
        n: {
          calendarIds: { [aliceCalendar]: true },
          title: 'Booked by bob',
          start: '2026-06-03T09:00:00',
          duration: 'PT1H',
        },
      },
    });
    const id = (result.created as Record<string, { id: string }>).n!.id;
    const [, changed] = await asBob('CalendarEvent/set', { update: { [id]: { title: 'Moved by bob' } } });
    expect(changed.updated).toEqual({ [id]: null });
    // Not into a calendar that is not shared with him.
    const [, moved] = await asBob('CalendarEvent/set', {
      update: { [id]: { calendarIds: { [privateCalendar]: true } } },
    });
    expect(moved.notUpdated).toMatchObject({ [id]: { type: 'forbidden' } });
    const [, own] = await asAlice('CalendarEvent/get', { ids: [id], properties: ['title'] });
    expect((own.list as Result[])[0]).toMatchObject({ title: 'Moved by bob' });
    const [, destroyed] = await asBob('CalendarEvent/set', { destroy: [id] });
    expect(destroyed.destroyed).toEqual([id]);
  });

  it('lets a delegate with mayRSVP answer an invitation for the owner, and nothing more', async () => {
    await shareWork('mayReadItems', 'mayRSVP');
    const invitation = await createEvent(aliceCalendar, {
      title: 'Board meeting',
      start: '2026-06-10T14:00:00',
      participants: {
        carol: { '@type': 'Participant', email: 'carol@example.org', roles: { owner: true, attendee: true } },
        alice: {
          '@type': 'Participant',
          email: 'alice@colibri.test',
          roles: { attendee: true },
          participationStatus: 'needs-action',
        },
      },
    });
    // The delegate learns who the owner is as a participant (JMAP Calendars §3.1).
    const [, identities] = await asBob('ParticipantIdentity/get', { ids: null });
    expect((identities.list as Result[]).map((i) => i.calendarAddress)).toContain(
      'mailto:alice@colibri.test',
    );
    const [, answered] = await asBob('CalendarEvent/set', {
      update: { [invitation]: { 'participants/alice/participationStatus': 'accepted' } },
    });
    expect(answered.updated).toEqual({ [invitation]: null });
    const [, own] = await asAlice('CalendarEvent/get', { ids: [invitation], properties: ['participants'] });
    const participants = (own.list as Result[])[0]!.participants as Record<string, Result>;
    expect(participants.alice!.participationStatus).toBe('accepted');

    const [, refused] = await asBob('CalendarEvent/set', {
      update: {
        [invitation]: { title: 'Cancelled board meeting' },
      },
    });
    expect(refused.notUpdated).toMatchObject({ [invitation]: { type: 'forbidden' } });
    const [, notForOthers] = await asBob('CalendarEvent/set', {
      update: { [invitation]: { 'participants/carol/participationStatus': 'declined' } },
    });
    expect(notForOthers.notUpdated).toMatchObject({ [invitation]: { type: 'forbidden' } });
  });

  it('keeps the account from a user nothing is shared with', async () => {
    await shareWork();
    for (const name of ['Calendar/get', 'CalendarEvent/query', 'CalendarEvent/set']) {
      const [response, error] = await asBob(name, {});
      expect([response, error.type]).toEqual(['error', 'accountNotFound']);
    }
  });
});
