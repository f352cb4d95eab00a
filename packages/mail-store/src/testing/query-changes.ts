import { describe, expect, it } from 'vitest';
import type { EmailId, EmailQueryChanges, EmailSort } from '../model.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

/** RFC 8620 §5.6: what a client does with queryChanges: drop `removed`, then splice in `added`. */
function apply(old: EmailId[], changes: EmailQueryChanges): EmailId[] {
  const removed = new Set(changes.removed);
  const ids = old.filter((id) => !removed.has(id));
  for (const { id, index } of changes.added) ids.splice(index, 0, id);
  return ids;
}

export function describeQueryChanges(factory: MailStoreFactory): void {
  describe('queryEmailChanges (RFC 8620 §5.6)', () => {
    const f = useFixture(factory);
    const sort: EmailSort[] = [{ property: 'subject', isAscending: true }];

    it('turns the old results into the new ones through creates, keyword changes, moves and destroys', async () => {
      const { store, account, inbox, importMail } = f();
      const archive = await store.createMailbox(account.id, { name: 'Archive' });
      const mails = [];
      for (const subject of ['bravo', 'delta', 'foxtrot', 'hotel'])
        mails.push(await importMail({ Subject: subject }));
      const filter = { inMailbox: inbox.id, notKeyword: '$seen' };
      const before = await store.queryEmails(account.id, { filter, sort });
      const sinceState = await store.getState(account.id, 'Email');

      await importMail({ Subject: 'alpha' });
      await importMail({ Subject: 'echo' });
      await store.setKeywords(account.id, mails[0]!.id, ['$seen']);
      await store.setMailboxes(account.id, mails[1]!.id, [archive.id]);
      await store.destroyEmails(account.id, [mails[2]!.id]);

      const changes = await store.queryEmailChanges(account.id, { filter, sort, sinceState });
      const after = await store.queryEmails(account.id, { filter, sort });
      expect(apply(before.ids, changes)).toEqual(after.ids);
      expect(changes).toMatchObject({
        oldState: sinceState,
        newState: await store.getState(account.id, 'Email'),
        total: 3,
      });
      expect(changes.removed).toEqual(expect.arrayContaining([mails[0]!.id, mails[1]!.id, mails[2]!.id]));
      expect(changes.added.map((a) => a.index)).toEqual([0, 1]);
    });

    it('reports nothing from the current state', async () => {
      const { store, account, importMail } = f();
      await importMail({ Subject: 'one' });
      const sinceState = await store.getState(account.id, 'Email');
      expect(await store.queryEmailChanges(account.id, { sort, sinceState })).toMatchObject({
        oldState: sinceState,
        newState: sinceState,
        total: 1,
        removed: [],
        added: [],
      });
    });

    it('refuses more changes than maxChanges', async () => {
      const { store, account, importMail } = f();
      const sinceState = await store.getState(account.id, 'Email');
      await importMail({ Subject: 'one' });
      await importMail({ Subject: 'two' });
      await expect(store.queryEmailChanges(account.id, { sinceState, maxChanges: 3 })).rejects.toMatchObject({
        code: 'tooManyChanges',
      });
      expect((await store.queryEmailChanges(account.id, { sinceState, maxChanges: 4 })).added).toHaveLength(
        2,
      );
    });

    it('cannot calculate from an unknown state or for queries that depend on whole threads', async () => {
      const { store, account } = f();
      const sinceState = await store.getState(account.id, 'Email');
      for (const input of [
        { sinceState: '999999' },
        { sinceState: 'garbage' },
        { sinceState, collapseThreads: true },
        {
          sinceState,
          filter: { operator: 'NOT' as const, conditions: [{ someInThreadHaveKeyword: '$seen' }] },
        },
        {
          sinceState,
          sort: [{ property: 'allInThreadHaveKeyword' as const, keyword: '$seen', isAscending: true }],
        },
      ]) {
        await expect(store.queryEmailChanges(account.id, input)).rejects.toMatchObject({
          code: 'cannotCalculateChanges',
        });
      }
    });
  });
}
