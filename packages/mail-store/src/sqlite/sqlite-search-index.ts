import type { IntegrityProblem } from '../mail-store.js';
import type { AccountId, EmailId } from '../model.js';
import type { SearchDocument, SearchIndex, TextCondition } from '../ports/search-index.js';
import type { Db } from './open-database.js';

/**
 * The search port as the embedded metadata backend calls it: synchronously, inside its SQLite
 * transactions. FTS5 in the same database implements it (`fts5/fts5-search-index.ts`); another
 * index plugs in through `match` alone (the query then intersects the ids it returns).
 */
export interface SqliteSearchIndex extends SearchIndex<Db, 'sync'> {
  /**
   * Present when the index lives in the same SQLite database as `emails`: the query compiler then
   * writes the condition into its own SQL (one statement, and SQLite's planner chooses whether to
   * start from the hits or walk an index in order) instead of intersecting with `match`'s ids.
   */
  readonly pushdown?: SearchPushdown;
  /**
   * Queues the document instead of indexing it now (single deliveries: see
   * `fts5/pending-documents.ts`); it becomes searchable at the next `catchUp`. Without it,
   * `index` is used.
   */
  indexLater?(db: Db, accountId: AccountId, emailId: EmailId, document: SearchDocument): void;
  /**
   * Indexes every queued document. `match` and `highlight` do it themselves; the query compiler
   * calls it before it writes a pushed-down condition; the store at open and in batches.
   */
  catchUp?(db: Db): void;
  /** Documents of no email and emails with no document, for `checkIntegrity`. */
  integrityProblems?(db: Db): IntegrityProblem[];
}

export interface SearchPushdown {
  /** SQL that is true when the emails row `e` matches the condition (at least one term). */
  emailsMatching(condition: TextCondition, bind: (value: unknown) => string): string;
  /** How many documents of any account match, counting at most `cap`: a cheap selectivity probe. */
  countHits(db: Db, condition: TextCondition, cap: number): number;
}
