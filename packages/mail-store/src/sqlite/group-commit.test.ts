import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { createGroupCommit, type GroupCommitter } from './group-commit.js';
import { openDatabase, type Db } from './open-database.js';

let dir: string;
let db: Db;
let committer: GroupCommitter | null;
/** How many group transactions ran (each sets `synchronous = NORMAL` for its commit). */
let transactions: number;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'colibri-group-commit-'));
  db = openDatabase(dir);
  db.exec('CREATE TABLE t (v TEXT NOT NULL)');
  transactions = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    if (source === 'PRAGMA synchronous = NORMAL') transactions += 1;
    return prepare(source);
  }) as Db['prepare'];
  committer = null;
});
afterEach(async () => {
  await committer?.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (v: string) => () => db.prepare('INSERT INTO t (v) VALUES (?)').run(v).lastInsertRowid;
const stored = () => (db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all() as string[]).join(',');

describe('group commit', () => {
  it('a group waits for announced work (expect), and never for work nobody announced', async () => {
    // A window far beyond the test's timeout: any wait for it would fail the test.
    committer = createGroupCommit(db, { gatherMs: 60_000 });
    // Nothing announced: a lone piece commits at once.
    await committer.commit(insert('a'));
    expect(transactions).toBe(1);
    // One more delivery is being parsed: the piece queued meanwhile waits for it, and both
    // share one transaction once it arrives.
    const arrived = committer.expect();
    const b = committer.commit(insert('b'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stored()).toBe('a');
    const c = committer.commit(insert('c'));
    arrived();
    await Promise.all([b, c]);
    expect(stored()).toBe('a,b,c');
    expect(transactions).toBe(2);
    // Announced work that never comes (its parse failed) releases the group as it gives up.
    const failed = committer.expect();
    const d = committer.commit(insert('d'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    failed();
    failed(); // once only
    await d;
    expect(stored()).toBe('a,b,c,d');
    expect(transactions).toBe(3);
  });

  it('commits work submitted together in one transaction, each caller answered after it', async () => {
    committer = createGroupCommit(db);
    const ids = await Promise.all(['a', 'b', 'c'].map((v) => committer!.commit(insert(v))));
    expect(ids).toEqual([1, 2, 3]);
    expect(stored()).toBe('a,b,c');
    expect(transactions).toBe(1);
  });

  it('refuses a piece that throws a StoreError alone, storing nothing of it, and commits the others', async () => {
    committer = createGroupCommit(db);
    const refused = () => {
      insert('half')();
      throw new InvalidInputError('refused');
    };
    const results = await Promise.allSettled([
      committer.commit(insert('a')),
      committer.commit(refused),
      committer.commit(insert('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidInputError);
    // Rolled back and run again without the refused piece: no savepoints, nothing half stored.
    expect(stored()).toBe('a,c');
  });

  it('rejects the whole group on any other error and keeps nothing of it', async () => {
    committer = createGroupCommit(db);
    const results = await Promise.allSettled([
      committer.commit(insert('a')),
      committer.commit(() => {
        throw new Error('disk on fire');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(stored()).toBe('');
    // The committer goes on with the next work.
    await committer.commit(insert('b'));
    expect(stored()).toBe('b');
  });

  it('lets work that arrives while a group syncs commit together in the next group', async () => {
    committer = createGroupCommit(db);
    const first = committer.commit(insert('a'));
    // The first group commits at the next turn of the loop, then syncs; these two arrive after.
    await new Promise((resolve) => setImmediate(resolve));
    const later = Promise.all([committer.commit(insert('b')), committer.commit(insert('c'))]);
    await Promise.all([first, later]);
    expect(stored()).toBe('a,b,c');
    expect(transactions).toBe(2);
  });

  it('checkpoints in a worker thread between groups, so that the WAL restarts and stays small', async () => {
    committer = createGroupCommit(db, {
      // Every group, and no automatic checkpoint on the main connection to hide a missing one.
      checkpoints: {
        intervalMs: 0,
        startAfterGroups: 1,
        fallbackAutocheckpointPages: 1_000_000,
      },
    });
    const page = 'x'.repeat(6000);
    for (let i = 0; i < 60; i++) await committer.commit(insert(`${i}${page}`));
    // log = frames in the WAL: a few groups' worth, where 60 groups of 2+ pages never restarted would be 120+.
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
    expect(log).toBeLessThan(40);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(60);
  });

  it('keeps the WAL small under writers that never pause (a checkpoint never ends on an idle WAL)', async () => {
    committer = createGroupCommit(db, {
      checkpoints: { intervalMs: 0, startAfterGroups: 1, fallbackAutocheckpointPages: 1_000_000 },
    });
    const page = 'x'.repeat(6000);
    // Four writers, each submitting its next piece once the last is durable (as LMTP connections
    // do): a group is always committing, so a checkpoint never ends on an idle WAL by chance.
    const writer = async (w: number) => {
      for (let i = 0; i < 50; i++) await committer!.commit(insert(`${w}.${i}${page}`));
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    // 200 pieces of 2+ pages: 400+ frames had the WAL never restarted.
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
    expect(log).toBeLessThan(90);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(200);
  });
});
