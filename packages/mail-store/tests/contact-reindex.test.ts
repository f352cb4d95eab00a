import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { AccountId } from '../src/model.js';
import { openDatabase, type Db } from '../src/sqlite/open-database.js';
import { queryContactCards } from '../src/sqlite/contacts/card-query.js';
import {
  contactCardsToReindex,
  createContactCard,
  reindexContactCards,
} from '../src/sqlite/contacts/contact-cards.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(): { db: Db; account: AccountId } {
  const dir = mkdtempSync(path.join(tmpdir(), 'colibri-reindex-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  db.prepare("INSERT INTO domains (id, name, created_at) VALUES ('D1', 'x.test', 0)").run();
  db.prepare(
    "INSERT INTO accounts (id, domain_id, email, display_name, password_hash, created_at) VALUES ('A1', 'D1', 'a@x.test', 'A', 'x', 0)",
  ).run();
  return { db, account: 'A1' as AccountId };
}

// Migration 39: a card written before it has no text fields; the caller re-derives its index.
it('lists cards indexed before migration 39 until the caller re-derives them, without a change', () => {
  const { db, account } = open();
  const card = createContactCard(db, account, {
    addressBookIds: [],
    json: '{"name":{"full":"Ada Lovelace"}}',
    index: { uid: 'u1', kind: 'individual', sortName: 'ada', emails: [], phones: [], text: 'Ada Lovelace' },
  });
  db.prepare('UPDATE contact_cards SET index_version = 1 WHERE id = ?').run(card.id);
  const byName = { contains: [{ fields: ['name' as const], value: 'lovelace' }] };
  expect(queryContactCards(db, account, byName)).toEqual([]);
  expect(contactCardsToReindex(db, account, 10).map((c) => c.id)).toEqual([card.id]);
  const state = db.prepare('SELECT count(*) FROM change_log').pluck().get();
  reindexContactCards(db, account, [
    {
      id: card.id,
      index: {
        uid: 'u1',
        kind: 'individual',
        sortName: 'ada',
        emails: [],
        phones: [],
        text: 'Ada Lovelace',
        fields: { name: ['Ada Lovelace'] },
      },
    },
  ]);
  expect(contactCardsToReindex(db, account, 10)).toEqual([]);
  expect(queryContactCards(db, account, byName).map((h) => h.id)).toEqual([card.id]);
  expect(db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(state);
});
