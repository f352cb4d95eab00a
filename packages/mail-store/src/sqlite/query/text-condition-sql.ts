import type { AccountId } from '../../model.js';
import type { TextCondition } from '../../ports/search-index.js';
import type { Db } from '../open-database.js';
import type { SqliteSearchIndex } from '../sqlite-search-index.js';

/**
 * A text condition (at least one term) as SQL over the emails row `e`, with a probe counting its
 * hits up to a cap (how selective it is); `bind` names a parameter.
 */
export type TextConditionSql = (
  condition: TextCondition,
  bind: (value: unknown) => string,
) => { sql: string; countHits: (cap: number) => number };

/**
 * How the query compiler asks the search port. An index in the same SQLite database (FTS5) is
 * pushed into the query's own SQL, so that one statement does it all (the 100k-message benchmark's
 * search and list timings depend on it). Any other index is asked for the account's matching ids
 * first, and the query keeps the emails among them (`json_each` over the bound id list).
 */
export function textConditionSql(db: Db, search: SqliteSearchIndex, accountId: AccountId): TextConditionSql {
  const { pushdown } = search;
  if (pushdown !== undefined)
    return (condition, bind) => {
      // Queued documents become searchable before a query can miss them.
      search.catchUp?.(db);
      return {
        sql: pushdown.emailsMatching(condition, bind),
        countHits: (cap) => pushdown.countHits(db, condition, cap),
      };
    };
  return (condition, bind) => {
    const ids = search.match(db, accountId, condition);
    return {
      sql: `e.id IN (SELECT value FROM json_each(${bind(JSON.stringify(ids))}))`,
      countHits: () => ids.length,
    };
  };
}
