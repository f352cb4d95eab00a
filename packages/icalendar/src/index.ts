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
export type { BuildItipOptions, ItipMethod } from './itip-build.js';
export { ITIP_METHODS, buildItip } from './itip-build.js';
export type { ItipAttendee, ItipItem, ItipMessage } from './itip-parse.js';
export { isNewerItip, parseItip } from './itip-parse.js';
export type { ImipBody, ImipLimits, ReceivedItip } from './imip.js';
export { buildImipBody, extractItip } from './imip.js';
export type { ParsedRule } from './rrule.js';
export { formatRRule, parseRRule } from './rrule.js';
export type {
  CounterProposal,
  DeclinedCounter,
  IncomingOutcome,
  OutgoingPlan,
  PlannedMessage,
  SchedulingError,
  SchedulingLimits,
  SchedulingResult,
} from './scheduling/types.js';
export { SCHEDULING_LIMITS } from './scheduling/types.js';
export type { PlanOptions } from './scheduling/plan-outgoing.js';
export { planOutgoing } from './scheduling/plan-outgoing.js';
export type { ApplyOptions } from './scheduling/apply-incoming.js';
export { applyIncoming } from './scheduling/apply-incoming.js';
export type { CounterRequest } from './scheduling/counter.js';
export { acceptCounter, declineCounter, planCounter } from './scheduling/counter.js';
export { renderPlanned } from './scheduling/render.js';
