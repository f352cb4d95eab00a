import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMailStore } from '../src/index.js';
import { searchBatchDelayMs } from '../src/sqlite/search-batches.js';
import { createTestStore, message, type TestStore } from './helpers.js';

// SQLite-specific: a single delivery queues its full-text document (search_pending, migration 27)
// and it is indexed in a batch. Whatever the queue holds, a search must find the mail, and a crash
// must lose no document.

let t: TestStore;
beforeEach(async () => {
  t = await createTestStore();
});
afterEach(async () => {
  await t.cleanup();
});

/** A second connection on the store's file: what is queued and what is indexed, right now. */
function peek(dataDir: string): { queued: number; indexed: number } {
  const db = new Database(path.join(dataDir, 'colibri.sqlite'), { readonly: true });
  try {
    return {
      queued: db.prepare('SELECT count(*) FROM search_pending').pluck().get() as number,
      indexed: db.prepare('SELECT count(*) FROM email_fts').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

const deliver = (subject: string, body = 'quarterly figures attached') =>
  t.store.importMessage(t.account.id, {
    raw: message({ From: 'bob@example.test', To: 'alice@example.test', Subject: subject }, body),
    mailboxIds: [t.inbox.id],
    keywords: [],
  });

const search = (text: string) => t.store.queryEmails(t.account.id, { filter: { text } });

describe('queued full-text documents', () => {
  it('a delivered message is found at once, its document still queued', async () => {
    const email = await deliver('Budget zeppelin');
    expect(peek(t.dataDir)).toEqual({ queued: 1, indexed: 0 });
    expect((await search('zeppelin')).ids).toEqual([email.id]);
    // The query indexed the queue first.
    expect(peek(t.dataDir)).toEqual({ queued: 0, indexed: 1 });
  });

  it('snippets highlight a message whose document was queued', async () => {
    const email = await deliver('Budget zeppelin');
    const {
      list: [snippet],
    } = await t.store.getSearchSnippets(t.account.id, { text: 'zeppelin' }, [email.id]);
    expect(snippet?.subject).toBe('Budget <mark>zeppelin</mark>');
  });

  it('queued documents are indexed together in the background', async () => {
    await Promise.all([deliver('one walrus'), deliver('two walrus'), deliver('three walrus')]);
    await expect
      .poll(() => peek(t.dataDir), { timeout: 20 * searchBatchDelayMs })
      .toEqual({
        queued: 0,
        indexed: 3,
      });
  });

  it('destroying an email whose document is queued leaves nothing behind', async () => {
    const email = await deliver('Short-lived narwhal');
    await t.store.destroyEmails(t.account.id, [email.id]);
    expect(peek(t.dataDir)).toEqual({ queued: 0, indexed: 0 });
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
    expect((await search('narwhal')).ids).toEqual([]);
  });

  it('deleting the account drops its queued documents', async () => {
    await deliver('Account puffin');
    await t.store.deleteAccount(t.account.id);
    expect(peek(t.dataDir)).toEqual({ queued: 0, indexed: 0 });
  });

  it('documents a crashed process left queued are indexed when the store opens', async () => {
    const email = await deliver('Crash ocelot');
    // As a process killed before its batch leaves it: the email committed, its document queued.
    // (close() indexes the queue, so the row is put back behind the store's back afterwards.)
    await t.store.close();
    const raw = new Database(path.join(t.dataDir, 'colibri.sqlite'));
    const searchId = raw.prepare('SELECT search_id FROM emails WHERE id = ?').pluck().get(email.id);
    raw.prepare('DELETE FROM email_fts WHERE rowid = ?').run(searchId);
    raw
      .prepare("INSERT INTO search_pending VALUES (?, 'Crash ocelot', 'alice', 'quarterly figures', '')")
      .run(searchId);
    raw.close();
    t.store = await openMailStore({ dataDir: t.dataDir });
    expect(peek(t.dataDir)).toEqual({ queued: 0, indexed: 1 });
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
    expect((await search('ocelot')).ids).toEqual([email.id]);
  });

  it('the integrity check counts a queued document as indexed, and names one of no email', async () => {
    await deliver('Queued lemur');
    expect((await t.store.checkIntegrity()).problems).toEqual([]);
    const raw = new Database(path.join(t.dataDir, 'colibri.sqlite'));
    raw.prepare("INSERT INTO search_pending VALUES (999999, 'orphan', '', '', '')").run();
    raw.close();
    const { problems } = await t.store.checkIntegrity();
    expect(problems).toEqual([
      { kind: 'orphanSearchRow', subject: '999999', detail: 'queued full-text document of no email' },
    ]);
  });
});
