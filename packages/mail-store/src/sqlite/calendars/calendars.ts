import type { AccountId, Calendar, CalendarAvailability, CalendarId } from '../../model.js';
import { ForbiddenError, InvalidInputError, NotFoundError, StoreError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { CalendarInput } from '../../mail-store.js';
import { sqliteChangeLog as changeLog } from '../change-log.js';
import type { Db } from '../open-database.js';

/**
 * Calendars per account, the length of a name and a description in UTF-8 octets, and of a colour
 * value. The draft leaves them to the server; JMAP clients read `maxCalendarsPerEvent` etc. from
 * the account capability (the JMAP engine announces these).
 */
export const calendarLimits = {
  maxPerAccount: 100,
  maxNameOctets: 255,
  maxDescriptionOctets: 4096,
  maxColorOctets: 64,
};

/** The name the default calendar gets (the client may rename it). */
export const defaultCalendarName = 'Calendar';

const AVAILABILITY: readonly CalendarAvailability[] = ['all', 'attending', 'none'];

interface CalendarRow {
  id: string;
  account_id: string;
  name: string;
  description: string | null;
  color: string | null;
  sort_order: number;
  is_subscribed: number;
  is_visible: number;
  is_default: number;
  include_in_availability: string;
  time_zone: string | null;
}

const toCalendar = (r: CalendarRow): Calendar => ({
  id: r.id as CalendarId,
  accountId: r.account_id as AccountId,
  name: r.name,
  description: r.description,
  color: r.color,
  sortOrder: r.sort_order,
  isSubscribed: r.is_subscribed === 1,
  isVisible: r.is_visible === 1,
  isDefault: r.is_default === 1,
  includeInAvailability: r.include_in_availability as CalendarAvailability,
  timeZone: r.time_zone,
});

/** Which calendar field a refused write is about, so that the protocol layer can name it. */
export class CalendarFieldError extends InvalidInputError {
  constructor(
    readonly property: 'name' | 'description' | 'color' | 'sortOrder' | 'includeInAvailability',
    message: string,
  ) {
    super(message);
  }
}

function checkText(
  property: 'name' | 'description' | 'color',
  value: string,
  max: number,
  allowEmpty: boolean,
): string {
  if (!allowEmpty && value.trim().length === 0)
    throw new CalendarFieldError(property, `A calendar ${property} cannot be empty`);
  // eslint-disable-next-line no-control-regex
  if (property !== 'description' && /[\u0000-\u001f\u007f]/.test(value))
    throw new CalendarFieldError(property, `A calendar ${property} cannot hold control characters`);
  if (Buffer.byteLength(value, 'utf8') > max)
    throw new CalendarFieldError(property, `A calendar ${property} is limited to ${max} octets`);
  return value;
}

function applyInput(row: CalendarRow, input: CalendarInput): void {
  if (input.name !== undefined) row.name = checkText('name', input.name, calendarLimits.maxNameOctets, false);
  if (input.description !== undefined)
    row.description =
      input.description === null
        ? null
        : checkText('description', input.description, calendarLimits.maxDescriptionOctets, true);
  if (input.color !== undefined)
    row.color =
      input.color === null ? null : checkText('color', input.color, calendarLimits.maxColorOctets, false);
  if (input.sortOrder !== undefined) {
    if (!Number.isInteger(input.sortOrder) || input.sortOrder < 0 || input.sortOrder > 2 ** 32 - 1)
      throw new CalendarFieldError('sortOrder', 'sortOrder is an unsigned 32-bit integer');
    row.sort_order = input.sortOrder;
  }
  if (input.isSubscribed !== undefined) row.is_subscribed = input.isSubscribed ? 1 : 0;
  if (input.isVisible !== undefined) row.is_visible = input.isVisible ? 1 : 0;
  if (input.includeInAvailability !== undefined) {
    if (!AVAILABILITY.includes(input.includeInAvailability))
      throw new CalendarFieldError(
        'includeInAvailability',
        'includeInAvailability is all, attending or none',
      );
    row.include_in_availability = input.includeInAvailability;
  }
  if (input.timeZone !== undefined) row.time_zone = input.timeZone;
}

const insertSql = `INSERT INTO calendars (id, account_id, name, description, color, sort_order, is_subscribed,
  is_visible, is_default, include_in_availability, time_zone) VALUES (@id, @account_id, @name, @description,
  @color, @sort_order, @is_subscribed, @is_visible, @is_default, @include_in_availability, @time_zone)`;

function blankRow(accountId: AccountId, isDefault: boolean): CalendarRow {
  return {
    id: newId('Calendar'),
    account_id: accountId,
    name: defaultCalendarName,
    description: null,
    color: null,
    sort_order: 0,
    is_subscribed: 1,
    is_visible: 1,
    is_default: isDefault ? 1 : 0,
    include_in_availability: 'all',
    time_zone: null,
  };
}

/** The account's default calendar, inside its creation transaction (logged as created). */
export function insertDefaultCalendar(db: Db, accountId: AccountId): void {
  const row = blankRow(accountId, true);
  db.prepare(insertSql).run(row);
  changeLog.record(db, accountId, 'Calendar', [[row.id, 'created']]);
}

/** The account's calendars, by sortOrder then name. */
export function listCalendars(db: Db, accountId: AccountId): Calendar[] {
  return (
    db
      .prepare('SELECT * FROM calendars WHERE account_id = ? ORDER BY sort_order, name, id')
      .all(accountId) as CalendarRow[]
  ).map(toCalendar);
}

function loadRow(db: Db, accountId: AccountId, id: CalendarId): CalendarRow {
  const row = db.prepare('SELECT * FROM calendars WHERE id = ? AND account_id = ?').get(id, accountId) as
    CalendarRow | undefined;
  if (!row) throw new NotFoundError(`Calendar ${id}`);
  return row;
}

/** overQuota beyond `calendarLimits.maxPerAccount`; CalendarFieldError for a bad field. */
export function createCalendar(db: Db, accountId: AccountId, input: CalendarInput): Calendar {
  return db
    .transaction(() => {
      const { n } = db.prepare('SELECT count(*) AS n FROM calendars WHERE account_id = ?').get(accountId) as {
        n: number;
      };
      if (n >= calendarLimits.maxPerAccount)
        throw new StoreError('overQuota', `An account has at most ${calendarLimits.maxPerAccount} calendars`);
      const row = blankRow(accountId, false);
      if (input.name === undefined) throw new CalendarFieldError('name', 'A calendar needs a name');
      applyInput(row, input);
      db.prepare(insertSql).run(row);
      changeLog.record(db, accountId, 'Calendar', [[row.id, 'created']]);
      return toCalendar(row);
    })
    .immediate();
}

export function updateCalendar(db: Db, accountId: AccountId, id: CalendarId, input: CalendarInput): Calendar {
  return db
    .transaction(() => {
      const row = { ...loadRow(db, accountId, id) };
      applyInput(row, input);
      db.prepare(
        `UPDATE calendars SET name = @name, description = @description, color = @color, sort_order = @sort_order,
           is_subscribed = @is_subscribed, is_visible = @is_visible,
           include_in_availability = @include_in_availability, time_zone = @time_zone WHERE id = @id`,
      ).run(row);
      changeLog.record(db, accountId, 'Calendar', [[id, 'updated']]);
      return toCalendar(row);
    })
    .immediate();
}

/** Makes `id` the account's default calendar (the previous one is updated too). */
export function setDefaultCalendar(db: Db, accountId: AccountId, id: CalendarId): void {
  db.transaction(() => {
    const row = loadRow(db, accountId, id);
    if (row.is_default === 1) return;
    const previous = db
      .prepare('SELECT id FROM calendars WHERE account_id = ? AND is_default = 1')
      .pluck()
      .get(accountId) as string | undefined;
    db.prepare('UPDATE calendars SET is_default = 0 WHERE account_id = ? AND is_default = 1').run(accountId);
    db.prepare('UPDATE calendars SET is_default = 1 WHERE id = ?').run(id);
    changeLog.record(db, accountId, 'Calendar', [
      ...(previous === undefined ? [] : [[previous, 'updated'] as const]),
      [id, 'updated'],
    ]);
  }).immediate();
}

/** A calendar cannot be destroyed while it has events unless they go too (CalendarHasEventsError). */
export class CalendarHasEventsError extends StoreError {
  constructor() {
    super('invalid', 'The calendar still has events');
  }
}

/**
 * Destroys a calendar. Its events go too with `removeEvents` (those also in another calendar
 * only leave it: CalendarEvent updated), else CalendarHasEventsError when it has any. The default
 * calendar is never destroyed (ForbiddenError): make another the default first.
 */
export function destroyCalendar(
  db: Db,
  accountId: AccountId,
  id: CalendarId,
  removeEvents: boolean,
): { destroyedEvents: string[]; updatedEvents: string[] } {
  return db
    .transaction(() => {
      const row = loadRow(db, accountId, id);
      if (row.is_default === 1) throw new ForbiddenError('The default calendar cannot be destroyed');
      const events = db
        .prepare(
          `SELECT m.event_id AS id, (SELECT count(*) FROM calendar_event_calendars o WHERE o.event_id = m.event_id) AS n
             FROM calendar_event_calendars m WHERE m.calendar_id = ?`,
        )
        .all(id) as { id: string; n: number }[];
      if (events.length > 0 && !removeEvents) throw new CalendarHasEventsError();
      const destroyedEvents = events.filter((e) => e.n === 1).map((e) => e.id);
      const updatedEvents = events.filter((e) => e.n > 1).map((e) => e.id);
      db.prepare('DELETE FROM calendar_event_calendars WHERE calendar_id = ?').run(id);
      const drop = db.prepare('DELETE FROM calendar_events WHERE id = ?');
      for (const eventId of destroyedEvents) drop.run(eventId);
      const touch = db.prepare('UPDATE calendar_events SET updated_at = ? WHERE id = ?');
      const now = Date.now();
      for (const eventId of updatedEvents) touch.run(now, eventId);
      db.prepare('DELETE FROM calendars WHERE id = ?').run(id);
      changeLog.record(db, accountId, 'Calendar', [[id, 'destroyed']]);
      changeLog.record(db, accountId, 'CalendarEvent', [
        ...destroyedEvents.map((e) => [e, 'destroyed'] as const),
        ...updatedEvents.map((e) => [e, 'updated'] as const),
      ]);
      return { destroyedEvents, updatedEvents };
    })
    .immediate();
}
