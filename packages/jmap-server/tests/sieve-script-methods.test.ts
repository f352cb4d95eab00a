import { Capability } from '@colibri/jmap-types';
import { SIEVE_LIMITS, SUPPORTED_EXTENSIONS } from '@colibri/sieve';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from './support/blobs.js';
import { callOne, callUsing } from './support/call-using.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const USING = [Capability.Core, Capability.Sieve];
const call = (name: string, args: Record<string, unknown>, expected = name) =>
  callOne(f, USING, name, args, expected);
const script = (text: string) => upload(f, text, f.alice.accountId, 'application/sieve');
const GOOD = 'require "fileinto";\nif header :contains "subject" "invoice" { fileinto "Bills"; }\n';
type Created = Record<string, Record<string, unknown>>;

/** Creates a script named `name` and returns its id. */
async function createScript(name: string, text = GOOD, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await call('SieveScript/set', {
    create: { s: { name, blobId: await script(text) } },
    ...extra,
  });
  const created = (result.created as Created | null)?.s;
  if (!created) throw new Error(JSON.stringify(result.notCreated));
  return created.id as string;
}

describe('the sieve capability (RFC 9661 §1.2)', () => {
  it('is an empty object in the Session, and the account capability has the limits and our extensions', async () => {
    const session = await f.engine.getSession(f.alice, 'http://localhost');
    expect(session.capabilities[Capability.Sieve]).toEqual({});
    expect(session.accounts[f.alice.accountId]?.accountCapabilities[Capability.Sieve]).toEqual({
      implementation: expect.any(String),
      maxSizeScriptName: expect.any(Number),
      maxSizeScript: SIEVE_LIMITS.maxScriptBytes,
      maxNumberScripts: expect.any(Number),
      maxNumberRedirects: SIEVE_LIMITS.maxRedirects,
      sieveExtensions: [...SUPPORTED_EXTENSIONS],
      notificationMethods: null,
      externalLists: null,
    });
    expect(session.primaryAccounts[Capability.Sieve]).toBe(f.alice.accountId);
  });

  it('SieveScript methods are unknownMethod without the sieve capability in using', async () => {
    const response = await callUsing(
      f,
      [Capability.Core],
      [['SieveScript/get', { accountId: f.alice.accountId }, 'g']],
    );
    expect(resultOf(response, 'error').type).toBe('unknownMethod');
  });

  it("never reaches another account's scripts (accountNotFound)", async () => {
    const calls: [string, Record<string, unknown>][] = [
      ['SieveScript/get', {}],
      ['SieveScript/query', {}],
      ['SieveScript/set', {}],
      ['SieveScript/validate', { blobId: 'Gx' }],
    ];
    for (const [name, args] of calls)
      expect((await call(name, { accountId: f.bob.accountId, ...args }, 'error')).type).toBe(
        'accountNotFound',
      );
  });
});

describe('SieveScript/set create and SieveScript/get (RFC 9661 §2.4, §2.3)', () => {
  it('creates a script from an uploaded blob, inactive, and /get returns it with its blobId', async () => {
    const before = (await call('SieveScript/get', { ids: [] })).state as string;
    const blobId = await script(GOOD);
    const result = await call('SieveScript/set', { create: { a: { name: 'filters', blobId } } });
    expect(result.oldState).toBe(before);
    expect(result.notCreated).toBeNull();
    const created = (result.created as Created).a!;
    expect(created).toEqual({ id: expect.any(String), isActive: false });
    const got = await call('SieveScript/get', { ids: [created.id, 'Fnope'] });
    expect(got.list).toEqual([{ id: created.id, name: 'filters', blobId, isActive: false }]);
    expect(got.notFound).toEqual(['Fnope']);
    // The text is readable by its blobId (the client downloads it).
    const text = await f.store.readBlob(f.alice.accountId, blobId as never);
    expect(new TextDecoder().decode(text!)).toBe(GOOD);
  });

  it('names a script created with a null name (§2: the server chooses one)', async () => {
    const result = await call('SieveScript/set', {
      create: { a: { name: null, blobId: await script('keep;') } },
    });
    const created = (result.created as Created).a!;
    expect(created.name).toEqual(expect.any(String));
  });

  it('refuses an invalid script with invalidSieve naming line and column, and stores nothing', async () => {
    const result = await call('SieveScript/set', {
      create: { bad: { name: 'broken', blobId: await script('keep;\nfileinto "x";\n') } },
    });
    const error = (result.notCreated as Created).bad!;
    expect(error.type).toBe('invalidSieve');
    expect(error.description).toMatch(/line 2, column \d+/);
    const names = ((await call('SieveScript/get', {})).list as { name: string }[]).map((s) => s.name);
    expect(names).not.toContain('broken');
  });

  it('refuses a duplicate name with alreadyExists and the existing id (RFC 8620 §5.3)', async () => {
    const id = await createScript('unique-name');
    const result = await call('SieveScript/set', {
      create: { dup: { name: 'unique-name', blobId: await script('keep;') } },
    });
    expect((result.notCreated as Created).dup).toMatchObject({ type: 'alreadyExists', existingId: id });
  });

  it('refuses an unknown blob (blobNotFound), a script over maxSizeScript (tooLarge) and server-set properties', async () => {
    const big = `# ${'x'.repeat(SIEVE_LIMITS.maxScriptBytes)}\nkeep;\n`;
    const result = await call('SieveScript/set', {
      create: {
        missing: { name: 'm', blobId: 'G0000000000000000000000000000000000000000000000000000000000000000' },
        large: { name: 'l', blobId: await script(big) },
        active: { name: 'x', blobId: await script('keep;'), isActive: true },
        nameless: { blobId: await script('keep;'), id: 'Fchosen' },
      },
    });
    const notCreated = result.notCreated as Created;
    expect(notCreated.missing).toMatchObject({ type: 'blobNotFound' });
    expect(notCreated.large).toMatchObject({ type: 'tooLarge' });
    expect(notCreated.active).toMatchObject({ type: 'invalidProperties', properties: ['isActive'] });
    expect(notCreated.nameless).toMatchObject({ type: 'invalidProperties', properties: ['id'] });
  });

  it('takes the text from a Blob/upload earlier in the same request (#creationId, RFC 9404 §4.1)', async () => {
    const response = await callUsing(
      f,
      [Capability.Core, Capability.Blob, Capability.Sieve],
      [
        [
          'Blob/upload',
          { accountId: f.alice.accountId, create: { t: { data: [{ 'data:asText': 'discard;' }] } } },
          'u',
        ],
        [
          'SieveScript/set',
          { accountId: f.alice.accountId, create: { s: { name: 'uploaded', blobId: '#t' } } },
          's',
        ],
        ['SieveScript/validate', { accountId: f.alice.accountId, blobId: '#t' }, 'v'],
      ],
    );
    const created = (resultOf(response, 'SieveScript/set', 1).created as Created).s!;
    const [script] = (await call('SieveScript/get', { ids: [created.id] })).list as { blobId: string }[];
    expect(
      new TextDecoder().decode((await f.store.readBlob(f.alice.accountId, script!.blobId as never))!),
    ).toBe('discard;');
    expect(resultOf(response, 'SieveScript/validate', 2).error).toBeNull();
  });

  it("refuses bob's blob: a script's text must be readable by the account (blobNotFound)", async () => {
    const bobs = await upload(f, '# bob only\nkeep;', f.bob.accountId, 'application/sieve');
    const result = await call('SieveScript/set', { create: { b: { name: 'bob', blobId: bobs } } });
    expect((result.notCreated as Created).b).toMatchObject({ type: 'blobNotFound', notFound: [bobs] });
  });
});

describe('SieveScript/set activation (RFC 9661 §2.4)', () => {
  it('activates a script created in the same call by #creationId, reported in created', async () => {
    const blobId = await script(GOOD);
    const result = await call('SieveScript/set', {
      create: { main: { name: 'main', blobId } },
      onSuccessActivateScript: '#main',
    });
    const created = (result.created as Created).main!;
    expect(created).toEqual({ id: expect.any(String), isActive: true });
    const active = await call('SieveScript/query', { filter: { isActive: true } });
    expect(active.ids).toEqual([created.id]);
  });

  it('activating another script deactivates the current one, both reported in updated', async () => {
    const first = await createScript('first', GOOD, { onSuccessActivateScript: '#s' });
    const second = await createScript('second');
    const result = await call('SieveScript/set', { onSuccessActivateScript: second });
    expect(result.updated).toEqual({ [first]: { isActive: false }, [second]: { isActive: true } });
    const changes = await call('SieveScript/changes', { sinceState: result.oldState });
    expect(new Set(changes.updated as string[])).toEqual(new Set([first, second]));
  });

  it('does not activate when another operation of the call failed, and ignores an unknown id', async () => {
    const id = await createScript('not-yet');
    const result = await call('SieveScript/set', {
      create: { bad: { name: 'bad', blobId: await script('stop stop;') } },
      onSuccessActivateScript: id,
    });
    expect(result.updated).toBeNull();
    const ignored = await call('SieveScript/set', { onSuccessActivateScript: 'Fnope' });
    expect(ignored.updated).toBeNull();
    expect(
      ((await call('SieveScript/get', { ids: [id] })).list as { isActive: boolean }[])[0]?.isActive,
    ).toBe(false);
  });

  it('refuses to destroy the active script (sieveIsActive); deactivates, then destroys', async () => {
    const id = await createScript('to-destroy', GOOD, { onSuccessActivateScript: '#s' });
    const refused = await call('SieveScript/set', { destroy: [id] });
    expect((refused.notDestroyed as Created)[id]).toMatchObject({ type: 'sieveIsActive' });
    const off = await call('SieveScript/set', { onSuccessDeactivateScript: true });
    expect(off.updated).toEqual({ [id]: { isActive: false } });
    const gone = await call('SieveScript/set', { destroy: [id] });
    expect(gone.destroyed).toEqual([id]);
    expect((await call('SieveScript/set', { destroy: [id] })).notDestroyed).toEqual({
      [id]: { type: 'notFound' },
    });
  });
});

describe('SieveScript/set update (RFC 9661 §2.4)', () => {
  it('renames a script and replaces its text, checking the new text', async () => {
    const id = await createScript('old-name');
    const newBlob = await script('discard;');
    const result = await call('SieveScript/set', { update: { [id]: { name: 'new-name', blobId: newBlob } } });
    expect(result.updated).toEqual({ [id]: null });
    expect((await call('SieveScript/get', { ids: [id] })).list).toEqual([
      { id, name: 'new-name', blobId: newBlob, isActive: false },
    ]);
    const invalid = await call('SieveScript/set', {
      update: { [id]: { blobId: await script('if true {') } },
    });
    expect((invalid.notUpdated as Created)[id]).toMatchObject({ type: 'invalidSieve' });
    const setActive = await call('SieveScript/set', { update: { [id]: { isActive: true } } });
    expect((setActive.notUpdated as Created)[id]).toMatchObject({ type: 'invalidProperties' });
  });
});

describe('SieveScript/query (RFC 9661 §2.5) and /queryChanges (RFC 8620 §5.6)', () => {
  it('filters by name (contains) and isActive, sorts by name, and unsupportedSort for others', async () => {
    await createScript('q-beta');
    await createScript('q-alpha');
    const result = await call('SieveScript/query', {
      filter: { operator: 'AND', conditions: [{ name: 'q-' }, { isActive: false }] },
      sort: [{ property: 'name', isAscending: false }],
      calculateTotal: true,
    });
    const all = (await call('SieveScript/get', {})).list as { id: string; name: string }[];
    const byName = (name: string) => all.find((s) => s.name === name)?.id;
    expect(result.ids).toEqual([byName('q-beta'), byName('q-alpha')]);
    expect(result.total).toBe(2);
    expect(result.canCalculateChanges).toBe(true);
    expect((await call('SieveScript/query', { sort: [{ property: 'blobId' }] }, 'error')).type).toBe(
      'unsupportedSort',
    );
  });

  it('queryChanges reports the scripts changed since the query state', async () => {
    const before = await call('SieveScript/query', { filter: { name: 'qc-' } });
    const id = await createScript('qc-one');
    const changes = await call('SieveScript/queryChanges', {
      filter: { name: 'qc-' },
      sinceQueryState: before.queryState,
    });
    expect(changes.added).toEqual([{ id, index: 0 }]);
    expect(changes.removed).toEqual([id]);
  });
});

describe('SieveScript/validate (RFC 9661 §2.6)', () => {
  it('answers null for a good script and invalidSieve naming line and column for a bad one, storing nothing', async () => {
    const state = (await call('SieveScript/get', { ids: [] })).state;
    expect((await call('SieveScript/validate', { blobId: await script(GOOD) })).error).toBeNull();
    const bad = await call('SieveScript/validate', { blobId: await script('require "nope";\nkeep;\n') });
    expect(bad.error).toMatchObject({
      type: 'invalidSieve',
      description: expect.stringMatching(/line 1, column \d+/),
    });
    const missing = await call('SieveScript/validate', {
      blobId: 'G0000000000000000000000000000000000000000000000000000000000000000',
    });
    expect(missing.error).toMatchObject({ type: 'blobNotFound' });
    expect((await call('SieveScript/get', { ids: [] })).state).toBe(state);
  });
});
