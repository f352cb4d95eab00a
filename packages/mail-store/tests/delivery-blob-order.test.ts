import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../src/blobs/blob-store.js';
import { createFsBlobStore } from '../src/blobs/fs-blob-store.js';
import { createTieredBlobStore } from '../src/blobs/tiered-blob-store.js';
import { openMailStore } from '../src/index.js';
import { smallBlobMaxBytes } from '../src/open-mail-store.js';
import { createFts5SearchIndex } from '../src/sqlite/fts5/fts5-search-index.js';
import { createGroupCommit, type GroupCommitter } from '../src/sqlite/group-commit.js';
import { importMessage } from '../src/sqlite/import-message.js';
import { openDatabase, type Db } from '../src/sqlite/open-database.js';
import { startPreparePool } from '../src/sqlite/prepare-pool.js';
import { createSmallBlobStore } from '../src/sqlite/small-blobs.js';
import { createTestStore, message, type TestStore } from './helpers.js';

/**
 * The blob store's seam: the files are written for real, but each `put` of a blob file ends (is
 * reported durable) only when the test says, so that what happens meanwhile is a matter of order.
 */
function heldBlobs(root: string) {
  const files = createFsBlobStore(root);
  const held: (() => void)[] = [];
  let reached: () => void = () => undefined;
  const store: BlobStore = {
    ...files,
    put: async (bytes) => {
      const id = await files.put(bytes);
      await new Promise<void>((resolve) => {
        held.push(resolve);
        reached();
      });
      return id;
    },
  };
  return {
    store,
    /** Resolves once a put is held (its file written for real). */
    reached: () => new Promise<void>((resolve) => (reached = resolve)),
    /** Puts written and not yet reported durable. */
    get held() {
      return held.length;
    },
    release: () => held.shift()!(),
  };
}

/** A few turns of the event loop: enough for anything not waiting on something else to happen. */
const turns = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Larger than a blob row: its raw bytes go to a file of the blob store. */
const large = (subject: string) => message({ Subject: subject }, 'large body line\r\n'.repeat(8_000));

let t: TestStore;
let db: Db | null = null;
let committer: GroupCommitter | null = null;
afterEach(async () => {
  await committer?.close();
  committer = null;
  db?.close();
  db = null;
  await t.cleanup();
});

describe('a delivery and its blob file', () => {
  it('commits no metadata of a large message before its blob is durable', async () => {
    t = await createTestStore();
    const root = path.join(t.dataDir, 'held-blobs');
    const held = heldBlobs(root);
    await t.store.close();
    // The store on the same data folder, its large blobs through the held seam.
    t.store = await openMailStore({ dataDir: t.dataDir, blobStore: held.store });
    const reached = held.reached();
    const importing = t.store.importMessage(t.account.id, { raw: large('big'), mailboxIds: [t.inbox.id] });
    await reached;
    expect(held.held).toBe(1);
    await turns();
    // The file is written, but not yet reported synced: no row names it.
    expect((await t.store.queryEmails(t.account.id, {})).total).toBe(0);
    held.release();
    const email = await importing;
    expect((await t.store.queryEmails(t.account.id, {})).ids).toEqual([email.id]);
  });

  it("commits other deliveries while a large one's blob is still being synced (no wait for it)", async () => {
    t = await createTestStore();
    const held = heldBlobs(path.join(t.dataDir, 'held-blobs'));
    // A second connection to the store's file, with a group commit whose gather window is far
    // beyond the test's timeout: should a group wait for the held delivery, the test fails.
    db = openDatabase(t.dataDir);
    const connection = db;
    const blobs = createTieredBlobStore(
      createSmallBlobStore(connection, smallBlobMaxBytes),
      held.store,
      smallBlobMaxBytes,
    );
    committer = createGroupCommit(connection, { gatherMs: 60_000 });
    const search = createFts5SearchIndex();
    const pool = startPreparePool(0);
    const importOne = (raw: Uint8Array) =>
      importMessage(
        connection,
        search,
        blobs,
        t.account.id,
        { raw, mailboxIds: [t.inbox.id] },
        committer!,
        () => pool,
      );
    const reached = held.reached();
    const big = importOne(large('big'));
    await reached;
    expect(held.held).toBe(1);
    const small = await importOne(message({ Subject: 'small' }, 'hello'));
    const count = () => connection.prepare('SELECT count(*) FROM emails').pluck().get();
    expect(count()).toBe(1);
    held.release();
    const bigEmail = await big;
    expect(count()).toBe(2);
    expect(new Set([small.id, bigEmail.id]).size).toBe(2);
    await pool.close();
  });
});
