/**
 * Dates for the `date` and `currentdate` tests (RFC 5260 §4–5): reading an RFC 5322 §3.3 date
 * header and extracting the date-parts of RFC 5260 §4.2 in a given zone.
 */

export const DATE_PARTS = [
  'year',
  'month',
  'day',
  'date',
  'julian',
  'hour',
  'minute',
  'second',
  'time',
  'iso8601',
  'std11',
  'zone',
  'weekday',
] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** A moment and the zone offset (minutes east of UTC) to show it in. */
export interface ZonedDate {
  utcMillis: number;
  offsetMinutes: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// RFC 5322 §4.3 obsolete zone names; military letters are treated as "-0000" (unknown) as it says.
const NAMED_ZONES: Record<string, number> = {
  ut: 0,
  gmt: 0,
  z: 0,
  edt: -240,
  est: -300,
  cdt: -300,
  cst: -360,
  mdt: -360,
  mst: -420,
  pdt: -420,
  pst: -480,
};

/** Parses "+hhmm"/"-hhmm" into minutes east of UTC; null when malformed (RFC 5260 §4.1 :zone). */
export function parseZone(zone: string): number | null {
  const match = /^([+-])(\d\d)(\d\d)$/.exec(zone.trim());
  if (match === null) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 23 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Reads an RFC 5322 date-time (comments dropped, obsolete forms accepted); null when unreadable. */
export function parseDateHeader(value: string): ZonedDate | null {
  // A Received field carries its date after the last ";" (RFC 5322 §3.6.7).
  const text = value
    .slice(value.lastIndexOf(';') + 1)
    .replace(/\([^)]*\)/g, ' ')
    .trim();
  const match =
    /^(?:[A-Za-z]{3}\s*,\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?\s*$/.exec(
      text,
    );
  if (match === null) return null;
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase());
  if (month < 0) return null;
  let year = Number(match[3]);
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, three-digit ones add 1900.
  if ((match[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  else if ((match[3] ?? '').length === 3) year += 1900;
  const zoneText = match[7] ?? '-0000';
  const offset = parseZone(zoneText) ?? NAMED_ZONES[zoneText.toLowerCase()] ?? 0;
  const day = Number(match[1]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6] ?? '0');
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const local = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  return { utcMillis: local - offset * 60_000, offsetMinutes: offset };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function formatZone(offsetMinutes: number, separator: string): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** The value of one date-part (RFC 5260 §4.2) of a date shown in its offset. */
export function datePart(date: ZonedDate, part: DatePart): string {
  const local = new Date(date.utcMillis + date.offsetMinutes * 60_000);
  const year = pad(local.getUTCFullYear(), 4);
  const month = pad(local.getUTCMonth() + 1);
  const day = pad(local.getUTCDate());
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  switch (part) {
    case 'year':
      return year;
    case 'month':
      return month;
    case 'day':
      return day;
    case 'date':
      return `${year}-${month}-${day}`;
    // Modified Julian Day: days since 1858-11-17 (RFC 5260 §4.2).
    case 'julian':
      return String(
        Math.floor(
          (Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) -
            Date.UTC(1858, 10, 17)) /
            86_400_000,
        ),
      );
    case 'hour':
      return pad(local.getUTCHours());
    case 'minute':
      return pad(local.getUTCMinutes());
    case 'second':
      return pad(local.getUTCSeconds());
    case 'time':
      return time;
    case 'iso8601':
      return `${year}-${month}-${day}T${time}${formatZone(date.offsetMinutes, ':')}`;
    case 'std11':
      return `${DAYS[local.getUTCDay()] ?? ''}, ${day} ${(MONTHS[local.getUTCMonth()] ?? '').replace(/^./, (c) => c.toUpperCase())} ${year} ${time} ${formatZone(date.offsetMinutes, '')}`;
    case 'zone':
      return formatZone(date.offsetMinutes, '');
    case 'weekday':
      return String(local.getUTCDay());
  }
}
