/**
 * JSCalendar (RFC 8984) objects, as far as Colibri uses them. Every name and value below is the
 * RFC's; what the RFC defines and these types leave out is listed in CONTEXT.md ("Not modelled").
 */

/** RFC 8984 §1.4.4 LocalDateTime: `YYYY-MM-DDThh:mm:ss` (optional fraction), no zone. */
export type LocalDateTime = string;
/** RFC 8984 §1.4.3 UTCDateTime: `YYYY-MM-DDThh:mm:ssZ`. */
export type UTCDateTime = string;
/** RFC 8984 §1.4.6 Duration (`P1DT2H`, no years or months); SignedDuration (§1.4.7) may start with `-`. */
export type Duration = string;
export type SignedDuration = string;
/** RFC 8984 §1.4.1 Id: 1-255 characters of `A-Za-z0-9-_`. */
export type Id = string;
/** A `mailto:` or other URI, RFC 8984 §1.4. */
export type Uri = string;

/** RFC 8984 §4.3.3 NDay. */
export interface NDay {
  '@type'?: 'NDay';
  day: DayOfWeek;
  nthOfPeriod?: number;
}
export type DayOfWeek = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';
export type Frequency = 'yearly' | 'monthly' | 'weekly' | 'daily' | 'hourly' | 'minutely' | 'secondly';

/** RFC 8984 §4.3.3 RecurrenceRule. */
export interface RecurrenceRule {
  '@type'?: 'RecurrenceRule';
  frequency: Frequency;
  interval?: number;
  /** Only "gregorian" is supported (RFC 7529 RSCALE is not). */
  rscale?: string;
  skip?: 'omit' | 'backward' | 'forward';
  firstDayOfWeek?: DayOfWeek;
  byDay?: NDay[];
  byMonthDay?: number[];
  /** Month numbers as strings, with an `L` suffix for leap months (never produced here). */
  byMonth?: string[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byHour?: number[];
  byMinute?: number[];
  bySecond?: number[];
  bySetPosition?: number[];
  count?: number;
  /** In the event's time zone (RFC 8984 §4.3.3 "until"). */
  until?: LocalDateTime;
}

/** RFC 8984 §4.2.5 Location. */
export interface Location {
  '@type'?: 'Location';
  name?: string;
  description?: string;
  locationTypes?: Record<string, true>;
  relativeTo?: 'start' | 'end';
  timeZone?: string;
  coordinates?: Uri;
  links?: Record<Id, Link>;
}

/** RFC 8984 §4.2.6 VirtualLocation. */
export interface VirtualLocation {
  '@type'?: 'VirtualLocation';
  name?: string;
  description?: string;
  uri: Uri;
  features?: Partial<Record<'audio' | 'chat' | 'feed' | 'moderator' | 'phone' | 'screen' | 'video', true>>;
}

/** RFC 8984 §1.4.11 Link. */
export interface Link {
  '@type'?: 'Link';
  href: Uri;
  cid?: string;
  contentType?: string;
  size?: number;
  rel?: string;
  display?: string;
  title?: string;
}

export type ParticipantRole = 'owner' | 'attendee' | 'optional' | 'informational' | 'chair' | 'contact';
export type ParticipationStatus = 'needs-action' | 'accepted' | 'declined' | 'tentative' | 'delegated';
export type ParticipantKind = 'individual' | 'group' | 'location' | 'resource';

/** RFC 8984 §4.4.6 Participant. */
export interface Participant {
  '@type'?: 'Participant';
  name?: string;
  email?: string;
  description?: string;
  /** Method -> URI; "imip" is a `mailto:` URI (RFC 8984 §4.4.6 sendTo). */
  sendTo?: Record<string, Uri>;
  kind?: ParticipantKind;
  roles: Partial<Record<ParticipantRole, true>>;
  locationId?: Id;
  language?: string;
  participationStatus?: ParticipationStatus;
  participationComment?: string;
  expectReply?: boolean;
  scheduleAgent?: 'server' | 'client' | 'none';
  scheduleForceSend?: boolean;
  scheduleSequence?: number;
  scheduleStatus?: string[];
  scheduleUpdated?: UTCDateTime;
  sentBy?: string;
  invitedBy?: Id;
  delegatedTo?: Record<Id, true>;
  delegatedFrom?: Record<Id, true>;
  memberOf?: Record<Id, true>;
  links?: Record<Id, Link>;
}

/** RFC 8984 §4.5.2 OffsetTrigger and AbsoluteTrigger. */
export type Trigger =
  | { '@type': 'OffsetTrigger'; offset: SignedDuration; relativeTo?: 'start' | 'end' }
  | { '@type': 'AbsoluteTrigger'; when: UTCDateTime };

/** RFC 8984 §4.5.2 Alert. */
export interface Alert {
  '@type'?: 'Alert';
  trigger: Trigger;
  acknowledged?: UTCDateTime;
  relatedTo?: Record<string, { '@type'?: 'Relation'; relation?: Record<string, true> }>;
  action?: 'display' | 'email';
}

/** RFC 8984 §4.3.5: a patch of an override, JSON-pointer-like paths to values (null removes). */
export type PatchObject = Record<string, unknown>;

/** RFC 8984 §5.1 Event. */
export interface JSCalendarEvent {
  '@type': 'Event';
  uid: string;
  /** RFC 8984 §4.1.3 prodId, §4.1.4 created, §4.1.5 updated, §4.1.6 sequence, §4.1.7 method. */
  prodId?: string;
  created?: UTCDateTime;
  updated?: UTCDateTime;
  sequence?: number;
  method?: 'publish' | 'request' | 'reply' | 'add' | 'cancel' | 'refresh' | 'counter' | 'declinecounter';
  title?: string;
  description?: string;
  descriptionContentType?: string;
  showWithoutTime?: boolean;
  locations?: Record<Id, Location>;
  virtualLocations?: Record<Id, VirtualLocation>;
  links?: Record<Id, Link>;
  locale?: string;
  keywords?: Record<string, true>;
  categories?: Record<string, true>;
  color?: string;
  /** RFC 8984 §4.3.1-2: the id of one occurrence of a recurring event (an override's own key). */
  recurrenceId?: LocalDateTime;
  recurrenceIdTimeZone?: string | null;
  recurrenceRules?: RecurrenceRule[];
  excludedRecurrenceRules?: RecurrenceRule[];
  recurrenceOverrides?: Record<LocalDateTime, PatchObject>;
  excluded?: boolean;
  priority?: number;
  freeBusyStatus?: 'free' | 'busy';
  privacy?: 'public' | 'private' | 'secret';
  replyTo?: Record<string, Uri>;
  sentBy?: string;
  participants?: Record<Id, Participant>;
  requestStatus?: string;
  useDefaultAlerts?: boolean;
  alerts?: Record<Id, Alert>;
  /** RFC 8984 §5.1.1 start, §5.1.2 duration, §5.1.3 status. */
  start: LocalDateTime;
  duration?: Duration;
  status?: 'confirmed' | 'cancelled' | 'tentative';
  /** IANA name; null (or absent) is floating time (RFC 8984 §4.7.1). */
  timeZone?: string | null;
}

/** RFC 8984 §5.3 Group, used when one iCalendar object holds several events. */
export interface JSCalendarGroup {
  '@type': 'Group';
  uid?: string;
  title?: string;
  entries: JSCalendarEvent[];
}

/** Expected failures are values (house style); `reason` is for people, `code` for programs. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CalendarError };
export interface CalendarError {
  code:
    | 'too-large'
    | 'too-many-lines'
    | 'line-too-long'
    | 'too-deep'
    | 'too-many-components'
    | 'too-many-properties'
    | 'syntax'
    | 'no-event'
    | 'bad-value'
    | 'bad-method'
    | 'limit';
  reason: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: CalendarError['code'], reason: string): Result<never> => ({
  ok: false,
  error: { code, reason },
});
