import type { AccountId, BlobId, SieveScriptId, SieveScriptRecord } from '../model.js';
import {
  AlreadyExistsError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StoreError,
} from '../errors.js';
import { newId } from '../ids.js';
import type { CreateSieveScriptInput, UpdateSieveScriptInput } from '../mail-store.js';
import { accountMayRead, releaseBlob } from './blob-refs.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';

/**
 * Scripts per account and the length of a name in UTF-8 octets (RFC 9661 §1.2.1 lets the server
 * choose both: maxNumberScripts, maxSizeScriptName).
 */
export const sieveScriptLimits = { maxPerAccount: 32, maxNameOctets: 512 };

interface SieveScriptRow {
  id: string;
  account_id: string;
  name: string;
  blob_id: string;
  is_active: number;
}

const toRecord = (r: SieveScriptRow): SieveScriptRecord => ({
  id: r.id as SieveScriptId,
  accountId: r.account_id as AccountId,
  name: r.name,
  blobId: r.blob_id as BlobId,
  isActive: r.is_active === 1,
});

/**
 * RFC 5804 §1.6 (which RFC 9661 §2 points to for names): no control characters, not empty; we also
 * bound the length.
 */
function checkName(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name))
    throw new InvalidInputError('A script name must be non-empty and without control characters');
  if (Buffer.byteLength(name, 'utf8') > sieveScriptLimits.maxNameOctets)
    throw new InvalidInputError(`A script name is limited to ${sieveScriptLimits.maxNameOctets} octets`);
  return name;
}

function assertNameFree(db: Db, accountId: AccountId, name: string, except: string | null): void {
  const taken = db
    .prepare('SELECT id FROM sieve_scripts WHERE account_id = ? AND name = ?')
    .pluck()
    .get(accountId, name) as string | undefined;
  if (taken !== undefined && taken !== except) throw new AlreadyExistsError(`Sieve script "${name}"`);
}

/** The blob must be one the account may read already (an upload, usually): NotFoundError else. */
function assertBlob(db: Db, accountId: AccountId, blobId: BlobId): void {
  if (!accountMayRead(db)(accountId, blobId)) throw new NotFoundError(`Blob ${blobId}`);
}

export function listSieveScripts(db: Db, accountId: AccountId): SieveScriptRecord[] {
  return (
    db
      .prepare('SELECT * FROM sieve_scripts WHERE account_id = ? ORDER BY name, id')
      .all(accountId) as SieveScriptRow[]
  ).map(toRecord);
}

/** The script run on delivery, or null. */
export function getActiveSieveScript(db: Db, accountId: AccountId): SieveScriptRecord | null {
  const row = db
    .prepare('SELECT * FROM sieve_scripts WHERE account_id = ? AND is_active = 1')
    .get(accountId) as SieveScriptRow | undefined;
  return row ? toRecord(row) : null;
}

export function createSieveScript(
  db: Db,
  accountId: AccountId,
  input: CreateSieveScriptInput,
): SieveScriptRecord {
  return db
    .transaction(() => {
      const { n } = db
        .prepare('SELECT count(*) AS n FROM sieve_scripts WHERE account_id = ?')
        .get(accountId) as {
        n: number;
      };
      if (n >= sieveScriptLimits.maxPerAccount)
        throw new StoreError(
          'overQuota',
          `An account has at most ${sieveScriptLimits.maxPerAccount} scripts`,
        );
      const id = newId('SieveScript');
      // RFC 9661 §2: a script created without a name gets one from the server: its id is unique.
      const name = checkName(input.name ?? id);
      assertNameFree(db, accountId, name, null);
      assertBlob(db, accountId, input.blobId);
      const row: SieveScriptRow = { id, account_id: accountId, name, blob_id: input.blobId, is_active: 0 };
      db.prepare(
        `INSERT INTO sieve_scripts (id, account_id, name, blob_id, is_active)
         VALUES (@id, @account_id, @name, @blob_id, @is_active)`,
      ).run(row);
      changeLog.record(db, accountId, 'SieveScript', [[id, 'created']]);
      return toRecord(row);
    })
    .immediate();
}

function loadRow(db: Db, accountId: AccountId, id: SieveScriptId): SieveScriptRow {
  const row = db.prepare('SELECT * FROM sieve_scripts WHERE id = ? AND account_id = ?').get(id, accountId) as
    SieveScriptRow | undefined;
  if (!row) throw new NotFoundError(`Sieve script ${id}`);
  return row;
}

/** Renames the script or replaces its text; the old text's blob goes to the GC queue if unused. */
export function updateSieveScript(
  db: Db,
  accountId: AccountId,
  id: SieveScriptId,
  patch: UpdateSieveScriptInput,
): SieveScriptRecord {
  return db
    .transaction(() => {
      const row = { ...loadRow(db, accountId, id) };
      const oldBlob = row.blob_id as BlobId;
      if (patch.name !== undefined) {
        row.name = checkName(patch.name);
        assertNameFree(db, accountId, row.name, id);
      }
      if (patch.blobId !== undefined) {
        assertBlob(db, accountId, patch.blobId);
        row.blob_id = patch.blobId;
      }
      db.prepare('UPDATE sieve_scripts SET name = @name, blob_id = @blob_id WHERE id = @id').run(row);
      if (row.blob_id !== oldBlob) releaseBlob(db, oldBlob);
      changeLog.record(db, accountId, 'SieveScript', [[id, 'updated']]);
      return toRecord(row);
    })
    .immediate();
}

/** RFC 9661 §2.4: the active script cannot be destroyed (ForbiddenError: `sieveIsActive`). */
export function destroySieveScript(db: Db, accountId: AccountId, id: SieveScriptId): void {
  db.transaction(() => {
    const row = loadRow(db, accountId, id);
    if (row.is_active === 1) throw new ForbiddenError('The active script cannot be destroyed');
    db.prepare('DELETE FROM sieve_scripts WHERE id = ?').run(id);
    releaseBlob(db, row.blob_id as BlobId);
    changeLog.record(db, accountId, 'SieveScript', [[id, 'destroyed']]);
  }).immediate();
}

/**
 * Makes `id` the account's one active script, or none (`null`), in one transaction. Returns the
 * scripts whose `isActive` changed, with their new value (RFC 9661 §2.4 reports them as updated).
 * NotFoundError for an unknown id.
 */
export function activateSieveScript(
  db: Db,
  accountId: AccountId,
  id: SieveScriptId | null,
): { id: SieveScriptId; isActive: boolean }[] {
  return db
    .transaction(() => {
      if (id !== null) loadRow(db, accountId, id);
      const current = getActiveSieveScript(db, accountId);
      if (current?.id === id) return [];
      const changed: { id: SieveScriptId; isActive: boolean }[] = [];
      if (current) {
        db.prepare('UPDATE sieve_scripts SET is_active = 0 WHERE id = ?').run(current.id);
        changed.push({ id: current.id, isActive: false });
      }
      if (id !== null) {
        db.prepare('UPDATE sieve_scripts SET is_active = 1 WHERE id = ?').run(id);
        changed.push({ id, isActive: true });
      }
      changeLog.record(
        db,
        accountId,
        'SieveScript',
        changed.map((c) => [c.id, 'updated']),
      );
      return changed;
    })
    .immediate();
}
