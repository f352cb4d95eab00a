import type { Id } from '@colibri/jmap-types';

/** The range of the visible dates, as sent to CalendarEvent/query (draft §5.8). */
export interface EventRange {
  /** LocalDateTime in `timeZone`, inclusive start of the view. */
  after: string;
  /** LocalDateTime in `timeZone`, exclusive end of the view. */
  before: string;
  timeZone: string;
}

/**
 * Query keys of the calendar feature (STYLE 18): by account, then JMAP type, so that push
 * (RFC 8620 §7.1, app/live-updates) invalidates `[feature, accountId, type]` as for mail.
 */
export const calendarKeys = {
  all: ['calendar'] as const,
  session: () => [...calendarKeys.all, 'session'] as const,
  type: (accountId: Id, type: 'Calendar' | 'CalendarEvent') =>
    [...calendarKeys.all, accountId, type] as const,
  calendars: (accountId: Id) => [...calendarKeys.type(accountId, 'Calendar'), 'list'] as const,
  ranges: (accountId: Id) => [...calendarKeys.type(accountId, 'CalendarEvent'), 'range'] as const,
  range: (accountId: Id, range: EventRange) => [...calendarKeys.ranges(accountId), range] as const,
  /** CalendarEventProposal lives in the events (its state is the CalendarEvent state). */
  proposals: (accountId: Id) => [...calendarKeys.type(accountId, 'CalendarEvent'), 'proposals'] as const,
  /** Colibri users by address (RFC 9670 Principal/query), for the find-a-time grid. */
  principals: (addresses: readonly string[]) => [...calendarKeys.all, 'principals', addresses] as const,
  /** The organisation's rooms (RFC 9670 Principal/query type location). */
  rooms: () => [...calendarKeys.all, 'rooms'] as const,
  /** Principal/getAvailability: other people's busy time, not pushed to us (a short staleTime). */
  availability: (accountId: Id, principalId: Id, utcStart: string, utcEnd: string) =>
    [...calendarKeys.all, accountId, 'availability', principalId, utcStart, utcEnd] as const,
  event: (accountId: Id, id: Id) => [...calendarKeys.type(accountId, 'CalendarEvent'), 'event', id] as const,
};
