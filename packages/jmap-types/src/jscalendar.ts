/**
 * JSCalendar (RFC 8984) objects as they travel in JMAP Calendars. jmap-types imports no package of
 * ours, so these are the wire shapes; `@colibri/icalendar` has the same names for its own model.
 */

/** RFC 8984 §1.4.4 LocalDateTime: `YYYY-MM-DDThh:mm:ss`, no zone. */
export type LocalDateTime = string;
/** RFC 8984 §1.4.6 Duration (`P1DT2H`); SignedDuration (§1.4.7) may start with `-`. */
export type Duration = string;

/** RFC 8984 §4.3.3 NDay. */
export interface NDay {
  '@type'?: 'NDay';
  day: 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';
  nthOfPeriod?: number;
}

/** RFC 8984 §4.3.3 RecurrenceRule. */
export interface RecurrenceRule {
  '@type'?: 'RecurrenceRule';
  frequency: 'yearly' | 'monthly' | 'weekly' | 'daily' | 'hourly' | 'minutely' | 'secondly';
  interval?: number;
  rscale?: string;
  skip?: 'omit' | 'backward' | 'forward';
  firstDayOfWeek?: NDay['day'];
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

/** RFC 8984 §4.2.5 Location. */
export interface Location {
  '@type'?: 'Location';
  name?: string;
  description?: string;
  locationTypes?: Record<string, true>;
  relativeTo?: 'start' | 'end';
  timeZone?: string;
  coordinates?: string;
}

/** RFC 8984 §4.2.6 VirtualLocation. */
export interface VirtualLocation {
  '@type'?: 'VirtualLocation';
  name?: string;
  description?: string;
  uri: string;
  features?: Partial<Record<'audio' | 'chat' | 'feed' | 'moderator' | 'phone' | 'screen' | 'video', true>>;
}

export type ParticipantRole = 'owner' | 'attendee' | 'optional' | 'informational' | 'chair' | 'contact';
export type ParticipationStatus = 'needs-action' | 'accepted' | 'declined' | 'tentative' | 'delegated';

/** RFC 8984 §4.4.6 Participant. */
export interface Participant {
  '@type'?: 'Participant';
  name?: string;
  email?: string;
  description?: string;
  sendTo?: Record<string, string>;
  /** The participant's scheduling address (a mailto: URI), as the JMAP Calendars draft and
   * jscalendarbis name it; RFC 8984 itself has only `sendTo`. */
  calendarAddress?: string;
  kind?: 'individual' | 'group' | 'location' | 'resource';
  roles: Partial<Record<ParticipantRole, true>>;
  participationStatus?: ParticipationStatus;
  participationComment?: string;
  expectReply?: boolean;
  scheduleAgent?: 'server' | 'client' | 'none';
  scheduleSequence?: number;
  scheduleUpdated?: string;
  invitedBy?: string;
  delegatedTo?: Record<string, true>;
  delegatedFrom?: Record<string, true>;
}

/** RFC 8984 §4.5.2 Alert with its OffsetTrigger or AbsoluteTrigger. */
export interface Alert {
  '@type'?: 'Alert';
  trigger:
    | { '@type': 'OffsetTrigger'; offset: string; relativeTo?: 'start' | 'end' }
    | { '@type': 'AbsoluteTrigger'; when: string };
  acknowledged?: string;
  action?: 'display' | 'email';
}

/** RFC 8984 §5.1 Event: the properties Colibri reads and writes (others are kept as given). */
export interface JSCalendarEvent {
  '@type': 'Event';
  uid: string;
  prodId?: string;
  created?: string;
  updated?: string;
  sequence?: number;
  method?: string;
  title?: string;
  description?: string;
  descriptionContentType?: string;
  start: LocalDateTime;
  duration?: Duration;
  timeZone?: string | null;
  showWithoutTime?: boolean;
  status?: 'confirmed' | 'cancelled' | 'tentative';
  recurrenceId?: LocalDateTime | null;
  recurrenceIdTimeZone?: string | null;
  recurrenceRules?: RecurrenceRule[] | null;
  excludedRecurrenceRules?: RecurrenceRule[] | null;
  recurrenceOverrides?: Record<LocalDateTime, Record<string, unknown>> | null;
  excluded?: boolean;
  priority?: number;
  freeBusyStatus?: 'free' | 'busy';
  privacy?: 'public' | 'private' | 'secret';
  replyTo?: Record<string, string> | null;
  participants?: Record<string, Participant> | null;
  locations?: Record<string, Location> | null;
  virtualLocations?: Record<string, VirtualLocation> | null;
  keywords?: Record<string, true> | null;
  categories?: Record<string, true> | null;
  color?: string;
  useDefaultAlerts?: boolean;
  alerts?: Record<string, Alert> | null;
}
