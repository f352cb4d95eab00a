import { randomBytes } from 'node:crypto';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { AccountId } from '../model.js';
import type { Db } from './open-database.js';

/**
 * A video meeting room of an account (its owner, the room's admin). The id is the room's name on
 * the media server and the last part of its join link: 128 random bits, so a link cannot be
 * guessed. `eventId` ties the room to a calendar event of the owner, whose participants are the
 * invitees; a room without one ("meet now") has no invitees but its owner.
 */
export interface MeetingRoom {
  id: string;
  accountId: AccountId;
  title: string;
  eventId: string | null;
  /** Only the owner and the event's invitees may enter; everyone else is refused, not queued. */
  inviteesOnly: boolean;
  createdAt: Date;
}

export interface NewMeetingRoom {
  title: string;
  eventId?: string | null;
  inviteesOnly?: boolean;
}

export const meetingRoomLimits = {
  /** Rooms per account; each "meet now" makes one, and the oldest instant ones go first. */
  maxPerAccount: 2_000,
  maxTitleChars: 200,
  maxEventIdChars: 255,
} as const;

interface Row {
  id: string;
  account_id: string;
  title: string;
  event_id: string | null;
  invitees_only: number;
  created_at: number;
}

const COLUMNS = 'id, account_id, title, event_id, invitees_only, created_at';
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** What `newMeetingRoomId` makes: 26 base32 letters (lower case, so links stay case-proof). */
export const MEETING_ROOM_ID = /^[a-z2-7]{26}$/;

/** 128 random bits in base32: a room name that is also safe in a URL path and a LiveKit room. */
function newMeetingRoomId(): string {
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let id = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && id.length < 26) {
      id += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return id;
}

function fromRow(r: Row): MeetingRoom {
  return {
    id: r.id,
    accountId: r.account_id as AccountId,
    title: r.title,
    eventId: r.event_id,
    inviteesOnly: r.invitees_only === 1,
    createdAt: new Date(r.created_at),
  };
}

function checkTitle(title: string): void {
  const { maxTitleChars } = meetingRoomLimits;
  if (title.length > maxTitleChars || /\p{Cc}/u.test(title))
    throw new InvalidInputError(
      `title must have at most ${maxTitleChars} characters and no control characters`,
    );
}

/**
 * Creates a room owned by the account. At the limit, the account's oldest room with no event goes
 * (an instant meeting long over); with only event rooms left, InvalidInputError.
 */
export function createMeetingRoom(
  db: Db,
  accountId: AccountId,
  input: NewMeetingRoom,
  now = new Date(),
): MeetingRoom {
  checkTitle(input.title);
  const eventId = input.eventId ?? null;
  if (eventId !== null && (eventId.length === 0 || eventId.length > meetingRoomLimits.maxEventIdChars))
    throw new InvalidInputError(`eventId must have 1 to ${meetingRoomLimits.maxEventIdChars} characters`);
  const id = newMeetingRoomId();
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(accountId))
      throw new NotFoundError(`Account ${accountId}`);
    const count = db
      .prepare('SELECT count(*) FROM meeting_rooms WHERE account_id = ?')
      .pluck()
      .get(accountId);
    if ((count as number) >= meetingRoomLimits.maxPerAccount) {
      const dropped = db
        .prepare(
          `DELETE FROM meeting_rooms WHERE id = (SELECT id FROM meeting_rooms
             WHERE account_id = ? AND event_id IS NULL ORDER BY created_at, rowid LIMIT 1)`,
        )
        .run(accountId);
      if (dropped.changes === 0)
        throw new InvalidInputError(`At most ${meetingRoomLimits.maxPerAccount} meeting rooms per account`);
    }
    db.prepare(`INSERT INTO meeting_rooms (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`).run(
      id,
      accountId,
      input.title,
      eventId,
      input.inviteesOnly ? 1 : 0,
      now.getTime(),
    );
    return fromRow(db.prepare(`SELECT ${COLUMNS} FROM meeting_rooms WHERE id = ?`).get(id) as Row);
  })();
}

/** The room with this id, or null (unknown, malformed, or deleted with its account). */
export function getMeetingRoom(db: Db, id: string): MeetingRoom | null {
  if (!MEETING_ROOM_ID.test(id)) return null;
  const row = db.prepare(`SELECT ${COLUMNS} FROM meeting_rooms WHERE id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

/** The owner's rooms for one event, oldest first (an event normally has one). */
export function listMeetingRoomsForEvent(db: Db, accountId: AccountId, eventId: string): MeetingRoom[] {
  return (
    db
      .prepare(
        `SELECT ${COLUMNS} FROM meeting_rooms WHERE account_id = ? AND event_id = ? ORDER BY created_at, rowid`,
      )
      .all(accountId, eventId) as Row[]
  ).map(fromRow);
}

/** Changes who may enter; NotFoundError when the account owns no such room. */
export function setMeetingRoomInviteesOnly(
  db: Db,
  accountId: AccountId,
  id: string,
  inviteesOnly: boolean,
): MeetingRoom {
  const result = db
    .prepare('UPDATE meeting_rooms SET invitees_only = ? WHERE id = ? AND account_id = ?')
    .run(inviteesOnly ? 1 : 0, id, accountId);
  if (result.changes === 0) throw new NotFoundError(`Meeting room ${id}`);
  return getMeetingRoom(db, id)!;
}

/**
 * Ties the room to one of the owner's events (a room made while its event was being created);
 * InvalidInputError for a bad event id, NotFoundError when the account owns no such room.
 */
export function setMeetingRoomEvent(db: Db, accountId: AccountId, id: string, eventId: string): MeetingRoom {
  if (eventId.length === 0 || eventId.length > meetingRoomLimits.maxEventIdChars)
    throw new InvalidInputError(`eventId must have 1 to ${meetingRoomLimits.maxEventIdChars} characters`);
  const result = db
    .prepare('UPDATE meeting_rooms SET event_id = ? WHERE id = ? AND account_id = ?')
    .run(eventId, id, accountId);
  if (result.changes === 0) throw new NotFoundError(`Meeting room ${id}`);
  return getMeetingRoom(db, id)!;
}

/** Deletes one of the account's rooms: its link stops working. */
export function deleteMeetingRoom(db: Db, accountId: AccountId, id: string): void {
  const result = db.prepare('DELETE FROM meeting_rooms WHERE id = ? AND account_id = ?').run(id, accountId);
  if (result.changes === 0) throw new NotFoundError(`Meeting room ${id}`);
}

/**
 * A room lives as long as an event of its owner carries its link: called in the transaction that
 * changes or destroys `eventId` (`data` its new JSON text, null when destroyed). Each room tied
 * to the event that the event no longer links (`/meet/<id>`, in a virtual location, the
 * description or an override) moves to another of the owner's events that still does (a series
 * split in two keeps its room), or is deleted, so that its link stops admitting anyone.
 */
export function releaseMeetingRooms(
  db: Db,
  accountId: AccountId,
  eventId: string,
  data: string | null,
): void {
  const rooms = listMeetingRoomsForEvent(db, accountId, eventId);
  if (rooms.length === 0) return;
  const linking = db.prepare(
    `SELECT id FROM calendar_events WHERE account_id = ? AND id != ? AND instr(data_json, ?) > 0 LIMIT 1`,
  );
  for (const room of rooms) {
    const link = `/meet/${room.id}`;
    if (data?.includes(link)) continue;
    const other = linking.get(accountId, eventId, link) as { id: string } | undefined;
    if (other) db.prepare('UPDATE meeting_rooms SET event_id = ? WHERE id = ?').run(other.id, room.id);
    else db.prepare('DELETE FROM meeting_rooms WHERE id = ?').run(room.id);
  }
}

/** Migration 36 (34 and 35 are the calendar's). */
export const meetingRoomsMigration = {
  version: 36,
  name: 'meeting rooms',
  sql: `
    CREATE TABLE meeting_rooms (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      event_id TEXT,
      invitees_only INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX meeting_rooms_account ON meeting_rooms(account_id, event_id, created_at);
  `,
};
