export type {
  Alert,
  CalendarError,
  DayOfWeek,
  Duration,
  Frequency,
  Id,
  JSCalendarEvent,
  JSCalendarGroup,
  LocalDateTime,
  Link,
  Location,
  NDay,
  Participant,
  ParticipantKind,
  ParticipantRole,
  ParticipationStatus,
  PatchObject,
  RecurrenceRule,
  Result,
  SignedDuration,
  Trigger,
  UTCDateTime,
  VirtualLocation,
} from './types.js';
export { formatDuration, parseDuration } from './date-time.js';
export { localToUtc, offsetAt, resolveZoneName, utcToLocal } from './time-zones.js';
export type { ParsedCalendar } from './from-ical.js';
export { icalendarToJSCalendar } from './from-ical.js';
export type { SerializeOptions } from './to-ical.js';
export { jscalendarToICalendar } from './to-ical.js';
export type { ParseLimits } from './parse-ical.js';
export { PARSE_LIMITS } from './parse-ical.js';
export { fold, escapeText } from './content-lines.js';
export { applyPatch } from './patch.js';
export type { ExpandOptions, Expansion, Occurrence } from './expand.js';
export { EXPAND_LIMITS, expandOccurrences } from './expand.js';
