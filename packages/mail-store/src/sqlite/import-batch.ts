import type { AccountId, BlobId, EmailId } from '../model.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { InvalidInputError, StoreError } from '../errors.js';
import type { BatchImportInput, BatchImportResult } from '../mail-store.js';
import { checkImportInput, commitImport, type ImportOptions } from './import-message.js';
import { prepareImportBytes, type PreparedImport } from './prepare-import.js';
import type { GroupCommit } from './group-commit.js';
import type { PreparePool } from './prepare-pool.js';
import { createChangeBatch } from './change-log.js';
import type { Db } from './open-database.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';

/** At most this many messages per `importMessages` call (callers split larger sources). */
export const maxImportBatchMessages = 1000;
/** An import key (the caller's idempotency key for one message) is at most this long. */
export const maxImportKeyLength = 1024;

async function putAll(blobs: BlobStore, list: Uint8Array[]): Promise<void> {
  if (blobs.putMany) await blobs.putMany(list);
  else for (const bytes of list) await blobs.put(bytes);
}

function failed(error: unknown): BatchImportResult {
  if (error instanceof StoreError) return { status: 'failed', error };
  throw error;
}

/**
 * The fast import path: parses every message of the batch (in the `pool`'s threads when given, so
 * that the caller's next batch parses while this one commits), writes all their blobs in one durable
 * round (`BlobStore.putMany`: one fsync round instead of one per file), then indexes them all in
 * ONE IMMEDIATE transaction. The result has one entry per input,
 * in order: `imported`, `skipped` (its `importKey` was already imported: resumable imports never
 * store a message twice, as the key is written in the same transaction as the email) or `failed`
 * with the `StoreError` (bad mailbox, keyword, too large, over quota) — a failed item leaves the
 * others untouched. Anything else (I/O) rejects the whole call, storing no row of the batch.
 */
export async function importMessages(
  db: Db,
  search: SqliteSearchIndex,
  blobs: BlobStore,
  accountId: AccountId,
  inputs: BatchImportInput[],
  pool?: PreparePool,
  groupCommit?: GroupCommit,
): Promise<BatchImportResult[]> {
  if (inputs.length > maxImportBatchMessages)
    throw new InvalidInputError(`At most ${maxImportBatchMessages} messages per batch import`);
  const results: (BatchImportResult | null)[] = inputs.map(() => null);
  const findKey = db.prepare('SELECT email_id FROM import_keys WHERE account_id = ? AND import_key = ?');
  const candidates: { index: number; options: ImportOptions }[] = [];
  for (const [index, input] of inputs.entries()) {
    try {
      if (
        input.importKey !== undefined &&
        (input.importKey.length === 0 || input.importKey.length > maxImportKeyLength)
      )
        throw new InvalidInputError(`An import key has 1 to ${maxImportKeyLength} characters`);
      const options = checkImportInput(input);
      const known =
        input.importKey === undefined
          ? undefined
          : (findKey.get(accountId, input.importKey) as { email_id: string } | undefined);
      if (known) results[index] = { status: 'skipped', emailId: known.email_id as EmailId };
      else candidates.push({ index, options });
    } catch (error) {
      results[index] = failed(error);
    }
  }
  const prepare = (raw: Uint8Array) =>
    pool ? pool.prepare(raw) : Promise.resolve().then(() => prepareImportBytes(raw));
  const settled = await Promise.allSettled(candidates.map(({ index }) => prepare(inputs[index]!.raw)));
  // The raw messages to store, once each (the same bytes twice in a batch are one blob).
  const collected = new Map<BlobId, Uint8Array>();
  const ready: { index: number; prepared: PreparedImport; options: ImportOptions }[] = [];
  for (const [i, outcome] of settled.entries()) {
    const { index, options } = candidates[i]!;
    if (outcome.status === 'rejected') {
      results[index] = failed(outcome.reason);
      continue;
    }
    collected.set(outcome.value.rawBlobId, inputs[index]!.raw);
    ready.push({ index, prepared: outcome.value, options });
  }
  // Small messages are rows written by the batch's own transaction (no transaction of their own);
  // the others go to the blob store in one durable round first.
  const staged: { write(): void }[] = [];
  const toPut: Uint8Array[] = [];
  for (const raw of collected.values()) {
    const stage = blobs.stageInTransaction?.(raw) ?? null;
    if (stage) staged.push(stage);
    else toPut.push(raw);
  }
  await putAll(blobs, toPut);

  const addKey = db.prepare('INSERT INTO import_keys (account_id, import_key, email_id) VALUES (?, ?, ?)');
  // Through the group commit when given: its sync of the WAL and its checkpoints run off the event
  // loop, so the next batch is read and parsed meanwhile. The work may run again (group-commit.ts):
  // it sets every result it owns each time.
  const work = () => {
    for (const stage of staged) stage.write();
    const changes = createChangeBatch();
    for (const { index, prepared, options } of ready) {
      const key = inputs[index]!.importKey;
      // Checked again inside the transaction: the same key twice in one batch, or a concurrent run.
      const known =
        key === undefined ? undefined : (findKey.get(accountId, key) as { email_id: string } | undefined);
      if (known) {
        results[index] = { status: 'skipped', emailId: known.email_id as EmailId };
        continue;
      }
      try {
        // No savepoint per message: commitImport throws a StoreError (this item fails) only before
        // its first write, and anything else rolls the whole batch back. A savepoint copied every
        // page each message touched to a statement journal, a tenth of an import's time.
        const { id } = commitImport(db, search, accountId, prepared, options, changes.add);
        if (key !== undefined) addKey.run(accountId, key, id);
        results[index] = { status: 'imported', emailId: id };
      } catch (error) {
        results[index] = failed(error);
      }
    }
    changes.record(db, accountId);
  };
  if (groupCommit) await groupCommit(work);
  else db.transaction(work).immediate();
  return results.map((r) => r!);
}
