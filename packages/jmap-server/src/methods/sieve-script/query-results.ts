import type { SieveScriptRecord } from '@colibri/mail-store';
import type { Comparator, Filter } from '../shared/in-memory-query.js';
import { matchesFilter, orderOf } from '../shared/in-memory-query.js';
import type { SieveScriptCondition } from './query-args.js';

/** RFC 9661 §2.5: `name` matches scripts whose name contains the string; `isActive` is equality. */
function matchesCondition(script: SieveScriptRecord, condition: SieveScriptCondition): boolean {
  if (condition.name !== undefined && !script.name.includes(condition.name)) return false;
  if (condition.isActive !== undefined && script.isActive !== condition.isActive) return false;
  return true;
}

/** RFC 9661 §2.5: the sort properties; false (inactive) sorts before true. */
const sortKeys = {
  name: (script: SieveScriptRecord) => script.name,
  isActive: (script: SieveScriptRecord) => (script.isActive ? 1 : 0),
};

/**
 * The ids of the account's scripts that match, in order (few per account: filtered and sorted
 * here). Throws unsupportedSort before anything is read when called on an empty list.
 */
export function sieveScriptResults(
  all: readonly SieveScriptRecord[],
  args: { filter?: Filter<SieveScriptCondition> | null; sort?: readonly Comparator[] | null },
  collations: readonly string[],
): string[] {
  const order = orderOf(args.sort, sortKeys, collations);
  return all
    .filter((script) => matchesFilter(script, args.filter, matchesCondition))
    .sort(order)
    .map((script) => script.id);
}
