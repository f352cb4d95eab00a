import { Capability } from '@colibri/jmap-types';
import { calendarLimits } from '@colibri/mail-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOne, callUsing } from './support/call-using.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const USING = [Capability.Core, Capability.Calendars];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);
const calendars = async () => (await call('Calendar/get', {})).list as Record<string, unknown>[];

describe('Calendar/get (JMAP Calendars §4.1)', () => {
  it('lists the default calendar with every property, the owner having every right', async () => {
    const [calendar, ...rest] = await calendars();
    expect(rest).toEqual([]);
    expect(calendar).toEqual({
      id: expect.stringMatching(/^C/),
      name: 'Calendar',
      description: null,
      color: null,
      sortOrder: 0,
      isSubscribed: true,
      isVisible: true,
      isDefault: true,
      includeInAvailability: 'all',
      defaultAlertsWithTime: null,
      defaultAlertsWithoutTime: null,
      timeZone: null,
      shareWith: null,
      myRights: {
        mayReadFreeBusy: true,
        mayReadItems: true,
        mayWriteAll: true,
        mayWriteOwn: true,
        mayUpdatePrivate: true,
        mayRSVP: true,
        mayAdmin: true,
        mayDelete: true,
      },
    });
  });

  it('is unknownMethod without the calendars capability in using', async () => {
    const response = await callUsing(
      f,
      [Capability.Core],
      [['Calendar/get', { accountId: f.alice.accountId }, 'g']],
    );
    expect(resultOf(response, 'error').type).toBe('unknownMethod');
  });

  it("never shows another account's calendars (accountNotFound)", async () => {
    expect((await call('Calendar/get', { accountId: f.bob.accountId }, 'error')).type).toBe(
      'accountNotFound',
    );
  });
});

describe('Calendar/set and Calendar/changes (JMAP Calendars §4.2, §4.3)', () => {
  it('creates, updates and destroys calendars; /changes follows them', async () => {
    const { state } = await call('Calendar/get', { ids: [] });
    const created = await call('Calendar/set', {
      create: { work: { name: 'Work', color: '#ff8800', timeZone: 'Europe/Paris' } },
    });
    const work = (created.created as Record<string, Record<string, unknown>>).work!;
    expect(work).toMatchObject({ id: expect.any(String), isDefault: false, sortOrder: 0, isVisible: true });
    const changes = await call('Calendar/changes', { sinceState: state });
    expect(changes).toMatchObject({
      created: [work.id],
      updated: [],
      destroyed: [],
      updatedProperties: null,
    });
    const updated = await call('Calendar/set', {
      update: { [work.id as string]: { isVisible: false, name: 'Office' } },
    });
    expect(updated.updated).toEqual({ [work.id as string]: null });
    expect((await calendars()).find((c) => c.id === work.id)).toMatchObject({
      name: 'Office',
      isVisible: false,
    });
    const destroyed = await call('Calendar/set', { destroy: [work.id] });
    expect(destroyed.destroyed).toEqual([work.id]);
  });

  it('names the invalid properties, and refuses server-set ones', async () => {
    const result = await call('Calendar/set', {
      create: {
        a: { name: '' },
        b: { name: 'B', timeZone: 'Mars/Olympus', includeInAvailability: 'sometimes' },
        c: { name: 'C', myRights: { mayAdmin: false } },
      },
    });
    const notCreated = result.notCreated as Record<string, { type: string; properties: string[] }>;
    expect(notCreated.a).toMatchObject({ type: 'invalidProperties', properties: ['name'] });
    expect(notCreated.b?.properties.sort()).toEqual(['includeInAvailability', 'timeZone']);
    expect(notCreated.c).toMatchObject({ type: 'invalidProperties', properties: ['myRights'] });
  });

  it('refuses to destroy a calendar with events (calendarHasEvent) unless onDestroyRemoveEvents', async () => {
    const created = await call('Calendar/set', { create: { trips: { name: 'Trips' } } });
    const tripsId = (created.created as Record<string, { id: string }>).trips!.id;
    const event = await call('CalendarEvent/set', {
      create: {
        e: {
          calendarIds: { [tripsId]: true },
          title: 'Flight',
          start: '2026-05-01T10:00:00',
          duration: 'PT2H',
        },
      },
    });
    const eventId = (event.created as Record<string, { id: string }>).e!.id;
    const refused = await call('Calendar/set', { destroy: [tripsId] });
    expect((refused.notDestroyed as Record<string, { type: string }>)[tripsId]?.type).toBe(
      'calendarHasEvent',
    );
    const done = await call('Calendar/set', { destroy: [tripsId], onDestroyRemoveEvents: true });
    expect(done.destroyed).toEqual([tripsId]);
    expect((await call('CalendarEvent/get', { ids: [eventId] })).notFound).toEqual([eventId]);
  });

  it('moves the default with onSuccessSetIsDefault and never destroys the default calendar', async () => {
    const [home] = await calendars();
    const result = await call('Calendar/set', {
      create: { next: { name: 'Next default' } },
      onSuccessSetIsDefault: '#next',
    });
    const next = (result.created as Record<string, { id: string; isDefault: boolean }>).next!;
    expect(next.isDefault).toBe(true);
    expect(result.updated).toEqual({ [home!.id as string]: { isDefault: false } });
    const refused = await call('Calendar/set', { destroy: [next.id] });
    expect((refused.notDestroyed as Record<string, { type: string }>)[next.id]?.type).toBe('forbidden');
    await call('Calendar/set', { onSuccessSetIsDefault: home!.id });
    expect((await calendars()).find((c) => c.isDefault)?.id).toBe(home!.id);
  });

  it('is overQuota past the calendars an account may have', async () => {
    const have = (await calendars()).length;
    const create = Object.fromEntries(
      Array.from({ length: calendarLimits.maxPerAccount - have + 1 }, (_, i) => [`c${i}`, { name: `c${i}` }]),
    );
    const result = await call('Calendar/set', { create });
    const refused = Object.values(result.notCreated as Record<string, { type: string }>);
    expect(refused).toEqual([{ type: 'overQuota', description: expect.any(String) }]);
    const made = Object.values(result.created as Record<string, { id: string }>).map((c) => c.id);
    await call('Calendar/set', { destroy: made });
  });
});

describe('ParticipantIdentity/get (JMAP Calendars §3.1)', () => {
  it("gives the account's own address as its default participant identity", async () => {
    const result = await call('ParticipantIdentity/get', {});
    expect(result.list).toEqual([
      {
        id: expect.any(String),
        name: 'Alice Durand',
        calendarAddress: 'mailto:alice@colibri.test',
        isDefault: true,
      },
    ]);
  });
});
