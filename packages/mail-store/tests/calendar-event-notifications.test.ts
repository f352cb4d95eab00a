import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { NotFoundError } from '../src/errors.js';
import type { AccountId, CalendarEventNotificationInput } from '../src/model.js';
import {
  calendarEventNotificationLimits as limits,
  destroyCalendarEventNotification,
  dismissCalendarEventNotificationsAbout,
  listCalendarEventNotifications,
  recordCalendarEventNotification,
} from '../src/sqlite/calendars/event-notifications.js';
import { openDatabase, type Db } from '../src/sqlite/open-database.js';

// Migration 41: the store side of JMAP Calendars §7 (limits, expiry, dismissal), on SQLite.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(): Db {
  const dir = mkdtempSync(path.join(tmpdir(), 'colibri-event-notices-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  db.prepare("INSERT INTO domains (id, name, created_at) VALUES ('D1', 'x.test', 0)").run();
  for (const id of ['A1', 'A2'])
    db.prepare(
      "INSERT INTO accounts (id, domain_id, email, display_name, password_hash, created_at) VALUES (?, 'D1', ?, 'A', 'x', 0)",
    ).run(id, `${id}@x.test`);
  return db;
}
/** The ids logged as destroyed for the account's notifications (the `change_log` rows). */
const loggedDestroyed = (db: Db, accountId: AccountId): string[] =>
  db
    .prepare(
      "SELECT object_id FROM change_log WHERE account_id = ? AND type = 'CalendarEventNotification' AND kind = 'destroyed' ORDER BY seq",
    )
    .pluck()
    .all(accountId) as string[];
const A1 = 'A1' as AccountId;
const A2 = 'A2' as AccountId;

const input = (calendarEventId: string, title = 'T'): CalendarEventNotificationInput => ({
  changedBy: {
    name: 'Dave',
    email: 'dave@remote.test',
    principalId: null,
    calendarAddress: 'mailto:dave@remote.test',
  },
  comment: null,
  type: 'updated',
  calendarEventId,
  isDraft: false,
  event: { title },
  eventPatch: { title: `${title}!` },
});

it('keeps at most maxPerAccount per account, logging the oldest as destroyed', () => {
  const db = open();
  const t0 = Date.parse('2026-05-01T00:00:00Z');
  const first = recordCalendarEventNotification(db, A1, input('V1'), t0);
  for (let i = 1; i < limits.maxPerAccount; i += 1)
    recordCalendarEventNotification(db, A1, input('V1'), t0 + i);
  recordCalendarEventNotification(db, A2, input('V9'), t0);
  const last = recordCalendarEventNotification(db, A1, input('V2'), t0 + limits.maxPerAccount);
  const list = listCalendarEventNotifications(db, A1, t0 + limits.maxPerAccount);
  expect(list).toHaveLength(limits.maxPerAccount);
  expect(list.map((n) => n.id)).not.toContain(first.id);
  expect(list.at(-1)).toMatchObject({ id: last.id, calendarEventId: 'V2', event: { title: 'T' } });
  expect(loggedDestroyed(db, A1)).toEqual([first.id]);
  expect(listCalendarEventNotifications(db, A2, t0)).toHaveLength(1);
});

it('drops notifications older than maxAgeMs when the list is read, logging them', () => {
  const db = open();
  const t0 = Date.parse('2026-05-01T00:00:00Z');
  const old = recordCalendarEventNotification(db, A1, input('V1'), t0);
  const fresh = recordCalendarEventNotification(db, A1, input('V2'), t0 + limits.maxAgeMs);
  const list = listCalendarEventNotifications(db, A1, t0 + limits.maxAgeMs + 1);
  expect(list.map((n) => n.id)).toEqual([fresh.id]);
  expect(loggedDestroyed(db, A1)).toEqual([old.id]);
});

it('dismisses one (only in its own account) or every notification about an event', () => {
  const db = open();
  const a = recordCalendarEventNotification(db, A1, input('V1'));
  recordCalendarEventNotification(db, A1, input('V1'));
  const b = recordCalendarEventNotification(db, A1, input('V2'));
  expect(() => destroyCalendarEventNotification(db, A2, a.id)).toThrow(NotFoundError);
  destroyCalendarEventNotification(db, A1, a.id);
  expect(() => destroyCalendarEventNotification(db, A1, a.id)).toThrow(NotFoundError);
  expect(dismissCalendarEventNotificationsAbout(db, A1, 'V1')).toBe(1);
  expect(dismissCalendarEventNotificationsAbout(db, A1, 'V1')).toBe(0);
  expect(listCalendarEventNotifications(db, A1).map((n) => n.id)).toEqual([b.id]);
});
