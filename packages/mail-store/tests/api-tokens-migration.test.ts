import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiTokenDigest } from '../src/api-token-secret.js';
import { migrate } from '../src/sqlite/open-database.js';
import { openOldDatabase } from './helpers.js';

// Migration 29 moves the BFF's API tokens from the meta JSON (bff.apiTokens.v1) into api_tokens:
// every existing token must keep working.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'colibri-api-tokens-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('migration 29: API tokens from the meta table', () => {
  it('keeps every token of an existing account, with its creation time, and forgets the meta value', () => {
    const db = openOldDatabase(dir, 29);
    try {
      const kept = apiTokenDigest('colibri_kept');
      const orphan = apiTokenDigest('colibri_orphan');
      const legacy = {
        [kept]: { accountId: 'A1', username: 'a@example.test', createdAt: '2026-01-02T03:04:05.678Z' },
        [orphan]: { accountId: 'A-gone', username: 'x@example.test', createdAt: '2026-01-02T03:04:05.678Z' },
        'not-a-digest': {
          accountId: 'A1',
          username: 'a@example.test',
          createdAt: '2026-01-02T03:04:05.678Z',
        },
      };
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(
        'bff.apiTokens.v1',
        JSON.stringify(legacy),
      );
      migrate(db);
      const rows = db
        .prepare('SELECT account_id, digest, name, created_at, last_used_at FROM api_tokens')
        .all();
      expect(rows).toEqual([
        {
          account_id: 'A1',
          digest: kept,
          name: 'API token',
          created_at: Date.parse('2026-01-02T03:04:05.678Z'),
          last_used_at: null,
        },
      ]);
      expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'bff.apiTokens.v1'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('runs on a store that never had tokens, or whose meta value is not JSON', () => {
    const db = openOldDatabase(dir, 29);
    try {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('bff.apiTokens.v1', 'garbage');
      migrate(db);
      expect(db.prepare('SELECT count(*) FROM api_tokens').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
