import type {
  ChangesArgs,
  ChangesResult,
  GetArgs,
  GetResult,
  Id,
  QueryArgs,
  QueryChangesArgs,
  QueryChangesResult,
  QueryResult,
  SetArgs,
  SetResult,
  UTCDate,
} from './core.js';
import type { Alert, JSCalendarEvent } from './jscalendar.js';

/** JMAP Calendars (draft-ietf-jmap-calendars): the account capability `urn:ietf:params:jmap:calendars`. */
export interface CalendarsAccountCapability {
  /** The most calendars one event may be in (null: no limit). */
  maxCalendarsPerEvent: number | null;
  /** The earliest and latest dates the server stores events for. */
  minDateTime: UTCDate;
  maxDateTime: UTCDate;
  /** The longest before − after span of a query with expandRecurrences (a Duration). */
  maxExpandedQueryDuration: string;
  /** The most participants one event may have (null: no limit). */
  maxParticipantsPerEvent: number | null;
  mayCreateCalendar: boolean;
}

/** The rights the principal has on a calendar (draft §4). */
export interface CalendarRights {
  mayReadFreeBusy: boolean;
  mayReadItems: boolean;
  mayWriteAll: boolean;
  mayWriteOwn: boolean;
  mayUpdatePrivate: boolean;
  mayRSVP: boolean;
  mayAdmin: boolean;
  mayDelete: boolean;
}

/** JMAP Calendars §4: a Calendar. */
export interface Calendar {
  id: Id;
  name: string;
  description: string | null;
  color: string | null;
  sortOrder: number;
  isSubscribed: boolean;
  isVisible: boolean;
  isDefault: boolean;
  includeInAvailability: 'all' | 'attending' | 'none';
  defaultAlertsWithTime: Record<Id, Alert> | null;
  defaultAlertsWithoutTime: Record<Id, Alert> | null;
  timeZone: string | null;
  shareWith: Record<Id, CalendarRights> | null;
  myRights: CalendarRights;
}
export type CalendarProperty = keyof Calendar;

/** JMAP Calendars §4.3: Calendar/set's extra arguments. */
export interface CalendarSetExtraArgs {
  onDestroyRemoveEvents?: boolean;
  onSuccessSetIsDefault?: Id | null;
}

/**
 * JMAP Calendars §5: a CalendarEvent, a JSCalendar Event (RFC 8984 §5.1) plus the JMAP
 * properties. `baseEventId` is set on an expanded occurrence (an id from a query with
 * expandRecurrences): it names the recurring event it comes from.
 */
export interface CalendarEvent extends JSCalendarEvent {
  id: Id;
  baseEventId: Id | null;
  calendarIds: Record<Id, true>;
  isDraft: boolean;
  isOrigin: boolean;
  /** Only when asked for in `properties`: the start and end of this event (or occurrence) in UTC. */
  utcStart?: UTCDate;
  utcEnd?: UTCDate;
}
export type CalendarEventProperty = keyof CalendarEvent | string;

/** JMAP Calendars §5.7: CalendarEvent/get's extra arguments. */
export interface CalendarEventGetExtraArgs {
  recurrenceOverridesBefore?: UTCDate | null;
  recurrenceOverridesAfter?: UTCDate | null;
  reduceParticipants?: boolean;
  timeZone?: string | null;
}

/** JMAP Calendars §5.11: CalendarEvent/query's FilterCondition. */
export interface CalendarEventFilterCondition {
  inCalendars?: Id[];
  after?: UTCDate;
  before?: UTCDate;
  text?: string;
  title?: string;
  description?: string;
  location?: string;
  owner?: string;
  attendee?: string;
  uid?: string;
}
export type CalendarEventSortProperty = 'start' | 'uid' | 'recurrenceId' | 'created' | 'updated';

/** JMAP Calendars §5.11: CalendarEvent/query's extra arguments. */
export interface CalendarEventQueryExtraArgs {
  expandRecurrences?: boolean;
  timeZone?: string;
}

/** JMAP Calendars §3: a ParticipantIdentity, one of the principal's addresses as a participant. */
export interface ParticipantIdentity {
  id: Id;
  name: string;
  calendarAddress: string;
  isDefault: boolean;
}
export type ParticipantIdentityProperty = keyof ParticipantIdentity;

/** The JMAP Calendars methods Colibri serves. */
export interface CalendarMethods {
  'Calendar/get': { args: GetArgs<CalendarProperty>; result: GetResult<Partial<Calendar>> };
  'Calendar/changes': { args: ChangesArgs; result: ChangesResult & { updatedProperties: string[] | null } };
  'Calendar/set': { args: SetArgs<Calendar> & CalendarSetExtraArgs; result: SetResult<Calendar> };
  'CalendarEvent/get': {
    args: GetArgs<CalendarEventProperty> & CalendarEventGetExtraArgs;
    result: GetResult<Partial<CalendarEvent>>;
  };
  'CalendarEvent/changes': { args: ChangesArgs; result: ChangesResult };
  'CalendarEvent/set': {
    args: SetArgs<CalendarEvent> & { sendSchedulingMessages?: boolean };
    result: SetResult<CalendarEvent>;
  };
  'CalendarEvent/query': {
    args: QueryArgs<CalendarEventFilterCondition, CalendarEventSortProperty> & CalendarEventQueryExtraArgs;
    result: QueryResult;
  };
  'CalendarEvent/queryChanges': {
    args: QueryChangesArgs<CalendarEventFilterCondition, CalendarEventSortProperty> &
      CalendarEventQueryExtraArgs;
    result: QueryChangesResult;
  };
  'ParticipantIdentity/get': {
    args: GetArgs<ParticipantIdentityProperty>;
    result: GetResult<Partial<ParticipantIdentity>>;
  };
}
