/**
 * Reading iCalendar DATE / DATE-TIME values (jCal strings) with their TZID, and placing them in an
 * IANA zone. A TZID that is neither IANA nor a known Windows name is matched to the IANA zone whose
 * offsets agree with the object's VTIMEZONE; failing that, the value is converted to UTC with that
 * VTIMEZONE (ical.js does the math), so the instant is kept even if the wall-clock zone is not.
 */
import ICAL from 'ical.js';
import type { Fields } from './date-time.js';
import { toSeconds, fromSeconds, validFields } from './date-time.js';
import type { JCalComponent, JCalProperty } from './parse-ical.js';
import { param } from './parse-ical.js';
import { localToUtc, offsetAt, resolveZoneName, utcToLocal } from './time-zones.js';

/** A value placed in time: `zone` undefined is floating; dates have `date: true`. */
export interface ZonedValue {
  fields: Fields;
  date: boolean;
  zone: string | undefined;
}

const VALUE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z)?)?$/;

export class ZoneContext {
  private readonly timezones = new Map<string, JCalComponent>();
  private readonly matched = new Map<string, string | null>();

  constructor(calendar: JCalComponent | undefined) {
    for (const tz of calendar?.[2] ?? [])
      if (tz[0] === 'vtimezone') {
        const id = tz[1].find((p) => p[0] === 'tzid')?.[3];
        if (typeof id === 'string') this.timezones.set(id, tz);
      }
  }

  /** Reads one jCal date or date-time string; `tzid` from the property. */
  read(value: unknown, tzid: string | undefined): ZonedValue | undefined {
    if (typeof value !== 'string') return undefined;
    const m = VALUE_RE.exec(value);
    if (!m) return undefined;
    const fields: Fields = {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
    };
    if (!validFields(fields)) return undefined;
    if (m[4] === undefined) return { fields, date: true, zone: undefined };
    if (m[7] === 'Z') return { fields, date: false, zone: 'Etc/UTC' };
    if (tzid === undefined) return { fields, date: false, zone: undefined };
    const zone = this.zone(tzid, fields.year);
    if (zone) return { fields, date: false, zone };
    const utc = this.customToUtc(tzid, fields);
    if (utc !== undefined) return { fields: fromSeconds(utc), date: false, zone: 'Etc/UTC' };
    return { fields, date: false, zone: undefined };
  }

  /** All values of a property (EXDATE, RDATE may list several; PERIOD keeps its start). */
  readAll(property: JCalProperty): ZonedValue[] {
    const tzid = param(property, 'tzid');
    const out: ZonedValue[] = [];
    for (const v of property.slice(3)) {
      const first = Array.isArray(v) ? v[0] : v;
      const read = this.read(first, tzid);
      if (read) out.push(read);
    }
    return out;
  }

  readProperty(property: JCalProperty | undefined): ZonedValue | undefined {
    return property ? this.read(property[3], param(property, 'tzid')) : undefined;
  }

  private zone(tzid: string, year: number): string | undefined {
    const direct = resolveZoneName(tzid);
    if (direct) return direct;
    const key = `${tzid}\u0000${year}`;
    if (!this.matched.has(key)) this.matched.set(key, this.matchVtimezone(tzid, year) ?? null);
    return this.matched.get(key) ?? undefined;
  }

  /** The IANA zone whose offsets in January and July of `year` equal the VTIMEZONE's. */
  private matchVtimezone(tzid: string, year: number): string | undefined {
    const tz = this.icalZone(tzid);
    if (!tz) return undefined;
    const probes = [1, 4, 7, 10].map((month) => Date.UTC(year, month - 1, 15, 12) / 1000);
    let wanted: number[];
    try {
      wanted = probes.map((t) =>
        tz.utcOffset(
          ICAL.Time.fromData({ year, month: new Date(t * 1000).getUTCMonth() + 1, day: 15, hour: 12 }),
        ),
      );
    } catch {
      return undefined;
    }
    for (const candidate of Intl.supportedValuesOf('timeZone'))
      if (probes.every((t, i) => offsetAt(candidate, t) === wanted[i])) return candidate;
    return undefined;
  }

  private icalZone(tzid: string): ICAL.Timezone | undefined {
    const component = this.timezones.get(tzid);
    if (!component) return undefined;
    try {
      return new ICAL.Timezone(new ICAL.Component(component));
    } catch {
      return undefined;
    }
  }

  private customToUtc(tzid: string, f: Fields): number | undefined {
    const tz = this.icalZone(tzid);
    if (!tz) return undefined;
    try {
      const offset = tz.utcOffset(ICAL.Time.fromData({ ...f, isDate: false }));
      return toSeconds(f) - offset;
    } catch {
      return undefined;
    }
  }
}

/** Moves a value into `zone` (the event's), keeping the instant; floating and dates stay as they are. */
export function inZone(value: ZonedValue, zone: string | undefined): Fields {
  if (value.date || value.zone === undefined || zone === undefined || value.zone === zone)
    return value.fields;
  return fromSeconds(utcToLocal(zone, localToUtc(value.zone, toSeconds(value.fields))));
}

/** The UTC instant of a value (floating values are read as UTC, for durations only). */
export function instant(value: ZonedValue): number {
  const local = toSeconds(value.fields);
  return value.zone === undefined || value.date ? local : localToUtc(value.zone, local);
}
