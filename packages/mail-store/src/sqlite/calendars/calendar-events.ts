import type {
  AccountId,
  CalendarEventId,
  CalendarEventRange,
  CalendarEventRecord,
  CalendarId,
} from '../../model.js';
import { AlreadyExistsError, NotFoundError, StoreError, TooLargeError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { CalendarEventInput } from '../../mail-store.js';
import { sqliteChangeLog as changeLog } from '../change-log.js';
import type { Db } from '../open-database.js';
import { releaseMeetingRooms } from '../meeting-rooms.js';

/**
 * Events per account, the size of one event's document (its JSON text in UTF-8 octets), the
 * calendars one event may be in, the length of a uid, and how many events a range query returns
 * at most (beyond it: TooLargeError, the caller narrows the range).
 */
export const calendarEventLimits = {
  maxPerAccount: 100_000,
  maxDataOctets: 256 * 1024,
  maxCalendarsPerEvent: 16,
  maxUidOctets: 1024,
  maxRangeResults: 10_000,
};

/** An event whose uid the account already has; `existingId` is that event (RFC 8620 §5.3). */
export class EventUidTakenError extends AlreadyExistsError {
  constructor(readonly existingId: CalendarEventId) {
    super('An event with this uid');
  }
}

/** Which event field a refused write is about, so that the protocol layer can name it. */
export class CalendarEventFieldError extends StoreError {
  constructor(
    code: 'invalid' | 'notFound' | 'tooLarge',
    readonly property: 'calendarIds' | 'uid' | 'utcStart' | 'utcEnd' | 'data',
    message: string,
  ) {
    super(code, message);
  }
}

interface EventRow {
  id: string;
  account_id: string;
  uid: string;
  utc_start: number;
  utc_end: number | null;
  is_draft: number;
  is_origin: number;
  data_json: string;
  created_at: number;
  updated_at: number;
  calendar_ids: string;
}

const toRecord = (r: EventRow): CalendarEventRecord => ({
  id: r.id as CalendarEventId,
  accountId: r.account_id as AccountId,
  calendarIds: (JSON.parse(r.calendar_ids) as string[]).sort() as CalendarId[],
  uid: r.uid,
  utcStart: new Date(r.utc_start),
  utcEnd: r.utc_end === null ? null : new Date(r.utc_end),
  isDraft: r.is_draft === 1,
  isOrigin: r.is_origin === 1,
  data: JSON.parse(r.data_json) as Record<string, unknown>,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const selectSql = `SELECT e.*, (SELECT json_group_array(c.calendar_id) FROM calendar_event_calendars c
  WHERE c.event_id = e.id) AS calendar_ids FROM calendar_events e`;

/** The account's events with these ids, in the order given; unknown ids are left out. */
export function getCalendarEvents(
  db: Db,
  accountId: AccountId,
  ids: readonly string[],
): CalendarEventRecord[] {
  const get = db.prepare(`${selectSql} WHERE e.id = ? AND e.account_id = ?`);
  return ids.flatMap((id) => {
    const row = get.get(id, accountId) as EventRow | undefined;
    return row ? [toRecord(row)] : [];
  });
}

/** Every event id of the account (for /get with ids null), oldest first. */
export function listCalendarEventIds(db: Db, accountId: AccountId): CalendarEventId[] {
  return db
    .prepare('SELECT id FROM calendar_events WHERE account_id = ? ORDER BY id')
    .pluck()
    .all(accountId) as CalendarEventId[];
}

function checkCalendars(db: Db, accountId: AccountId, ids: readonly CalendarId[]): CalendarId[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0)
    throw new CalendarEventFieldError('invalid', 'calendarIds', 'An event is in at least one calendar');
  if (unique.length > calendarEventLimits.maxCalendarsPerEvent)
    throw new CalendarEventFieldError(
      'invalid',
      'calendarIds',
      `An event is in at most ${calendarEventLimits.maxCalendarsPerEvent} calendars`,
    );
  const known = db.prepare('SELECT 1 FROM calendars WHERE id = ? AND account_id = ?');
  for (const id of unique)
    if (!known.get(id, accountId))
      throw new CalendarEventFieldError('notFound', 'calendarIds', `Calendar ${id} not found`);
  return unique;
}

function checkTimes(utcStart: Date, utcEnd: Date | null): void {
  if (!Number.isFinite(utcStart.getTime()))
    throw new CalendarEventFieldError('invalid', 'utcStart', 'The start is not a time');
  if (utcEnd !== null && !(utcEnd.getTime() >= utcStart.getTime()))
    throw new CalendarEventFieldError('invalid', 'utcEnd', 'The end is before the start');
}

function dataJson(data: Record<string, unknown>): string {
  const text = JSON.stringify(data);
  if (Buffer.byteLength(text, 'utf8') > calendarEventLimits.maxDataOctets)
    throw new CalendarEventFieldError(
      'tooLarge',
      'data',
      `An event is limited to ${calendarEventLimits.maxDataOctets} octets of JSON`,
    );
  return text;
}

function checkUid(db: Db, accountId: AccountId, uid: string, except: string | null): void {
  if (uid.length === 0 || Buffer.byteLength(uid, 'utf8') > calendarEventLimits.maxUidOctets)
    throw new CalendarEventFieldError(
      'invalid',
      'uid',
      `A uid is 1 to ${calendarEventLimits.maxUidOctets} octets`,
    );
  const taken = db
    .prepare('SELECT id FROM calendar_events WHERE account_id = ? AND uid = ?')
    .pluck()
    .get(accountId, uid) as string | undefined;
  if (taken !== undefined && taken !== except) throw new EventUidTakenError(taken as CalendarEventId);
}

function setMemberships(db: Db, eventId: string, calendarIds: readonly CalendarId[]): void {
  db.prepare('DELETE FROM calendar_event_calendars WHERE event_id = ?').run(eventId);
  const add = db.prepare('INSERT INTO calendar_event_calendars (event_id, calendar_id) VALUES (?, ?)');
  for (const calendarId of calendarIds) add.run(eventId, calendarId);
}

/**
 * Stores a new event in one transaction (CalendarEvent created). overQuota beyond
 * `calendarEventLimits.maxPerAccount`; EventUidTakenError for a uid the account has;
 * CalendarEventFieldError naming the field for the other refusals.
 */
export function createCalendarEvent(
  db: Db,
  accountId: AccountId,
  input: CalendarEventInput,
): CalendarEventRecord {
  return db
    .transaction(() => {
      const { n } = db
        .prepare('SELECT count(*) AS n FROM calendar_events WHERE account_id = ?')
        .get(accountId) as {
        n: number;
      };
      if (n >= calendarEventLimits.maxPerAccount)
        throw new StoreError(
          'overQuota',
          `An account has at most ${calendarEventLimits.maxPerAccount} events`,
        );
      const calendarIds = checkCalendars(db, accountId, input.calendarIds);
      checkTimes(input.utcStart, input.utcEnd);
      checkUid(db, accountId, input.uid, null);
      const id = newId('CalendarEvent');
      const now = Date.now();
      db.prepare(
        `INSERT INTO calendar_events (id, account_id, uid, utc_start, utc_end, is_draft, is_origin, data_json,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        accountId,
        input.uid,
        input.utcStart.getTime(),
        input.utcEnd === null ? null : input.utcEnd.getTime(),
        input.isDraft === true ? 1 : 0,
        input.isOrigin === false ? 0 : 1,
        dataJson(input.data),
        now,
        now,
      );
      setMemberships(db, id, calendarIds);
      changeLog.record(db, accountId, 'CalendarEvent', [[id, 'created']]);
      return getCalendarEvents(db, accountId, [id])[0]!;
    })
    .immediate();
}

/** Replaces what `patch` gives, in one transaction (CalendarEvent updated). NotFoundError for an unknown id. */
export function updateCalendarEvent(
  db: Db,
  accountId: AccountId,
  id: CalendarEventId,
  patch: Partial<CalendarEventInput>,
): CalendarEventRecord {
  return db
    .transaction(() => {
      const current = getCalendarEvents(db, accountId, [id])[0];
      if (current === undefined) throw new NotFoundError(`Calendar event ${id}`);
      const next = { ...current, ...patch };
      if (patch.calendarIds !== undefined)
        setMemberships(db, id, checkCalendars(db, accountId, patch.calendarIds));
      checkTimes(next.utcStart, next.utcEnd);
      if (patch.uid !== undefined && patch.uid !== current.uid) checkUid(db, accountId, patch.uid, id);
      const json = dataJson(next.data);
      db.prepare(
        `UPDATE calendar_events SET uid = ?, utc_start = ?, utc_end = ?, is_draft = ?, is_origin = ?, data_json = ?,
           updated_at = ? WHERE id = ?`,
      ).run(
        next.uid,
        next.utcStart.getTime(),
        next.utcEnd === null ? null : next.utcEnd.getTime(),
        next.isDraft ? 1 : 0,
        next.isOrigin ? 1 : 0,
        json,
        Date.now(),
        id,
      );
      if (patch.data !== undefined) releaseMeetingRooms(db, accountId, id, json);
      changeLog.record(db, accountId, 'CalendarEvent', [[id, 'updated']]);
      return getCalendarEvents(db, accountId, [id])[0]!;
    })
    .immediate();
}

/** Destroys events in one transaction (CalendarEvent destroyed); unknown ids come back in `notFound`. */
export function destroyCalendarEvents(
  db: Db,
  accountId: AccountId,
  ids: readonly CalendarEventId[],
): { destroyed: CalendarEventId[]; notFound: CalendarEventId[] } {
  return db
    .transaction(() => {
      const drop = db.prepare('DELETE FROM calendar_events WHERE id = ? AND account_id = ?');
      const destroyed: CalendarEventId[] = [];
      const notFound: CalendarEventId[] = [];
      for (const id of new Set(ids)) (drop.run(id, accountId).changes > 0 ? destroyed : notFound).push(id);
      for (const id of destroyed) releaseMeetingRooms(db, accountId, id, null);
      changeLog.record(
        db,
        accountId,
        'CalendarEvent',
        destroyed.map((id) => [id, 'destroyed']),
      );
      return { destroyed, notFound };
    })
    .immediate();
}

/**
 * The account's events in the range (see `CalendarEventRange`), by utcStart then id. An event
 * whose series has no end overlaps every range after its start. More than
 * `calendarEventLimits.maxRangeResults` is a TooLargeError: the caller asks for a narrower range.
 */
export function queryCalendarEvents(
  db: Db,
  accountId: AccountId,
  range: CalendarEventRange,
): CalendarEventRecord[] {
  const where = ['e.account_id = @accountId'];
  const params: Record<string, unknown> = { accountId };
  if (range.after !== undefined) {
    where.push(
      '(e.utc_end IS NULL OR e.utc_end > @after OR (e.utc_end = e.utc_start AND e.utc_start >= @after))',
    );
    params.after = range.after.getTime();
  }
  if (range.before !== undefined) {
    where.push('e.utc_start < @before');
    params.before = range.before.getTime();
  }
  if (range.uid !== undefined) {
    where.push('e.uid = @uid');
    params.uid = range.uid;
  }
  if (range.calendarIds !== undefined) {
    if (range.calendarIds.length === 0) return [];
    where.push(
      'EXISTS (SELECT 1 FROM calendar_event_calendars m WHERE m.event_id = e.id AND m.calendar_id IN (SELECT value FROM json_each(@calendars)))',
    );
    params.calendars = JSON.stringify(range.calendarIds);
  }
  const rows = db
    .prepare(`${selectSql} WHERE ${where.join(' AND ')} ORDER BY e.utc_start, e.id LIMIT @limit`)
    .all({ ...params, limit: calendarEventLimits.maxRangeResults + 1 }) as EventRow[];
  if (rows.length > calendarEventLimits.maxRangeResults)
    throw new TooLargeError(
      `More than ${calendarEventLimits.maxRangeResults} events in this range: ask for a narrower one`,
    );
  return rows.map(toRecord);
}
