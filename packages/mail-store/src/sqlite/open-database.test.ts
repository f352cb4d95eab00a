import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCalendarId } from '../ids.js';
import { migrations } from './migrations.js';
import { databaseFileName, migrate, openDatabase } from './open-database.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'colibri-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates the folder and the file in WAL mode with foreign keys on, fully migrated', () => {
    const db = openDatabase(path.join(dir, 'nested', 'data'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(versions).toEqual(migrations.map((m) => m.version));
    } finally {
      db.close();
    }
  });

  it('applies each migration once: reopening and migrating again run nothing', () => {
    openDatabase(dir).close();
    const db = openDatabase(dir);
    try {
      expect(migrate(db)).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    } finally {
      db.close();
    }
  });

  it('applies only the new migrations to a file made by an older version, keeping its data', () => {
    const db = new Database(path.join(dir, databaseFileName));
    try {
      expect(migrate(db, migrations.slice(0, 1))).toEqual([1]);
      db.exec(`
        INSERT INTO domains VALUES ('D1', 'example.test', 0);
        INSERT INTO accounts VALUES ('A1', 'D1', 'a@example.test', 'A', 'h', 0);
        INSERT INTO mailboxes VALUES ('M1', 'A1', 'Inbox', NULL, 'inbox', 0, 1);
        INSERT INTO threads VALUES ('T1', 'A1', 'hello');
        INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, subject, has_attachment, preview, seen, index_json)
          VALUES ('E1', 'A1', 'T1', 'G0', 1, 1, 'hello', 0, 'p', 1, '{}'),
                 ('E2', 'A1', 'T1', 'G0', 1, 2, 'hello again', 0, 'p', 0, '{}'),
                 ('E3', 'A1', 'T1', 'G0', 1, 3, 'draft', 0, 'p', 0, '{}');
        INSERT INTO email_mailboxes VALUES ('M1', 'E1', 1), ('M1', 'E2', 2), ('M1', 'E3', 3);
        INSERT INTO email_keywords VALUES ('E1', '$seen'), ('E3', '$draft');
        INSERT INTO email_fts (rowid, subject, addresses, body, attachments)
          SELECT rowid, subject, '', 'findable', '' FROM emails WHERE id = 'E2';
      `);
      expect(migrate(db)).toEqual(migrations.slice(1).map((m) => m.version));
      expect(db.prepare('SELECT id, unread FROM emails ORDER BY id').all()).toEqual([
        { id: 'E1', unread: 0 },
        { id: 'E2', unread: 1 },
        { id: 'E3', unread: 0 },
      ]);
      expect(db.prepare('SELECT * FROM mailbox_counts').get()).toEqual({
        mailbox_id: 'M1',
        total_emails: 3,
        unread_emails: 1,
        total_threads: 1,
        unread_threads: 1,
      });
      // Migration 4 backfills quota usage from the existing emails; no limits.
      expect(db.prepare('SELECT * FROM account_quotas').get()).toEqual({
        account_id: 'A1',
        max_emails: null,
        max_bytes: null,
        used_emails: 3,
        used_bytes: 3,
      });
      // Migration 5 gives each existing account its default identity (RFC 8621 §6), not deletable.
      expect(db.prepare('SELECT id, account_id, name, email, may_delete FROM identities').all()).toEqual([
        {
          id: expect.stringMatching(/^I[0-9a-f]{16}$/),
          account_id: 'A1',
          name: 'A',
          email: 'a@example.test',
          may_delete: 0,
        },
      ]);
      const found = db
        .prepare(
          "SELECT e.id FROM emails e WHERE e.search_id IN (SELECT rowid FROM email_fts WHERE email_fts MATCH 'findable')",
        )
        .pluck()
        .all();
      expect(found).toEqual(['E2']);
    } finally {
      db.close();
    }
  });

  it('migration 21 gives existing submissions their email’s thread, none hidden', () => {
    const db = new Database(path.join(dir, databaseFileName));
    try {
      migrate(
        db,
        migrations.filter((m) => m.version < 21),
      );
      db.exec(`
        INSERT INTO domains VALUES ('D1', 'example.test', 0);
        INSERT INTO accounts VALUES ('A1', 'D1', 'a@example.test', 'A', 'h', 0);
        INSERT INTO threads (id, account_id, base_subject) VALUES ('T1', 'A1', 'hello');
        INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, subject, has_attachment, preview, index_json)
          VALUES ('E1', 'A1', 'T1', 'G0', 1, 1, 'hello', 0, 'p', '{}');
        INSERT INTO submissions (id, account_id, identity_id, email_id, blob_id, mail_from, send_at, undo_status, created_at)
          VALUES ('S1', 'A1', 'I1', 'E1', 'G0', 'a@example.test', 1, 'final', 1),
                 ('S2', 'A1', NULL, NULL, 'G1', '', 1, 'final', 1);
      `);
      expect(migrate(db)[0]).toBe(21);
      expect(db.prepare('SELECT id, thread_id, hidden FROM submissions ORDER BY id').all()).toEqual([
        { id: 'S1', thread_id: 'T1', hidden: 0 },
        { id: 'S2', thread_id: null, hidden: 0 },
      ]);
    } finally {
      db.close();
    }
  });

  it('migration 24 adds push_subscriptions, deleted with their account', () => {
    const db = new Database(path.join(dir, databaseFileName));
    try {
      migrate(
        db,
        migrations.filter((m) => m.version < 24),
      );
      db.exec(`
        INSERT INTO domains VALUES ('D1', 'example.test', 0);
        INSERT INTO accounts VALUES ('A1', 'D1', 'a@example.test', 'A', 'h', 0);
      `);
      expect(migrate(db)).toContain(24);
      db.pragma('foreign_keys = ON');
      db.exec(`INSERT INTO push_subscriptions (id, owner_id, device_client_id, url, verification_code)
        VALUES ('P1', 'A1', 'd', 'https://push.example/x', 'c')`);
      expect(db.prepare('SELECT verified, expires, types FROM push_subscriptions').get()).toEqual({
        verified: 0,
        expires: null,
        types: null,
      });
      db.exec(`DELETE FROM accounts WHERE id = 'A1'`);
      expect(db.prepare('SELECT count(*) FROM push_subscriptions').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('migration 34 gives every existing account one default calendar with a valid id', () => {
    const db = new Database(path.join(dir, databaseFileName));
    try {
      migrate(
        db,
        migrations.filter((m) => m.version < 34),
      );
      db.exec(`
        INSERT INTO domains VALUES ('D1', 'example.test', 0);
        INSERT INTO accounts VALUES ('A1', 'D1', 'a@example.test', 'A', 'h', 0);
        INSERT INTO accounts VALUES ('A2', 'D1', 'b@example.test', 'B', 'h', 0);
      `);
      expect(migrate(db)).toEqual(expect.arrayContaining([34, 35]));
      const rows = db
        .prepare('SELECT id, account_id, is_default FROM calendars ORDER BY account_id')
        .all() as {
        id: string;
        account_id: string;
        is_default: number;
      }[];
      expect(rows.map((r) => [r.account_id, r.is_default])).toEqual([
        ['A1', 1],
        ['A2', 1],
      ]);
      for (const row of rows) expect(toCalendarId(row.id)).toBe(row.id);
    } finally {
      db.close();
    }
  });

  it('migration 33 copies each email’s envelope out of index_json, without the MIME structure', () => {
    const db = new Database(path.join(dir, databaseFileName));
    try {
      migrate(
        db,
        migrations.filter((m) => m.version < 33),
      );
      const index = {
        messageId: ['m1@x.test'],
        from: [{ name: 'Ann', email: 'ann@x.test' }],
        bodyStructure: { partId: '1', type: 'text/plain', headers: [] },
        textBody: ['1'],
        htmlBody: ['1'],
        attachments: [],
      };
      db.exec(`
        INSERT INTO domains VALUES ('D1', 'example.test', 0);
        INSERT INTO accounts VALUES ('A1', 'D1', 'a@example.test', 'A', 'h', 0);
        INSERT INTO threads (id, account_id, base_subject) VALUES ('T1', 'A1', 'hello');
      `);
      db.prepare(
        `INSERT INTO emails (id, account_id, thread_id, blob_id, size, received_at, subject, has_attachment, preview, index_json, search_id)
          VALUES ('E1', 'A1', 'T1', 'G0', 1, 1, 'hello', 0, 'p', ?, 1)`,
      ).run(JSON.stringify(index));
      expect(migrate(db)).toContain(33);
      const envelope = db.prepare('SELECT envelope_json FROM emails').pluck().get() as string;
      expect(JSON.parse(envelope)).toEqual({ messageId: index.messageId, from: index.from });
    } finally {
      db.close();
    }
  });

  it('refuses a file migrated by a newer Colibri', () => {
    openDatabase(dir).close();
    const db = new Database(path.join(dir, databaseFileName));
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'from the future', 0)").run();
    db.close();
    expect(() => openDatabase(dir)).toThrow(/newer than this Colibri knows/);
  });
});
