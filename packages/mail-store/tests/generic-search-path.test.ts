import { describe, expect, it } from 'vitest';
import { createFts5SearchIndex, withoutPushdown } from '../src/sqlite/fts5/fts5-search-index.js';
import type { SqliteSearchIndex } from '../src/sqlite/sqlite-search-index.js';
import { describeAccountAdmin } from '../src/testing/account-admin.js';
import { describeDestroy } from '../src/testing/destroy.js';
import { describeQueries } from '../src/testing/queries.js';
import { describeQueryChanges } from '../src/testing/query-changes.js';
import { describeQueryFilters } from '../src/testing/query-filters.js';
import { describeSearchSnippets } from '../src/testing/search-snippets.js';
import { createTestStore, message, openTempStore } from './helpers.js';

/** A store whose queries cannot push MATCH into SQL: text conditions go through `match` ids. */
const genericStore = () => openTempStore({ searchIndex: withoutPushdown(createFts5SearchIndex()) });

// The path a PostgreSQL full-text or external index takes (ids intersected with the SQL query):
// the behaviours that search touches must be the same as with the FTS5 pushdown.
describe('search through the generic path (no pushdown)', () => {
  describeQueryFilters(genericStore);
  describeQueries(genericStore);
  describeSearchSnippets(genericStore);
  describeQueryChanges(genericStore);
  describeDestroy(genericStore);
  describeAccountAdmin(genericStore);

  it('asks the port for the account’s ids and gives the same pages as the pushdown', async () => {
    const pushed = await createTestStore();
    const fts = withoutPushdown(createFts5SearchIndex());
    const asked: string[] = [];
    const counting: SqliteSearchIndex = {
      ...fts,
      match(db, accountId, condition) {
        asked.push(`${condition.field}:${condition.terms.join(' ')}`);
        return fts.match(db, accountId, condition);
      },
    };
    const t = await createTestStore({ searchIndex: counting });
    const { store: generic, account, inbox } = t;
    try {
      for (const [i, subject] of ['report one', 'weekly report', 'lunch', 'Report three'].entries())
        for (const [store, accountId, mailboxId] of [
          [generic, account.id, inbox.id],
          [pushed.store, pushed.account.id, pushed.inbox.id],
        ] as const)
          await store.importMessage(accountId, {
            raw: message({ Subject: subject, From: `Sender ${i} <s${i}@example.test>` }, `body ${i}`),
            mailboxIds: [mailboxId],
            receivedAt: new Date(Date.UTC(2026, 0, 1 + i)),
          });
      const subjects = async (store: typeof generic, accountId: typeof account.id, ids: readonly string[]) =>
        (await store.getEmails(accountId, ids as never)).map((e) => e.subject);
      for (const filter of [
        { text: 'report' },
        { subject: 'rep', from: 'sender' },
        { operator: 'OR' as const, conditions: [{ body: 'body' }, { text: 'lunch' }] },
        { operator: 'NOT' as const, conditions: [{ text: 'report' }] },
      ]) {
        const mine = await generic.queryEmails(account.id, { filter, limit: 2, position: 1 });
        const theirs = await pushed.store.queryEmails(pushed.account.id, { filter, limit: 2, position: 1 });
        expect(mine.total).toBe(theirs.total);
        expect(await subjects(generic, account.id, mine.ids)).toEqual(
          await subjects(pushed.store, pushed.account.id, theirs.ids),
        );
      }
      expect(asked).toContain('text:report');
      expect(asked).toContain('from:sender');
    } finally {
      await t.cleanup();
      await pushed.cleanup();
    }
  });
});
