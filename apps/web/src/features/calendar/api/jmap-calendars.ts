import type {
  ChangesArgs,
  ChangesResult,
  Comparator,
  GetArgs,
  GetResult,
  Id,
  PatchObject,
  QueryArgs,
  QueryChangesArgs,
  QueryChangesResult,
  QueryResult,
  SetArgs,
  SetResult,
} from '@colibri/jmap-types';

/*
 * JMAP Calendars (draft-ietf-jmap-calendars-29) and JSCalendar (RFC 8984) as the web app uses
 * them. packages/jmap-types has no calendar types yet: these keep the draft's names exactly so
 * that they can move there as they are, and the method map below is merged into jmap-types'
 * `Methods` so that `client.call('CalendarEvent/query', …)` is typed like every other call.
 */

/** draft §2.1: the capability of Calendar and CalendarEvent (needed in `using`). */
export const CALENDARS_CAPABILITY = 'urn:ietf:params:jmap:calendars';

/** RFC 8984 §1.4.4: "2026-12-01T09:30:00", a wall-clock time without zone. */
export type LocalDateTime = string;
/** RFC 8984 §1.4.3: "2026-12-01T08:30:00Z". */
export type UTCDateTime = string;
/** RFC 8984 §1.4.6: "PT1H30M", "P1D". */
export type Duration = string;

/** draft §4: CalendarRights. */
export interface CalendarRights {
  mayReadFreeBusy: boolean;
  mayReadItems: boolean;
  mayWriteAll: boolean;
  mayWriteOwn: boolean;
  mayUpdatePrivate: boolean;
  mayRSVP: boolean;
  mayShare: boolean;
  mayDelete: boolean;
}

/** draft §4: Calendar. */
export interface Calendar {
  id: Id;
  name: string;
  description: string | null;
  /** A CSS color name or #rrggbb (draft §4), or null: the client picks one. */
  color: string | null;
  sortOrder: number;
  isSubscribed: boolean;
  isVisible: boolean;
  isDefault: boolean;
  myRights: CalendarRights;
  timeZone?: string | null;
  includeInAvailability?: 'all' | 'attending' | 'none';
}

export type DayOfWeek = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';

/** RFC 8984 §4.3.3: NDay. */
export interface NDay {
  '@type'?: 'NDay';
  day: DayOfWeek;
  nthOfPeriod?: number;
}

export type Frequency = 'yearly' | 'monthly' | 'weekly' | 'daily' | 'hourly' | 'minutely' | 'secondly';

/** RFC 8984 §4.3.3: RecurrenceRule (the fields this client writes and reads). */
export interface RecurrenceRule {
  '@type'?: 'RecurrenceRule';
  frequency: Frequency;
  interval?: number;
  rscale?: string;
  skip?: 'omit' | 'backward' | 'forward';
  firstDayOfWeek?: DayOfWeek;
  byDay?: NDay[];
  byMonthDay?: number[];
  byMonth?: string[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byHour?: number[];
  byMinute?: number[];
  bySecond?: number[];
  bySetPosition?: number[];
  count?: number;
  until?: LocalDateTime;
}

/** RFC 8984 §4.2.5: Location. */
export interface Location {
  '@type'?: 'Location';
  name?: string;
  description?: string;
}

/** RFC 8984 §4.2.6: VirtualLocation. */
export interface VirtualLocation {
  '@type'?: 'VirtualLocation';
  name?: string;
  description?: string;
  uri: string;
  /** What the location offers, e.g. `{ audio: true, video: true, chat: true, screen: true }`. */
  features?: Partial<Record<'audio' | 'chat' | 'feed' | 'moderator' | 'phone' | 'screen' | 'video', true>>;
}

/** RFC 8984 §4.4.6: participationStatus. */
export type ParticipationStatus = 'needs-action' | 'accepted' | 'declined' | 'tentative' | 'delegated';

/** RFC 8984 §4.4.6: Participant (with the draft's calendarAddress, §4, when the server sends it). */
export interface Participant {
  '@type'?: 'Participant';
  name?: string;
  email?: string;
  /** RFC 8984: how to reach the participant, e.g. `{ imip: 'mailto:bob@example.com' }`. */
  sendTo?: Record<string, string>;
  /** draft-ietf-jmap-calendars §4 / jscalendarbis: the participant's iTIP address. */
  calendarAddress?: string;
  kind?: 'individual' | 'group' | 'location' | 'resource' | 'unknown';
  roles?: Record<string, true>;
  participationStatus?: ParticipationStatus;
  participationComment?: string;
  expectReply?: boolean;
}

/** RFC 8984 §5.1 Event + draft §5 CalendarEvent properties. */
export interface CalendarEvent {
  id: Id;
  /** draft §5: set on the synthetic id of an expanded occurrence, the id of its base event. */
  baseEventId?: Id | null;
  calendarIds: Record<Id, true>;
  isDraft?: boolean;
  isOrigin?: boolean;
  /** draft §5: computed by the server when asked for. */
  utcStart?: UTCDateTime;
  utcEnd?: UTCDateTime;
  '@type'?: 'Event';
  uid?: string;
  title?: string;
  description?: string;
  start: LocalDateTime;
  duration?: Duration;
  /** null: a floating time. */
  timeZone?: string | null;
  showWithoutTime?: boolean;
  recurrenceId?: LocalDateTime | null;
  recurrenceRules?: RecurrenceRule[] | null;
  excludedRecurrenceRules?: RecurrenceRule[] | null;
  /** RFC 8984 §4.3.5: patches of the base event by recurrence id. */
  recurrenceOverrides?: Record<LocalDateTime, PatchObject> | null;
  excluded?: boolean;
  locations?: Record<Id, Location> | null;
  virtualLocations?: Record<Id, VirtualLocation> | null;
  participants?: Record<Id, Participant> | null;
  /** RFC 8984 §4.4.4: where replies go, e.g. `{ imip: 'mailto:alice@example.com' }`. */
  replyTo?: Record<string, string> | null;
  organizerCalendarAddress?: string | null;
  status?: 'confirmed' | 'cancelled' | 'tentative';
  freeBusyStatus?: 'free' | 'busy';
  privacy?: 'public' | 'private' | 'secret';
  sequence?: number;
  color?: string;
  created?: UTCDateTime;
  updated?: UTCDateTime;
}

/** draft §5.8.1: CalendarEvent/query FilterCondition. */
export interface CalendarEventFilterCondition {
  inCalendar?: Id;
  after?: LocalDateTime;
  before?: LocalDateTime;
  text?: string;
  title?: string;
  description?: string;
  location?: string;
  owner?: string;
  participant?: string;
  uid?: string;
}

type CalendarProperty = Extract<keyof Calendar, string>;
type CalendarEventProperty = Extract<keyof CalendarEvent, string>;

/** draft §5.1: the extra arguments of CalendarEvent/get. */
export interface CalendarEventGetExtraArgs {
  recurrenceOverridesBefore?: UTCDateTime | null;
  recurrenceOverridesAfter?: UTCDateTime | null;
  reduceParticipants?: boolean;
  timeZone?: string;
}

declare module '@colibri/jmap-types' {
  interface Methods {
    'Calendar/get': { args: GetArgs<CalendarProperty>; result: GetResult<Calendar> };
    'Calendar/changes': { args: ChangesArgs; result: ChangesResult };
    'Calendar/set': {
      args: SetArgs<Calendar> & { onDestroyRemoveEvents?: boolean; onSuccessSetIsDefault?: Id | null };
      result: SetResult<Calendar>;
    };
    'CalendarEvent/get': {
      args: GetArgs<CalendarEventProperty> & CalendarEventGetExtraArgs;
      result: GetResult<Partial<CalendarEvent> & { id: Id }>;
    };
    'CalendarEvent/changes': { args: ChangesArgs; result: ChangesResult };
    'CalendarEvent/set': {
      args: SetArgs<CalendarEvent> & { sendSchedulingMessages?: boolean };
      result: SetResult<CalendarEvent>;
    };
    'CalendarEvent/query': {
      args: QueryArgs<CalendarEventFilterCondition> & {
        sort?: Comparator<'start' | 'uid' | 'recurrenceId' | 'created' | 'updated'>[] | null;
        expandRecurrences?: boolean;
        timeZone?: string;
      };
      result: QueryResult;
    };
    'CalendarEvent/queryChanges': {
      args: QueryChangesArgs<CalendarEventFilterCondition> & {
        expandRecurrences?: boolean;
        timeZone?: string;
      };
      result: QueryChangesResult;
    };
  }
}
