import type { TestNode } from '../ast.js';
import { DATE_PARTS, datePart, parseDateHeader, parseZone } from '../date-parts.js';
import type { DatePart, ZonedDate } from '../date-parts.js';
import { SieveRuntimeError, argString, tagStrings } from '../run-state.js';
import type { RunState } from '../run-state.js';
import { compareWithKeys, headerValues } from './compare.js';

/**
 * The zone to show a date in: `:zone`, the date's own with `:originalzone`, else UTC — RFC 5260
 * §4.1 says the server's local zone, which a pure package does not have.
 */
function zoned(node: TestNode, date: ZonedDate, run: RunState): ZonedDate {
  if (node.tags.has('originalzone')) return date;
  const zone = tagStrings(run, node, 'zone')?.[0];
  if (zone === undefined) return { utcMillis: date.utcMillis, offsetMinutes: 0 };
  const offsetMinutes = parseZone(zone);
  if (offsetMinutes === null) throw new SieveRuntimeError(node.position, `invalid :zone "${zone}"`);
  return { utcMillis: date.utcMillis, offsetMinutes };
}

/** The date-part argument; one built from variables is only checked here. */
function datePartArgument(run: RunState, node: TestNode, index: number): DatePart {
  const text = argString(run, node, index);
  const part = DATE_PARTS.find((candidate) => candidate === text.toLowerCase());
  if (part === undefined) throw new SieveRuntimeError(node.position, `unknown date-part "${text}"`);
  return part;
}

/** RFC 5260 §4 `date`: unreadable dates take no part in the match. */
export function date(run: RunState, node: TestNode): boolean {
  const part = datePartArgument(run, node, 1);
  const dates = headerValues(run, node, [argString(run, node, 0)])
    .map(parseDateHeader)
    .filter((value): value is ZonedDate => value !== null);
  return compareWithKeys(
    run,
    node,
    dates.map((value) => datePart(zoned(node, value, run), part)),
  );
}

/** RFC 5260 §5 `currentdate`, from the environment's `now`. */
export function currentdate(run: RunState, node: TestNode): boolean {
  const part = datePartArgument(run, node, 0);
  const now = zoned(node, { utcMillis: run.environment.now.getTime(), offsetMinutes: 0 }, run);
  return compareWithKeys(run, node, [datePart(now, part)]);
}
