import { NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import type {
  AccountId,
  CalendarEventNotification,
  CalendarEventNotificationId,
  CalendarEventNotificationInput,
} from '../../model.js';
import { sqliteChangeLog as changeLog } from '../change-log.js';
import type { Migration } from '../migrations.js';
import type { Db } from '../open-database.js';

/**
 * JMAP Calendars §7.1 lets the server bound what it keeps: at most `maxPerAccount` notifications
 * per account (one more deletes the oldest), none older than `maxAgeMs` (30 days: a change older
 * than that is no news, and the event itself shows its current state).
 */
export const calendarEventNotificationLimits = { maxPerAccount: 500, maxAgeMs: 30 * 86_400_000 };

interface NotificationRow {
  id: string;
  account_id: string;
  created: number;
  changed_by_name: string;
  changed_by_email: string | null;
  changed_by_principal: string | null;
  changed_by_address: string | null;
  comment: string | null;
  type: string;
  calendar_event_id: string;
  is_draft: number | null;
  event: string;
  event_patch: string | null;
}

const toNotification = (r: NotificationRow): CalendarEventNotification => ({
  id: r.id as CalendarEventNotificationId,
  accountId: r.account_id as AccountId,
  created: new Date(r.created),
  changedBy: {
    name: r.changed_by_name,
    email: r.changed_by_email,
    principalId: r.changed_by_principal,
    calendarAddress: r.changed_by_address,
  },
  comment: r.comment,
  type: r.type as CalendarEventNotification['type'],
  calendarEventId: r.calendar_event_id,
  isDraft: r.is_draft === null ? null : r.is_draft === 1,
  event: JSON.parse(r.event) as Record<string, unknown>,
  eventPatch: r.event_patch === null ? null : (JSON.parse(r.event_patch) as Record<string, unknown>),
});

/** Deletes the account's notifications past the age limit, logging them; inside a transaction. */
function pruneExpired(db: Db, accountId: AccountId, now: number): void {
  const expired = db
    .prepare('SELECT id FROM calendar_event_notifications WHERE account_id = ? AND created < ?')
    .pluck()
    .all(accountId, now - calendarEventNotificationLimits.maxAgeMs) as string[];
  if (expired.length === 0) return;
  for (const id of expired) db.prepare('DELETE FROM calendar_event_notifications WHERE id = ?').run(id);
  changeLog.record(
    db,
    accountId,
    'CalendarEventNotification',
    expired.map((id) => [id, 'destroyed']),
  );
}

/**
 * Records a notification for the account (JMAP Calendars §7) in one transaction with its change
 * log entry, then drops the expired ones and the oldest beyond the limit.
 */
export function recordCalendarEventNotification(
  db: Db,
  accountId: AccountId,
  input: CalendarEventNotificationInput,
  now = Date.now(),
): CalendarEventNotification {
  return db
    .transaction(() => {
      if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
        throw new NotFoundError(`Account ${accountId}`);
      pruneExpired(db, accountId, now);
      const id = newId('CalendarEventNotification', now);
      db.prepare(
        `INSERT INTO calendar_event_notifications (id, account_id, created, changed_by_name,
           changed_by_email, changed_by_principal, changed_by_address, comment, type,
           calendar_event_id, is_draft, event, event_patch)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        accountId,
        now,
        input.changedBy.name,
        input.changedBy.email,
        input.changedBy.principalId,
        input.changedBy.calendarAddress,
        input.comment,
        input.type,
        input.calendarEventId,
        input.isDraft === null ? null : input.isDraft ? 1 : 0,
        JSON.stringify(input.event),
        input.eventPatch === null ? null : JSON.stringify(input.eventPatch),
      );
      const entries: [string, 'created' | 'destroyed'][] = [[id, 'created']];
      const overflow = db
        .prepare(
          `SELECT id FROM calendar_event_notifications WHERE account_id = ?
            ORDER BY created DESC, rowid DESC LIMIT -1 OFFSET ?`,
        )
        .pluck()
        .all(accountId, calendarEventNotificationLimits.maxPerAccount) as string[];
      for (const old of overflow) {
        db.prepare('DELETE FROM calendar_event_notifications WHERE id = ?').run(old);
        entries.push([old, 'destroyed']);
      }
      changeLog.record(db, accountId, 'CalendarEventNotification', entries);
      return toNotification(
        db.prepare('SELECT * FROM calendar_event_notifications WHERE id = ?').get(id) as NotificationRow,
      );
    })
    .immediate();
}

/**
 * The account's notifications, oldest first (rowid, the insertion order, breaks ties within a
 * millisecond: ids are random there); the expired ones are dropped (and logged) first.
 */
export function listCalendarEventNotifications(
  db: Db,
  accountId: AccountId,
  now = Date.now(),
): CalendarEventNotification[] {
  const cutoff = now - calendarEventNotificationLimits.maxAgeMs;
  if (
    db
      .prepare('SELECT 1 FROM calendar_event_notifications WHERE account_id = ? AND created < ? LIMIT 1')
      .get(accountId, cutoff)
  )
    db.transaction(() => pruneExpired(db, accountId, now)).immediate();
  return (
    db
      .prepare('SELECT * FROM calendar_event_notifications WHERE account_id = ? ORDER BY created, rowid')
      .all(accountId) as NotificationRow[]
  ).map(toNotification);
}

/** The user dismisses a notification; NotFoundError for an unknown id or another account's. */
export function destroyCalendarEventNotification(
  db: Db,
  accountId: AccountId,
  id: CalendarEventNotificationId,
): void {
  db.transaction(() => {
    const { changes } = db
      .prepare('DELETE FROM calendar_event_notifications WHERE id = ? AND account_id = ?')
      .run(id, accountId);
    if (changes === 0) throw new NotFoundError(`CalendarEventNotification ${id}`);
    changeLog.record(db, accountId, 'CalendarEventNotification', [[id, 'destroyed']]);
  }).immediate();
}

/**
 * JMAP Calendars §7.1: once the user changes or destroys the event themselves, the notifications
 * about it have done their job (e.g. they answered the invitation). Returns how many went.
 */
export function dismissCalendarEventNotificationsAbout(
  db: Db,
  accountId: AccountId,
  calendarEventId: string,
): number {
  // Most writes have nothing to dismiss: no write transaction for them.
  if (
    !db
      .prepare(
        'SELECT 1 FROM calendar_event_notifications WHERE account_id = ? AND calendar_event_id = ? LIMIT 1',
      )
      .get(accountId, calendarEventId)
  )
    return 0;
  return db
    .transaction(() => {
      const ids = db
        .prepare('SELECT id FROM calendar_event_notifications WHERE account_id = ? AND calendar_event_id = ?')
        .pluck()
        .all(accountId, calendarEventId) as string[];
      if (ids.length === 0) return 0;
      for (const id of ids) db.prepare('DELETE FROM calendar_event_notifications WHERE id = ?').run(id);
      changeLog.record(
        db,
        accountId,
        'CalendarEventNotification',
        ids.map((id) => [id, 'destroyed']),
      );
      return ids.length;
    })
    .immediate();
}

/**
 * Migration 41: what a user is told when someone else creates, changes or removes an event in
 * their calendars (JMAP Calendars §7). The author is copied (name, email, address), so that the
 * notice outlives a renamed or deleted account; the event document before (or after a create)
 * and the PatchObject to after are JSON. Deleting the account drops them.
 * Part of a released migration once merged: never change it, add one.
 */
export const calendarEventNotificationsMigration: Migration = {
  version: 41,
  name: 'calendar event notifications',
  sql: `
    CREATE TABLE calendar_event_notifications (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      created INTEGER NOT NULL,
      changed_by_name TEXT NOT NULL,
      changed_by_email TEXT,
      changed_by_principal TEXT,
      changed_by_address TEXT,
      comment TEXT,
      type TEXT NOT NULL CHECK (type IN ('created', 'updated', 'destroyed')),
      calendar_event_id TEXT NOT NULL,
      is_draft INTEGER,
      event TEXT NOT NULL,
      event_patch TEXT
    ) STRICT;
    CREATE INDEX calendar_event_notifications_account ON calendar_event_notifications(account_id, created);
    CREATE INDEX calendar_event_notifications_event ON calendar_event_notifications(account_id, calendar_event_id);
  `,
};
