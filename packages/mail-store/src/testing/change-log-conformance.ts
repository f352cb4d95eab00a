import { describe, expect, it } from 'vitest';
import { CannotCalculateChangesError } from '../errors.js';
import type { AccountId, ChangeType, State } from '../model.js';
import type { CallMode } from '../ports/call-mode.js';
import type { ChangeEntry, ChangeLog } from '../ports/change-log.js';
import { useFreshPerTest } from './fresh-per-test.js';
import { andThen, type PortBackend } from './port-fixture.js';

/** Opens a fresh, empty change log of the backend under test, with the backend's transactions. */
export type ChangeLogFactory<Tx> = () => Promise<PortBackend<Tx> & { log: ChangeLog<Tx, CallMode> }>;

/**
 * The `ChangeLog` port's conformance suite (STYLE 17): what a JMAP client depends on in
 * RFC 8620 §5.2 /changes, through the port only. Call it at the top level of a vitest file.
 */
export function describeChangeLogConformance<Tx>(name: string, factory: ChangeLogFactory<Tx>): void {
  describe(`ChangeLog conformance: ${name}`, () => {
    const f = useFreshPerTest(factory);
    const record = (account: AccountId, changes: readonly ChangeEntry[], type: ChangeType = 'Email') =>
      f().transact((tx) => f().log.record(tx, account, type, changes));
    const state = (account: AccountId, type: ChangeType = 'Email') =>
      f().transact((tx) => f().log.currentState(tx, account, type));
    const since = (account: AccountId, sinceState: State, maxChanges?: number, type: ChangeType = 'Email') =>
      f().transact((tx) => f().log.changesSince(tx, account, type, sinceState, maxChanges));
    const prune = (account: AccountId, upTo: State) =>
      f().transact((tx) => f().log.prune(tx, account, 'Email', upTo));
    const nothing = { created: [], updated: [], destroyed: [], hasMoreChanges: false };

    it('advances the state with each write and reports what changed since a state', async () => {
      const account = await f().newAccount();
      const s0 = await state(account);
      const s1 = await record(account, [
        ['a', 'created'],
        ['b', 'created'],
      ]);
      expect(s1).not.toBe(s0);
      expect(await state(account)).toBe(s1);
      expect(await since(account, s0)).toEqual({
        oldState: s0,
        newState: s1,
        created: ['a', 'b'],
        updated: [],
        destroyed: [],
        hasMoreChanges: false,
      });
      expect(await since(account, s1)).toEqual({ oldState: s1, newState: s1, ...nothing });
      expect(await record(account, [])).toBe(s1);
      expect(await state(account)).toBe(s1);
    });

    it('collapses the changes of one object (RFC 8620 §5.2)', async () => {
      const account = await f().newAccount();
      const s0 = await state(account);
      await record(account, [['a', 'created']]);
      const s1 = await state(account);
      for (const entry of [
        ['a', 'updated'],
        ['b', 'created'],
        ['b', 'destroyed'],
        ['c', 'updated'],
        ['c', 'updated'],
        ['d', 'updated'],
        ['d', 'destroyed'],
        ['e', 'destroyed'],
      ] as const)
        await record(account, [entry]);
      expect(await since(account, s0)).toMatchObject({
        created: ['a'],
        updated: ['c'],
        destroyed: ['d', 'e'],
      });
      expect(await since(account, s1)).toMatchObject({
        created: [],
        updated: ['a', 'c'],
        destroyed: ['d', 'e'],
      });
    });

    it('stops after maxChanges ids at a state to resume from (hasMoreChanges)', async () => {
      const account = await f().newAccount();
      const s0 = await state(account);
      await record(account, [
        ['a', 'created'],
        ['a', 'updated'],
      ]);
      await record(account, [['a', 'updated']]);
      // One write of three: each entry is a step of its own, so a page may end inside it.
      await record(account, [
        ['b', 'created'],
        ['c', 'created'],
        ['d', 'created'],
      ]);
      const current = await state(account);
      const pages: string[][] = [];
      let from = s0;
      for (let more = true; more;) {
        const page = await since(account, from, 2);
        expect(page.oldState).toBe(from);
        expect(page.created.length + page.updated.length + page.destroyed.length).toBeLessThanOrEqual(2);
        pages.push(page.created);
        more = page.hasMoreChanges;
        from = page.newState;
      }
      expect(pages).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      expect(from).toBe(current);
      expect(await since(account, s0, 1)).toMatchObject({ created: ['a'], hasMoreChanges: true });
      expect(await since(account, s0, 10)).toMatchObject({
        created: ['a', 'b', 'c', 'd'],
        hasMoreChanges: false,
        newState: current,
      });
    });

    it('cannot calculate changes from a state it never issued', async () => {
      const account = await f().newAccount();
      await record(account, [['a', 'created']]);
      for (const garbage of ['', 'garbage', '-1', '1.5', '0x1', ' 1', '99999999999999'])
        await expect(since(account, garbage)).rejects.toBeInstanceOf(CannotCalculateChangesError);
    });

    it('cannot calculate changes from a state older than the pruned history', async () => {
      const account = await f().newAccount();
      const s0 = await state(account);
      const s1 = await record(account, [['a', 'created']]);
      const s2 = await record(account, [['b', 'created']]);
      const s3 = await record(account, [['c', 'created']]);
      expect(await prune(account, s2)).toBeGreaterThan(0);
      for (const gone of [s0, s1])
        await expect(since(account, gone)).rejects.toBeInstanceOf(CannotCalculateChangesError);
      expect(await since(account, s2)).toMatchObject({ created: ['c'], newState: s3 });
      await prune(account, s3);
      await expect(since(account, s2)).rejects.toBeInstanceOf(CannotCalculateChangesError);
      expect(await since(account, s3)).toMatchObject({ newState: s3, ...nothing });
      const s4 = await record(account, [['d', 'created']]);
      expect(await since(account, s3)).toMatchObject({ created: ['d'], newState: s4 });
    });

    it('keeps accounts and types apart', async () => {
      const alice = await f().newAccount();
      const bob = await f().newAccount();
      const bobEmail = await state(bob);
      const aliceMailbox = await state(alice, 'Mailbox');
      const aliceEmail = await record(alice, [['a', 'created']]);
      expect(await state(bob)).toBe(bobEmail);
      expect(await state(alice, 'Mailbox')).toBe(aliceMailbox);
      expect(await since(bob, bobEmail)).toMatchObject(nothing);
      expect(await since(alice, aliceMailbox, undefined, 'Mailbox')).toMatchObject(nothing);
      await record(bob, [['b', 'created']]);
      await prune(alice, aliceEmail);
      expect(await since(bob, bobEmail)).toMatchObject({ created: ['b'] });
      await f().transact((tx) => f().log.deleteAccount(tx, alice));
      expect(await since(bob, bobEmail)).toMatchObject({ created: ['b'] });
    });

    it('commits with the caller’s transaction and rolls back with it', async () => {
      const account = await f().newAccount();
      const s0 = await state(account);
      await expect(
        f().transact((tx) =>
          andThen(f().log.record(tx, account, 'Email', [['a', 'created']]), () => {
            throw new Error('the write failed');
          }),
        ),
      ).rejects.toThrow('the write failed');
      expect(await state(account)).toBe(s0);
      expect(await since(account, s0)).toMatchObject(nothing);
      const inside = await f().transact((tx) =>
        andThen(f().log.record(tx, account, 'Email', [['b', 'created']]), (recorded) =>
          andThen(f().log.currentState(tx, account, 'Email'), (current) => ({ recorded, current })),
        ),
      );
      expect(inside.current).toBe(inside.recorded);
      expect(await since(account, s0)).toMatchObject({ created: ['b'], newState: inside.recorded });
    });
  });
}
