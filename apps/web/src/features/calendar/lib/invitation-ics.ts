import type { CalendarEvent } from '@colibri/jmap-types';
import { durationOfMs } from './time';
import { localDateTimeToInstant } from './time';

/**
 * The little of an iTIP message (RFC 5546) the mail reader shows before the event is looked up
 * in the user's calendar: read from the text/calendar part of an iMIP email (RFC 6047). The
 * server applies the message (packages/icalendar); this only reads it for display.
 */
export type InvitationMethod = 'request' | 'cancel' | 'counter' | 'declinecounter';

export interface Invitation {
  method: InvitationMethod;
  uid: string;
  title: string;
  /** The event's time as JSCalendar would say it (RFC 8984 §5.1), for `formatWhen`. */
  when: Pick<CalendarEvent, 'start' | 'timeZone' | 'duration' | 'showWithoutTime'> | null;
  /** RFC 8984 §4.4.6 recurrenceId of the occurrence the message is about, if any. */
  recurrenceId: string | null;
  organizer: { name: string | null; email: string } | null;
  /** RFC 7986 §5.11 CONFERENCE (or the vendors' X- properties): the meeting link, if any. */
  meetingLink: string | null;
}

/** Limits on what is read: a scheduling message is small. */
export const MAX_INVITATION_CHARS = 256_000;
const METHODS: readonly InvitationMethod[] = ['request', 'cancel', 'counter', 'declinecounter'];

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 §3.1: unfolded content lines, with their parameters (quoted values kept whole). */
function contentLines(text: string): ContentLine[] {
  const lines: ContentLine[] = [];
  for (const raw of text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    let i = 0;
    let inQuotes = false;
    while (i < raw.length && (inQuotes || raw[i] !== ':')) {
      if (raw[i] === '"') inQuotes = !inQuotes;
      i++;
    }
    if (i >= raw.length) continue;
    const head = raw.slice(0, i);
    const [name = '', ...paramParts] = head.match(/(?:[^;"]|"[^"]*")+/g) ?? [];
    const params: Record<string, string> = {};
    for (const part of paramParts) {
      const eq = part.indexOf('=');
      if (eq > 0) params[part.slice(0, eq).toUpperCase()] = part.slice(eq + 1).replace(/^"|"$/g, '');
    }
    lines.push({ name: name.toUpperCase(), params, value: raw.slice(i + 1) });
  }
  return lines;
}

/** RFC 5545 §3.3.11 TEXT unescaped. */
const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_m, c: string) => (/n/i.test(c) ? '\n' : c));

/** RFC 5545 §3.3.4/§3.3.5 DATE or DATE-TIME as a LocalDateTime, and whether it is a date or UTC. */
function timeOf(line: ContentLine | undefined) {
  const match = line && /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(line.value.trim());
  if (!line || !match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', z] = match;
  return {
    local: `${y}-${mo}-${d}T${h}:${mi}:${s}`,
    date: match[4] === undefined,
    timeZone: z ? 'Etc/UTC' : (line.params.TZID ?? null),
  };
}

const mailto = (value: string) => value.replace(/^mailto:/i, '').trim();

/** The invitation of an iCalendar text, or null when it is not an iTIP message we show. */
export function parseInvitation(text: string): Invitation | null {
  if (text.length > MAX_INVITATION_CHARS) return null;
  const lines = contentLines(text);
  const method = lines
    .find((l) => l.name === 'METHOD')
    ?.value.trim()
    .toLowerCase();
  if (!method || !(METHODS as readonly string[]).includes(method)) return null;
  // The first VEVENT: the series (or the one occurrence the message is about).
  const begin = lines.findIndex((l) => l.name === 'BEGIN' && l.value.trim().toUpperCase() === 'VEVENT');
  if (begin === -1) return null;
  const end = lines.findIndex(
    (l, i) => i > begin && l.name === 'END' && l.value.trim().toUpperCase() === 'VEVENT',
  );
  const event = lines.slice(begin + 1, end === -1 ? undefined : end);
  const get = (name: string) => event.find((l) => l.name === name);
  const uid = get('UID')?.value.trim();
  if (!uid) return null;

  const start = timeOf(get('DTSTART'));
  const endTime = timeOf(get('DTEND'));
  let when: Invitation['when'] = null;
  if (start) {
    const zone = start.timeZone ?? 'Etc/UTC';
    const a = localDateTimeToInstant(start.local, zone);
    const b = endTime ? localDateTimeToInstant(endTime.local, endTime.timeZone ?? zone) : null;
    const duration =
      get('DURATION')?.value.trim() ??
      (a && b && b > a ? durationOfMs(b.getTime() - a.getTime()) : undefined);
    when = {
      start: start.local,
      timeZone: start.date ? null : zone,
      showWithoutTime: start.date,
      ...(duration ? { duration } : {}),
    };
  }
  const organizerLine = get('ORGANIZER');
  const conference = event.filter((l) => l.name === 'CONFERENCE').map((l) => l.value.trim());
  const vendor = ['X-MICROSOFT-SKYPETEAMSMEETINGURL', 'X-GOOGLE-CONFERENCE'].map((n) => get(n)?.value.trim());
  const meetingLink =
    [...conference, ...vendor].find((v): v is string => !!v && /^https?:\/\//i.test(v)) ?? null;
  const recurrence = timeOf(get('RECURRENCE-ID'));
  return {
    method: method as InvitationMethod,
    uid,
    title: unescapeText(get('SUMMARY')?.value ?? ''),
    when,
    recurrenceId: recurrence?.local ?? null,
    organizer: organizerLine
      ? { name: organizerLine.params.CN ?? null, email: mailto(organizerLine.value) }
      : null,
    meetingLink,
  };
}
