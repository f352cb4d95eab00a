import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/errors.js';
import { verifyPassword } from '../src/password-hash.js';
import type { Account, MailStore } from '../src/index.js';
import { openTempStore } from './helpers.js';

let store: MailStore;
let cleanup: () => Promise<void>;
let alice: Account;

beforeEach(async () => {
  ({ store, cleanup } = await openTempStore());
  await store.createDomain('colibri.test');
  await store.createDomain('other.test');
  alice = await store.createAccount({ email: 'alice@colibri.test', displayName: 'Alice', passwordHash: 'x' });
});
afterEach(() => cleanup());

describe('bookable resources (rooms and equipment)', () => {
  it('creates a room as an account with no login, a calendar and an identity for its address', async () => {
    const room = await store.createResource({
      email: 'Room.Azur@colibri.test',
      displayName: 'Salle Azur',
      kind: 'room',
      policy: 'auto',
    });
    expect(room).toMatchObject({
      email: 'room.azur@colibri.test',
      displayName: 'Salle Azur',
      kind: 'room',
      policy: 'auto',
      approverId: null,
    });
    expect(await store.getResource(room.accountId)).toEqual(room);
    expect(await store.getResource(alice.id)).toBeNull();
    const hash = await store.getPasswordHash(room.accountId);
    expect(await verifyPassword('', hash ?? '')).toBe(false);
    expect(await verifyPassword('!resource', hash ?? '')).toBe(false);
    expect(await store.listCalendars(room.accountId)).toHaveLength(1);
    expect((await store.listIdentities(room.accountId)).map((i) => i.email)).toEqual([
      'room.azur@colibri.test',
    ]);
    expect(await store.listMailboxes(room.accountId)).toEqual([]);
    expect(await store.resolveAddress('room.azur@colibri.test')).toBe(room.accountId);
  });

  it('shares the calendar of an approval resource with its approver (read + RSVP only)', async () => {
    const beamer = await store.createResource({
      email: 'beamer@colibri.test',
      displayName: 'Beamer',
      kind: 'equipment',
      policy: 'approval',
      approverId: alice.id,
    });
    const [share] = await store.listCollectionSharesWith(alice.id);
    expect(share).toMatchObject({ kind: 'calendar', accountId: beamer.accountId, granteeId: alice.id });
    expect(share?.rights).toMatchObject({ mayReadItems: true, mayRSVP: true, mayWriteAll: false });
  });

  it('refuses a bad kind, policy, name or approver, and creates nothing then', async () => {
    const base = { email: 'r@colibri.test', displayName: 'R', kind: 'room', policy: 'auto' } as const;
    const other = await store.createAccount({ email: 'x@other.test', displayName: 'X', passwordHash: 'x' });
    const bad = [
      { ...base, kind: 'car' as never },
      { ...base, policy: 'maybe' as never },
      { ...base, displayName: '  ' },
      { ...base, policy: 'approval' as const },
      { ...base, policy: 'approval' as const, approverId: other.id },
      { ...base, approverId: 'A-nobody' as never },
    ];
    for (const input of bad)
      await expect(store.createResource(input)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.listResources()).toEqual([]);
    expect(await store.findAccountByEmail('r@colibri.test')).toBeNull();
  });

  it('lists resources by address and forgets one deleted with its account; an approver’s deletion leaves none', async () => {
    const b = await store.createResource({
      email: 'b@colibri.test',
      displayName: 'B',
      kind: 'room',
      policy: 'approval',
      approverId: alice.id,
    });
    const a = await store.createResource({
      email: 'a@colibri.test',
      displayName: 'A',
      kind: 'room',
      policy: 'auto',
    });
    expect((await store.listResources()).map((r) => r.email)).toEqual(['a@colibri.test', 'b@colibri.test']);
    await store.deleteAccount(a.accountId);
    await store.deleteAccount(alice.id);
    expect(await store.listResources()).toEqual([{ ...b, approverId: null }]);
  });
});
