import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations as knownMigrations, type Migration } from './migrations.js';
import { registerSortFunctions } from './query/sort-sql.js';

export type Db = Database.Database;

/** The store's SQLite file inside the data folder. */
export const databaseFileName = 'colibri.sqlite';

/** The page cache of each connection, in KiB. */
export const pageCacheKiB = 64 * 1024;

/** Opens (creating when missing) the store's SQLite file, in WAL mode, and migrates it. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, databaseFileName));
  try {
    db.pragma('journal_mode = WAL');
    // FULL: the WAL is fsynced at every COMMIT, so what the store acknowledges (an SMTP/LMTP 250,
    // an import result) survives a power loss too. NORMAL could lose the last transactions. The
    // cost is one fsync per transaction, which group commit and batch import share among many.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The default page cache (2 MiB) holds a few interior pages of a 100,000-message store: every
    // insert then re-read its index pages through the OS, and a batch spilled dirty pages into the
    // WAL mid-transaction. 64 MiB keeps the hot part of the indexes; it is a ceiling, not an
    // allocation (a small store uses little of it).
    db.pragma(`cache_size = -${pageCacheKiB}`);
    // Sorts and DISTINCTs over a page of results need no temporary file.
    db.pragma('temp_store = MEMORY');
    // Another process (a CLI, a second BFF) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    migrate(db);
    cacheStatements(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Sets `synchronous` through a cached statement: `db.pragma` compiles its SQL on every call, and
 * the group commit switches it twice per transaction.
 */
export function setSynchronous(db: Db, mode: 'NORMAL' | 'FULL'): void {
  db.prepare(`PRAGMA synchronous = ${mode}`).run();
}

function appliedVersions(db: Db): Set<number> {
  return new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own IMMEDIATE
 * transaction (so two processes opening the same file never both apply one). Returns the versions
 * applied. Refuses a file migrated by a newer Colibri, whose schema this code does not know.
 */
export function migrate(db: Db, migrations: readonly Migration[] = knownMigrations): number[] {
  // Migration 8's backfill and triggers call the store's SQL functions.
  registerSortFunctions(db);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const newestApplied = Math.max(0, ...appliedVersions(db));
  if (newestApplied > newest) {
    throw new Error(
      `The data folder's schema (version ${newestApplied}) is newer than this Colibri knows (${newest})`,
    );
  }
  const ran: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (appliedVersions(db).has(migration.version)) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
      ran.push(migration.version);
    }).immediate();
  }
  return ran;
}

/** Compiled statements kept per SQL text (bounded: the store's SQL is a fixed set of strings). */
const maxCachedStatements = 500;

/**
 * Makes `db.prepare` reuse the compiled statement of the same SQL text: the store prepares its
 * statements where it uses them, and compiling them again on every call cost about 7% of an
 * import. A statement still busy (an open `.iterate()`) is not shared: a fresh one is compiled.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) return cached;
    const statement = prepare(sql);
    if (!cached && cache.size < maxCachedStatements) cache.set(sql, statement);
    return statement;
  }) as Db['prepare'];
}
