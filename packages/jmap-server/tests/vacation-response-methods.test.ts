import { Capability } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOne, callUsing } from './support/call-using.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const USING = [Capability.Core, Capability.Mail, Capability.VacationResponse];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);
const get = async () => (await call('VacationResponse/get', {})).list as Record<string, unknown>[];
const state = async () => (await call('VacationResponse/get', { ids: [] })).state as string;
const update = (patch: Record<string, unknown>) =>
  call('VacationResponse/set', { update: { singleton: patch } });

describe('VacationResponse/get (RFC 8621 §8.1)', () => {
  it('returns the singleton, disabled with null fields until set', async () => {
    expect(await get()).toEqual([
      {
        id: 'singleton',
        isEnabled: false,
        fromDate: null,
        toDate: null,
        subject: null,
        textBody: null,
        htmlBody: null,
      },
    ]);
  });

  it('answers other ids as notFound and honours properties', async () => {
    const result = await call('VacationResponse/get', {
      ids: ['singleton', 'other'],
      properties: ['isEnabled'],
    });
    expect(result.list).toEqual([{ id: 'singleton', isEnabled: false }]);
    expect(result.notFound).toEqual(['other']);
    const none = await call('VacationResponse/get', { ids: ['other'] });
    expect(none.list).toEqual([]);
  });

  it("never reaches another account's vacation response (accountNotFound)", async () => {
    const other = { accountId: f.bob.accountId };
    expect((await call('VacationResponse/get', other, 'error')).type).toBe('accountNotFound');
    const set = await call(
      'VacationResponse/set',
      { ...other, update: { singleton: { isEnabled: true } } },
      'error',
    );
    expect(set.type).toBe('accountNotFound');
    expect((await f.store.getVacationResponse(f.bob.accountId)).isEnabled).toBe(false);
  });

  it('is unknownMethod without the vacationresponse capability in using (RFC 8621 §1.3.3)', async () => {
    const response = await callUsing(
      f,
      [Capability.Core, Capability.Mail],
      [['VacationResponse/get', { accountId: f.alice.accountId }, 'v']],
    );
    expect(resultOf(response, 'error').type).toBe('unknownMethod');
  });
});

describe('VacationResponse/set (RFC 8621 §8.2)', () => {
  it('updates isEnabled, the period (UTCDate) and the texts, and moves the state', async () => {
    const before = await state();
    const result = await update({
      isEnabled: true,
      fromDate: '2026-07-01T00:00:00Z',
      toDate: '2026-07-15T18:30:00.500Z',
      subject: 'Away',
      textBody: 'Back on the 16th.',
      htmlBody: '<p>Back on the 16th.</p>',
    });
    expect(result).toMatchObject({ oldState: before, updated: { singleton: null }, notUpdated: null });
    expect(result.newState).not.toBe(before);
    expect(await get()).toEqual([
      {
        id: 'singleton',
        isEnabled: true,
        fromDate: '2026-07-01T00:00:00Z',
        toDate: '2026-07-15T18:30:00.500Z',
        subject: 'Away',
        textBody: 'Back on the 16th.',
        htmlBody: '<p>Back on the 16th.</p>',
      },
    ]);
    // A patch changes only what it names; null clears a nullable field.
    await update({ isEnabled: false, htmlBody: null });
    expect(await get()).toMatchObject([{ isEnabled: false, htmlBody: null, subject: 'Away' }]);
  });

  it('refuses create and destroy with singleton, and other ids with notFound', async () => {
    const before = await state();
    const result = await call('VacationResponse/set', {
      create: { another: { isEnabled: true } },
      update: { other: { isEnabled: true } },
      destroy: ['singleton', 'other'],
    });
    expect(result).toMatchObject({
      created: null,
      destroyed: null,
      notCreated: { another: { type: 'singleton' } },
      notUpdated: { other: { type: 'notFound' } },
      notDestroyed: { singleton: { type: 'singleton' }, other: { type: 'notFound' } },
    });
    expect(result.newState).toBe(before);
  });

  it('reports malformed, unknown and server-set properties as invalidProperties, storing nothing', async () => {
    const stored = await get();
    const before = await state();
    for (const [patch, properties] of [
      [{ isEnabled: 'yes' }, ['isEnabled']],
      [{ fromDate: '2026-07-01' }, ['fromDate']],
      [{ toDate: '2026-07-01T00:00:00+02:00' }, ['toDate']],
      [{ fromDate: '2026-13-45T99:00:00Z' }, ['fromDate']],
      [{ toDate: '2026-02-30T00:00:00Z' }, ['toDate']],
      [{ subject: 42, textBody: 'ok' }, ['subject']],
      [{ subject: 'x'.repeat(999) }, ['subject']],
      [{ id: 'other' }, ['id']],
      [{ replyTo: 'me' }, ['replyTo']],
      [{ fromDate: '2026-08-02T00:00:00Z', toDate: '2026-08-01T00:00:00Z' }, ['fromDate', 'toDate']],
    ] as const) {
      const result = await update(patch);
      expect(result.notUpdated, JSON.stringify(patch)).toMatchObject({
        singleton: { type: 'invalidProperties', properties },
      });
    }
    expect(await state()).toBe(before);
    expect(await get()).toEqual(stored);
    // The id may be sent unchanged.
    expect((await update({ id: 'singleton' })).updated).toEqual({ singleton: null });
  });

  it('checks ifInState, and patches only whole properties', async () => {
    const before = await state();
    expect((await call('VacationResponse/set', { ifInState: 'old', update: {} }, 'error')).type).toBe(
      'stateMismatch',
    );
    expect((await update({ 'subject/x': 'y' })).notUpdated).toMatchObject({
      singleton: { type: 'invalidPatch' },
    });
    expect(await state()).toBe(before);
  });
});
