import type { Migration } from '../migrations.js';

/**
 * Migration 34: an account's calendars, and a default one for every existing account (new
 * accounts get theirs in their creation transaction). The backfilled id is `C` + 16 hex digits:
 * a valid id of ours (`toCalendarId`), though not time-ordered like those `newId` makes.
 * Part of a released migration once merged: never change it, add one.
 */
export const calendarsMigration: Migration = {
  version: 34,
  name: 'calendars',
  sql: `
      CREATE TABLE calendars (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT,
        color TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        is_subscribed INTEGER NOT NULL DEFAULT 1,
        is_visible INTEGER NOT NULL DEFAULT 1,
        is_default INTEGER NOT NULL DEFAULT 0,
        include_in_availability TEXT NOT NULL DEFAULT 'all',
        time_zone TEXT
      ) STRICT;
      CREATE INDEX calendars_account ON calendars(account_id);
      -- Exactly one default per account: every writer is held to it.
      CREATE UNIQUE INDEX calendars_default ON calendars(account_id) WHERE is_default = 1;
      INSERT INTO calendars (id, account_id, name, is_default)
        SELECT 'C' || lower(hex(randomblob(8))), id, 'Calendar', 1 FROM accounts;
    `,
};

/**
 * Migration 35: calendar events. The event document is JSON the store does not read; the columns
 * are what range queries need: the UTC span of the whole series (`utc_end` NULL: no end), the
 * uid (unique per account), and the event's calendars (an event may be in several, like an email
 * in mailboxes). Times are milliseconds since the epoch.
 */
export const calendarEventsMigration: Migration = {
  version: 35,
  name: 'calendar events',
  sql: `
      CREATE TABLE calendar_events (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        uid TEXT NOT NULL,
        utc_start INTEGER NOT NULL,
        utc_end INTEGER,
        is_draft INTEGER NOT NULL DEFAULT 0,
        is_origin INTEGER NOT NULL DEFAULT 1,
        data_json TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (account_id, uid)
      ) STRICT;
      CREATE INDEX calendar_events_start ON calendar_events(account_id, utc_start);
      CREATE TABLE calendar_event_calendars (
        event_id TEXT NOT NULL REFERENCES calendar_events(id) ON DELETE CASCADE,
        calendar_id TEXT NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, calendar_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX calendar_event_calendars_calendar ON calendar_event_calendars(calendar_id, event_id);
    `,
};
