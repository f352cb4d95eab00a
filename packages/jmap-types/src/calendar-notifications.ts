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

/** JMAP Calendars (draft-ietf-jmap-calendars) §7: who made the change a notification records. */
export interface CalendarEventNotificationPerson {
  name: string;
  email: string | null;
  /** The Principal of the person, null when the change came from outside (an iTIP message). */
  principalId: Id | null;
  /** Their calendar address (a `mailto:` URI), when known. */
  calendarAddress: string | null;
}

/** JMAP Calendars §7: a change someone else made to an event in the user's calendars. */
export interface CalendarEventNotification {
  id: Id;
  created: UTCDate;
  changedBy: CalendarEventNotificationPerson;
  comment: string | null;
  type: 'created' | 'updated' | 'destroyed';
  calendarEventId: Id;
  /** Created and updated only. */
  isDraft?: boolean;
  /** The event before the change (updated, destroyed) or after it (created). */
  event: Record<string, unknown>;
  /** Updated only: the PatchObject from `event` to the event after the change. */
  eventPatch?: Record<string, unknown>;
}
export type CalendarEventNotificationProperty = keyof CalendarEventNotification;

/** JMAP Calendars §7.5.1: CalendarEventNotification/query filter. */
export interface CalendarEventNotificationFilterCondition {
  after?: UTCDate | null;
  before?: UTCDate | null;
  type?: CalendarEventNotification['type'];
  calendarEventIds?: Id[] | null;
}

export interface CalendarNotificationMethods {
  'CalendarEventNotification/get': {
    args: GetArgs<CalendarEventNotificationProperty>;
    result: GetResult<Partial<CalendarEventNotification>>;
  };
  'CalendarEventNotification/changes': { args: ChangesArgs; result: ChangesResult };
  'CalendarEventNotification/set': {
    args: SetArgs<CalendarEventNotification>;
    result: SetResult<CalendarEventNotification>;
  };
  'CalendarEventNotification/query': {
    args: QueryArgs<CalendarEventNotificationFilterCondition>;
    result: QueryResult;
  };
  'CalendarEventNotification/queryChanges': {
    args: QueryChangesArgs<CalendarEventNotificationFilterCondition>;
    result: QueryChangesResult;
  };
}
