import type { GroupCommit } from './group-commit.js';
import type { Db } from './open-database.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';

/** How long a queued full-text document waits for others before they are indexed together. */
export const searchBatchDelayMs = 200;
/** Queued documents that are indexed at once without waiting for the delay. */
export const searchBatchMaxDocuments = 256;

export interface SearchBatches {
  /** A single delivery queued its document (`SqliteSearchIndex.indexLater`). */
  queued(): void;
  /** Stops the timer; the store catches up synchronously before it closes the database. */
  close(): void;
}

/**
 * Indexes the documents single deliveries queued, in batches: at most `searchBatchDelayMs` after
 * the first one, or as soon as `searchBatchMaxDocuments` wait. The batch is write work like a
 * delivery's, so it goes through the group commit (one transaction, synced off the loop). A batch
 * that fails leaves its documents queued: the next batch, a text query or the next open indexes
 * them.
 */
export function createSearchBatches(db: Db, search: SqliteSearchIndex, commit: GroupCommit): SearchBatches {
  const catchUp = search.catchUp;
  let waiting = 0;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    waiting = 0;
    if (closed || !catchUp) return;
    commit(() => catchUp(db)).catch(() => undefined);
  };

  return {
    queued() {
      if (closed || !catchUp) return;
      waiting += 1;
      if (waiting >= searchBatchMaxDocuments) flush();
      else if (timer === null) {
        timer = setTimeout(flush, searchBatchDelayMs);
        timer.unref();
      }
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
