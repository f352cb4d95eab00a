import type {
  AccountId,
  EmailFilter,
  EmailId,
  EmailQuery,
  EmailQueryChanges,
  EmailQueryChangesInput,
  EmailSort,
} from '../model.js';
import { CannotCalculateChangesError, InvalidInputError, TooManyChangesError } from '../errors.js';
import { sqliteChangeLog as changeLog } from './change-log.js';
import type { Db } from './open-database.js';
import { queryEmails } from './query-emails.js';
import type { SqliteSearchIndex } from './sqlite-search-index.js';

/** Conditions whose result for one email depends on other emails of its thread. */
const threadConditions = ['allInThreadHaveKeyword', 'someInThreadHaveKeyword', 'noneInThreadHaveKeyword'];

function filterUsesThreads(filter: EmailFilter): boolean {
  if ('operator' in filter) return filter.conditions.some(filterUsesThreads);
  return threadConditions.some((c) => (filter as Record<string, unknown>)[c] !== undefined);
}

/**
 * Whether the query's results can be followed through the Email change log: an email's presence
 * and place must depend on that email alone. Thread-wide keyword conditions and sorts, and
 * collapseThreads, depend on its thread's other emails, whose changes are not this email's: those
 * queries answer cannotCalculateChanges (RFC 8620 §5.6 allows it), and Email/query says
 * canCalculateChanges: false for them.
 */
export function canFollowQueryChanges(query: {
  filter?: EmailFilter;
  sort?: EmailSort[];
  collapseThreads?: boolean;
}): boolean {
  if (query.collapseThreads) return false;
  if (query.filter !== undefined && filterUsesThreads(query.filter)) return false;
  return !(query.sort ?? []).some((s) => s.property.endsWith('InThreadHaveKeyword'));
}

/**
 * RFC 8620 §5.6 for Email queries, the simple sound way the RFC describes: every email created,
 * updated or destroyed since `sinceState` is in `removed` (it may have left the results or moved),
 * and those of them in the current results are `added` at their current index. A client that
 * removes all of `removed` and then inserts `added` in index order gets the current results,
 * because every email not changed keeps its relative order (its keys did not change). The current
 * results are computed in full in the same synchronous read as the change log and the state.
 * `upToId` is not used (RFC 8620 §5.6 lets a server ignore it).
 */
export function queryEmailChanges(
  db: Db,
  search: SqliteSearchIndex,
  accountId: AccountId,
  input: EmailQueryChangesInput,
): EmailQueryChanges {
  if (!canFollowQueryChanges(input))
    throw new CannotCalculateChangesError('This query depends on whole threads and cannot be followed');
  if (input.maxChanges !== undefined && (!Number.isSafeInteger(input.maxChanges) || input.maxChanges < 1))
    throw new InvalidInputError('maxChanges must be a positive integer');
  return db.transaction(() => {
    const changes = changeLog.changesSince(db, accountId, 'Email', input.sinceState);
    const changed = [...changes.created, ...changes.updated, ...changes.destroyed] as EmailId[];
    // Every result is read, so their number is the total: no separate count.
    const query: EmailQuery = { calculateTotal: false };
    if (input.filter !== undefined) query.filter = input.filter;
    if (input.sort !== undefined) query.sort = input.sort;
    const { ids } = queryEmails(db, search, accountId, query, { unlimited: true });
    const indexOf = new Map(ids.map((id, index) => [id, index]));
    const added = changed
      .filter((id) => indexOf.has(id))
      .map((id) => ({ id, index: indexOf.get(id)! }))
      .sort((a, b) => a.index - b.index);
    const count = changed.length + added.length;
    if (input.maxChanges !== undefined && count > input.maxChanges)
      throw new TooManyChangesError(count, input.maxChanges);
    return {
      oldState: input.sinceState,
      newState: changeLog.currentState(db, accountId, 'Email'),
      total: ids.length,
      removed: changed,
      added,
    };
  })();
}
