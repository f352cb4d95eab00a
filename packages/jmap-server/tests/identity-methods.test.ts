import { Capability } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOne, callUsing } from './support/call-using.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
  await f.store.createAlias('contact@colibri.test', f.alice.accountId);
});
afterAll(() => f.close());

const USING = [Capability.Core, Capability.Mail, Capability.Submission];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);
const state = async () => (await call('Identity/get', { ids: [] })).state as string;
const identities = async () => (await call('Identity/get', {})).list as Record<string, unknown>[];

describe('Identity/get (RFC 8621 §6.1)', () => {
  it("lists the account's default identity with every property, mayDelete false", async () => {
    const result = await call('Identity/get', { ids: null });
    expect(result.notFound).toEqual([]);
    expect(result.list).toEqual([
      {
        id: expect.any(String),
        name: 'Alice Durand',
        email: 'alice@colibri.test',
        replyTo: null,
        bcc: null,
        textSignature: '',
        htmlSignature: '',
        mayDelete: false,
      },
    ]);
  });

  it('returns only the properties asked for (and id), and unknown ids in notFound', async () => {
    const [first] = await identities();
    const result = await call('Identity/get', { ids: [first?.id, 'Inope'], properties: ['email'] });
    expect(result.list).toEqual([{ id: first?.id, email: 'alice@colibri.test' }]);
    expect(result.notFound).toEqual(['Inope']);
    const bad = await call('Identity/get', { properties: ['signature'] }, 'error');
    expect(bad.type).toBe('invalidArguments');
  });

  it('is unknownMethod without the submission capability in using (RFC 8621 §6)', async () => {
    const response = await callUsing(
      f,
      [Capability.Core, Capability.Mail],
      [['Identity/get', { accountId: f.alice.accountId }, 'g']],
    );
    expect(resultOf(response, 'error').type).toBe('unknownMethod');
  });

  it("never shows another account's identities (accountNotFound)", async () => {
    expect((await call('Identity/get', { accountId: f.bob.accountId }, 'error')).type).toBe(
      'accountNotFound',
    );
  });
});

describe('Identity/set create (RFC 8621 §6.3)', () => {
  it('creates an identity for an alias, returns its server-set properties, and logs it for Identity/changes (§6.2)', async () => {
    const before = await state();
    const result = await call('Identity/set', {
      create: {
        work: {
          name: 'Alice at work',
          email: 'contact@colibri.test',
          replyTo: [{ name: 'Support', email: 'contact@colibri.test' }],
          textSignature: '-- \nAlice',
        },
      },
    });
    expect(result.oldState).toBe(before);
    expect(result.newState).not.toBe(before);
    expect(result.notCreated).toBeNull();
    const created = (result.created as Record<string, Record<string, unknown>>).work;
    expect(created).toEqual({ id: expect.any(String), bcc: null, htmlSignature: '', mayDelete: true });

    const stored = (await identities()).find((identity) => identity.id === created?.id);
    expect(stored).toEqual({
      id: created?.id,
      name: 'Alice at work',
      email: 'contact@colibri.test',
      replyTo: [{ name: 'Support', email: 'contact@colibri.test' }],
      bcc: null,
      textSignature: '-- \nAlice',
      htmlSignature: '',
      mayDelete: true,
    });
    const changes = await call('Identity/changes', { sinceState: before });
    expect(changes).toMatchObject({
      oldState: before,
      newState: result.newState,
      hasMoreChanges: false,
      created: [created?.id],
      updated: [],
      destroyed: [],
    });
  });

  it('refuses an address the account may not send from with forbiddenFrom, storing nothing', async () => {
    const before = await state();
    const result = await call('Identity/set', {
      create: { a: { email: 'bob@colibri.test' }, b: { email: 'someone@example.org' } },
    });
    expect(result.created).toBeNull();
    expect(result.notCreated).toMatchObject({ a: { type: 'forbiddenFrom' }, b: { type: 'forbiddenFrom' } });
    expect(result.newState).toBe(before);
  });

  it('accepts a plus-address of its own (delivered to the account)', async () => {
    const result = await call('Identity/set', { create: { p: { email: 'alice+lists@colibri.test' } } });
    expect(result.notCreated).toBeNull();
    // An address the server normalised comes back in `created` (RFC 8620 §5.3: changed by the server).
    const upper = await call('Identity/set', { create: { u: { email: 'Alice+News@Colibri.test' } } });
    expect((upper.created as Record<string, Record<string, unknown>>).u).toMatchObject({
      email: 'alice+news@colibri.test',
    });
    expect((result.created as Record<string, Record<string, unknown>>).p).toMatchObject({
      name: '',
      mayDelete: true,
    });
  });

  it('reports server-set, unknown and malformed properties as invalidProperties', async () => {
    const before = await state();
    const result = await call('Identity/set', {
      create: {
        a: { email: 'alice@colibri.test', mayDelete: false, id: 'Ix' },
        b: { email: 'alice@colibri.test', signature: 'x' },
        c: { email: 'alice@colibri.test', replyTo: [{ email: 'not an address' }] },
        d: { email: 'alice@colibri.test', name: 42, bcc: 'alice@colibri.test' },
        e: { name: 'No email' },
      },
    });
    expect(result.created).toBeNull();
    const notCreated = result.notCreated as Record<string, { type: string; properties: string[] }>;
    expect(notCreated.a).toMatchObject({ type: 'invalidProperties', properties: ['mayDelete', 'id'] });
    expect(notCreated.b).toMatchObject({ type: 'invalidProperties', properties: ['signature'] });
    expect(notCreated.c).toMatchObject({ type: 'invalidProperties', properties: ['replyTo'] });
    expect(notCreated.d).toMatchObject({ type: 'invalidProperties', properties: ['name', 'bcc'] });
    expect(notCreated.e).toMatchObject({ type: 'invalidProperties', properties: ['email'] });
    expect(await state()).toBe(before);
  });

  it('lets a later call refer to the created identity by #creationId (RFC 8620 §5.3)', async () => {
    const response = await callUsing(f, USING, [
      [
        'Identity/set',
        { accountId: f.alice.accountId, create: { tmp: { email: 'alice+tmp@colibri.test' } } },
        'a',
      ],
      ['Identity/set', { accountId: f.alice.accountId, update: { '#tmp': { name: 'Temporary' } } }, 'b'],
      ['Identity/set', { accountId: f.alice.accountId, destroy: ['#tmp'] }, 'c'],
    ]);
    const id = (resultOf(response, 'Identity/set', 0).created as Record<string, { id: string }>).tmp?.id;
    expect(resultOf(response, 'Identity/set', 1).updated).toEqual({ [id as string]: null });
    expect(resultOf(response, 'Identity/set', 2).destroyed).toEqual([id]);
    expect((await identities()).some((identity) => identity.id === id)).toBe(false);
  });
});

describe('Identity/set update and destroy (RFC 8621 §6.3)', () => {
  const createOne = async (email: string) => {
    const result = await call('Identity/set', { create: { x: { email, name: 'Before' } } });
    return (result.created as Record<string, { id: string }>).x?.id as string;
  };

  it('patches name, replyTo, bcc and signatures; Identity/changes reports the update', async () => {
    const id = await createOne('alice+update@colibri.test');
    const before = await state();
    const result = await call('Identity/set', {
      update: {
        [id]: {
          name: 'After',
          bcc: [{ name: null, email: 'archive@colibri.test' }],
          htmlSignature: '<p>Alice</p>',
          email: 'alice+update@colibri.test',
          mayDelete: true,
        },
      },
    });
    expect(result).toMatchObject({ updated: { [id]: null }, notUpdated: null, oldState: before });
    expect((await identities()).find((identity) => identity.id === id)).toMatchObject({
      name: 'After',
      bcc: [{ name: null, email: 'archive@colibri.test' }],
      htmlSignature: '<p>Alice</p>',
      replyTo: null,
    });
    const changes = await call('Identity/changes', { sinceState: before });
    expect(changes).toMatchObject({ created: [], updated: [id], destroyed: [] });
  });

  it('refuses to change email or mayDelete, deep paths and bad values, changing nothing', async () => {
    const id = await createOne('alice+fixed@colibri.test');
    const before = await state();
    const result = await call('Identity/set', {
      update: {
        [id]: { email: 'contact@colibri.test' },
        [`${id}x`]: { name: 'Nobody' },
      },
    });
    expect(result.notUpdated).toEqual({
      [id]: expect.objectContaining({ type: 'invalidProperties', properties: ['email'] }),
      [`${id}x`]: { type: 'notFound' },
    });
    const more = await call('Identity/set', { update: { [id]: { mayDelete: false, textSignature: null } } });
    expect(more.notUpdated).toMatchObject({
      [id]: { type: 'invalidProperties', properties: ['mayDelete', 'textSignature'] },
    });
    const deep = await call('Identity/set', { update: { [id]: { 'replyTo/0/name': 'x' } } });
    expect(deep.notUpdated).toMatchObject({ [id]: { type: 'invalidPatch' } });
    expect(await state()).toBe(before);
    expect((await identities()).find((identity) => identity.id === id)).toMatchObject({
      email: 'alice+fixed@colibri.test',
      name: 'Before',
    });
  });

  it('destroys an identity, refuses the default one (forbidden) and unknown ids (notFound)', async () => {
    const id = await createOne('alice+gone@colibri.test');
    const defaultId = (await identities()).find((identity) => identity.mayDelete === false)?.id as string;
    const before = await state();
    const result = await call('Identity/set', { destroy: [id, defaultId, 'Iunknown'] });
    expect(result.destroyed).toEqual([id]);
    expect(result.notDestroyed).toMatchObject({
      [defaultId]: { type: 'forbidden' },
      Iunknown: { type: 'notFound' },
    });
    const ids = (await identities()).map((identity) => identity.id);
    expect(ids).toContain(defaultId);
    expect(ids).not.toContain(id);
    const changes = await call('Identity/changes', { sinceState: before });
    expect(changes).toMatchObject({ created: [], updated: [], destroyed: [id] });
  });

  it('checks ifInState (stateMismatch) before writing anything (RFC 8620 §5.3)', async () => {
    const before = await state();
    const result = await call(
      'Identity/set',
      { ifInState: `${before}0`, create: { x: { email: 'alice+never@colibri.test' } } },
      'error',
    );
    expect(result.type).toBe('stateMismatch');
    expect(await state()).toBe(before);
    const ok = await call('Identity/set', { ifInState: before, update: {} });
    expect(ok.oldState).toBe(before);
  });

  it('lets the default identity be updated (only its destruction is forbidden)', async () => {
    const defaultId = (await identities()).find((identity) => identity.mayDelete === false)?.id as string;
    const result = await call('Identity/set', { update: { [defaultId]: { name: 'Alice D.' } } });
    expect(result.updated).toEqual({ [defaultId]: null });
    expect((await identities()).find((identity) => identity.id === defaultId)).toMatchObject({
      name: 'Alice D.',
      email: 'alice@colibri.test',
      mayDelete: false,
    });
  });

  it('refuses more than maxObjectsInSet entries with requestTooLarge (RFC 8620 §5.3)', async () => {
    const destroy = Array.from({ length: 501 }, (_, i) => `I${i}`);
    expect((await call('Identity/set', { destroy }, 'error')).type).toBe('requestTooLarge');
  });

  it('answers invalidArguments for a malformed /set and cannotCalculateChanges for an unknown state', async () => {
    expect((await call('Identity/set', { create: [] }, 'error')).type).toBe('invalidArguments');
    expect((await call('Identity/set', { destroy: 'x' }, 'error')).type).toBe('invalidArguments');
    expect((await call('Identity/changes', { sinceState: 'nonsense' }, 'error')).type).toBe(
      'cannotCalculateChanges',
    );
  });
});
