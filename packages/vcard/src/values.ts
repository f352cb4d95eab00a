/**
 * Value conversions shared by both directions: dates (RFC 6350 §4.3, RFC 9553), UTC
 * offsets as Etc zones, contexts and PREF (RFC 9555), JSON pointers (RFC 6901), media types.
 */
import type { PartialDate, Timestamp } from './types.js';

/** RFC 6350 §4.3.4/§4.3.5 timestamp or date, in basic or extended form, to JSContact. */
export function parseVCardDate(text: string): PartialDate | Timestamp | undefined {
  const v = text.trim();
  const date = /^(\d{4}|--)-?(\d{2}|-)?-?(\d{2})?$/.exec(v);
  if (date) {
    const [, y, m, d] = date;
    const out: PartialDate = {};
    if (y && y !== '--') out.year = Number(y);
    if (m && m !== '-') out.month = Number(m);
    if (d) out.day = Number(d);
    if (out.month !== undefined && (out.month < 1 || out.month > 12)) return undefined;
    if (out.day !== undefined && (out.day < 1 || out.day > 31)) return undefined;
    return Object.keys(out).length ? out : undefined;
  }
  const stamp =
    /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})?(?:\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)$/.exec(v);
  if (!stamp) return undefined;
  const [, y, mo, d, h, mi, s = '00', zone = 'Z'] = stamp;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000;
  }
  if (Number.isNaN(ms)) return undefined;
  return { '@type': 'Timestamp', utc: new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** JSContact date back to vCard 4.0 (basic form, RFC 6350 §4.3.1) or 3.0 (extended form). */
export function formatVCardDate(date: PartialDate | Timestamp, version: '3.0' | '4.0'): string | undefined {
  if ('utc' in date && typeof date.utc === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(date.utc);
    if (!m) return undefined;
    return version === '4.0'
      ? `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`
      : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  }
  const p = date as PartialDate;
  const two = (n: number) => String(n).padStart(2, '0');
  const year = p.year !== undefined ? String(p.year).padStart(4, '0') : undefined;
  if (version === '3.0') {
    if (year === undefined || p.month === undefined || p.day === undefined) return undefined;
    return `${year}-${two(p.month)}-${two(p.day)}`;
  }
  if (year !== undefined && p.month !== undefined && p.day !== undefined)
    return `${year}${two(p.month)}${two(p.day)}`;
  if (year !== undefined && p.month !== undefined) return `${year}-${two(p.month)}`;
  if (year !== undefined && p.day === undefined) return year;
  if (year === undefined && p.month !== undefined && p.day !== undefined)
    return `--${two(p.month)}${two(p.day)}`;
  if (year === undefined && p.month !== undefined) return `--${two(p.month)}`;
  if (year === undefined && p.day !== undefined) return `---${two(p.day)}`;
  return undefined;
}

/** `2024-01-02T03:04:05Z` -> `20240102T030405Z` (RFC 6350 §4.3.5 basic timestamp). */
export function formatTimestamp(utc: string, version: '3.0' | '4.0' = '4.0'): string | undefined {
  return formatVCardDate({ '@type': 'Timestamp', utc }, version);
}

/** RFC 9555 TZ as a UTC offset: whole hours become `Etc/GMT∓h`; others are not converted. */
export function offsetToEtc(text: string): string | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text.trim());
  if (!m || (m[3] && m[3] !== '00')) return undefined;
  const hours = Number(m[2]);
  if (hours === 0) return 'Etc/UTC';
  return `Etc/GMT${m[1] === '+' ? '-' : '+'}${hours}`;
}
export function etcToOffset(zone: string): string | undefined {
  if (zone === 'Etc/UTC') return '+0000';
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (!m) return undefined;
  return `${m[1] === '+' ? '-' : '+'}${m[2]?.padStart(2, '0')}00`;
}

/** RFC 6901: one reference token escaped / unescaped. */
export const escapePointer = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapePointer = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** 3.0 `TYPE=JPEG` -> `image/jpeg` for an inline PHOTO/LOGO/SOUND/KEY. */
export function mediaTypeFromType(type: string | undefined, kind: string): string | undefined {
  if (!type) return undefined;
  if (type.includes('/')) return type.toLowerCase();
  const t = type.toLowerCase();
  if (kind === 'sound') return `audio/${t === 'basic' ? 'basic' : t}`;
  if (kind === 'key') return t === 'pgp' ? 'application/pgp-keys' : `application/${t}`;
  return `image/${t === 'jpg' ? 'jpeg' : t}`;
}
/** `image/jpeg` -> `JPEG` for a 3.0 ENCODING=b property. */
export function typeFromMediaType(mediaType: string): string {
  const sub = mediaType.split('/')[1] ?? mediaType;
  return (sub === 'pgp-keys' ? 'PGP' : sub).toUpperCase();
}
