/**
 * Parsing iCalendar text with ical.js, behind explicit limits checked before ical.js sees the
 * text, so that hostile input (a huge line, deep nesting, 100k properties) is refused cheaply and
 * the parser never throws at the caller.
 */
import ICAL from 'ical.js';
import type { Result } from './types.js';
import { fail, ok } from './types.js';

export type JCalParams = Record<string, string | string[]>;
export type JCalProperty = [name: string, params: JCalParams, type: string, ...values: unknown[]];
export type JCalComponent = [name: string, properties: JCalProperty[], components: JCalComponent[]];

export interface ParseLimits {
  /** Characters of the whole text (default 4 Mi). */
  maxLength?: number;
  /** Characters of one unfolded content line (default 256 Ki: room for an inline ATTACH). */
  maxLineLength?: number;
  /** Component nesting depth, VCALENDAR being 1 (default 8; RFC 5545 needs 3). */
  maxDepth?: number;
  /** Components in all (default 10,000). */
  maxComponents?: number;
  /** Properties in all (default 50,000). */
  maxProperties?: number;
}

export const PARSE_LIMITS: Required<ParseLimits> = {
  maxLength: 4 * 1024 * 1024,
  maxLineLength: 256 * 1024,
  maxDepth: 8,
  maxComponents: 10_000,
  maxProperties: 50_000,
};

/** Checks the limits on the raw text: one pass, no allocation per line. */
function prescan(text: string, limits: Required<ParseLimits>): Result<true> {
  if (text.length > limits.maxLength)
    return fail('too-large', `iCalendar text of ${text.length} characters exceeds ${limits.maxLength}`);
  let depth = 0;
  let components = 0;
  let properties = 0;
  let lineLength = 0;
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lineNumber += 1;
    const first = text.charCodeAt(start);
    const continuation = first === 32 || first === 9;
    lineLength = continuation ? lineLength + raw - start - 1 : raw - start;
    if (lineLength > limits.maxLineLength)
      return fail('line-too-long', `line ${lineNumber} is longer than ${limits.maxLineLength} characters`);
    if (!continuation && raw > start) {
      if (startsWithWord(text, start, 'BEGIN:')) {
        depth += 1;
        components += 1;
        if (depth > limits.maxDepth)
          return fail('too-deep', `components nest deeper than ${limits.maxDepth} (line ${lineNumber})`);
        if (components > limits.maxComponents)
          return fail('too-many-components', `more than ${limits.maxComponents} components`);
      } else if (startsWithWord(text, start, 'END:')) {
        depth -= 1;
      } else {
        properties += 1;
        if (properties > limits.maxProperties)
          return fail('too-many-properties', `more than ${limits.maxProperties} properties`);
      }
    }
    start = end + 1;
  }
  return ok(true);
}

function startsWithWord(text: string, at: number, word: string): boolean {
  return text.slice(at, at + word.length).toUpperCase() === word;
}

/**
 * Parses an iCalendar stream into jCal (RFC 7265) components. Several top-level VCALENDARs are
 * returned in order. Never throws: malformed input is `{ ok: false, error }` with a reason.
 */
export function parseICalendar(text: string, options: ParseLimits = {}): Result<JCalComponent[]> {
  const limits = { ...PARSE_LIMITS, ...options };
  if (typeof text !== 'string') return fail('syntax', 'iCalendar input must be a string');
  const checked = prescan(text, limits);
  if (!checked.ok) return checked;
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(
      'syntax',
      `iCalendar syntax: ${error instanceof Error ? error.message.slice(0, 200) : 'unreadable'}`,
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return fail('syntax', 'no iCalendar component found');
  const roots = (typeof parsed[0] === 'string' ? [parsed] : parsed) as JCalComponent[];
  return ok(roots);
}

/** First property `name` of a component (lower-case jCal name). */
export const prop = (component: JCalComponent, name: string): JCalProperty | undefined =>
  component[1].find((p) => p[0] === name);
export const props = (component: JCalComponent, name: string): JCalProperty[] =>
  component[1].filter((p) => p[0] === name);
export const subcomponents = (component: JCalComponent, name: string): JCalComponent[] =>
  component[2].filter((c) => c[0] === name);

/** The first value of a property as a string (jCal structured values joined as iCalendar would). */
export function textValue(property: JCalProperty | undefined): string | undefined {
  if (!property) return undefined;
  const v = property[3];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.join(';');
  return undefined;
}

export function param(property: JCalProperty, name: string): string | undefined {
  const v = property[1][name];
  return Array.isArray(v) ? v[0] : v;
}
export function paramList(property: JCalProperty, name: string): string[] {
  const v = property[1][name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** jCal RECUR value back to its iCalendar text, for our own RRULE parser. */
export function recurText(property: JCalProperty): string | undefined {
  const v = property[3];
  if (typeof v === 'string') return v;
  try {
    return ICAL.Recur.fromData(v as Parameters<typeof ICAL.Recur.fromData>[0]).toString();
  } catch {
    return undefined;
  }
}
