import { toBlobId } from '../blobs/blob-id.js';
import type { BlobStore } from '../blobs/blob-store.js';
import type { BlobSweep } from '../mail-store.js';
import type { BlobId } from '../model.js';
import { blobGcIdleMs, idleMsAt } from './blob-in-use.js';
import type { Db } from './open-database.js';

/** The sweep's explicit limits: it is O(blob files), so each run does a bounded slice of it. */
export const blobSweepLimits = {
  /** Blob files looked at per `collectGarbage` run (one indexed look-up each); the next run goes on from there. */
  maxFilesPerRun: 10_000,
  /** The sweep lets the event loop run (SMTP replies, JMAP) after this many files. */
  yieldEvery: 256,
  /**
   * A finished pass starts again only this long after it ended: the sweep finds only what a
   * crash left, and a pass over 100,000 blobs is seconds of the main thread.
   */
  restartAfterMs: 24 * 60 * 60 * 1000,
} as const;

/** `meta` key of the last blob id the sweep looked at; absent when the next run starts from the beginning. */
const cursorKey = 'blobGc.sweptUpTo';
/** `meta` key of the time (ms) the last complete pass ended. */
const doneKey = 'blobGc.sweptAt';

/**
 * Removes blob files that nothing names: no account's reference, no submission in flight, and not
 * in the queue because no write ever committed them (an import or upload that died between putting
 * its blobs and committing its rows, a submission's system message once sent). Walks the files in
 * id order from where the last run stopped (a cursor in `meta`), at most `maxFiles` of them, and
 * removes only files not put within `blobGcIdleMs` of `now`, through the same claim-safe
 * `BlobStore.delete` as the queue: an import in flight has put its blobs moments ago.
 */
export async function sweepUnnamedBlobs(
  db: Db,
  blobs: BlobStore,
  inUse: (blobId: BlobId) => boolean,
  now: Date,
  maxFiles: number = blobSweepLimits.maxFilesPerRun,
  restartAfterMs: number = blobSweepLimits.restartAfterMs,
): Promise<BlobSweep> {
  const limit = Math.max(1, Math.min(Math.floor(maxFiles) || 1, blobSweepLimits.maxFilesPerRun));
  const saved = db.prepare('SELECT value FROM meta WHERE key = ?').get(cursorKey) as
    { value: string } | undefined;
  const after = saved ? toBlobId(saved.value) : null;
  if (after === null) {
    const done = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(doneKey) as
      string | undefined;
    if (done !== undefined && now.getTime() - Number(done) < restartAfterMs)
      return { examined: 0, removed: 0, complete: true };
  }
  const idleMs = idleMsAt(now);
  let examined = 0;
  let removed = 0;
  let last: BlobId | null = null;
  let complete = true;
  for await (const { blobId, modifiedAt } of blobs.list(after ? { after } : {})) {
    if (examined === limit) {
      complete = false;
      break;
    }
    examined++;
    last = blobId;
    if (examined % blobSweepLimits.yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
    if (now.getTime() - modifiedAt.getTime() < blobGcIdleMs || inUse(blobId)) continue;
    if (await blobs.delete(blobId, { idleMs })) removed++;
  }
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  if (complete || last === null) {
    db.prepare('DELETE FROM meta WHERE key = ?').run(cursorKey);
    setMeta.run(doneKey, String(now.getTime()));
  } else setMeta.run(cursorKey, last);
  return { examined, removed, complete };
}
