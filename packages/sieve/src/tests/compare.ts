import type { TestNode } from '../ast.js';
import { matchAny, matcherOf } from '../match.js';
import { SieveRuntimeError, argStrings, tagNumber } from '../run-state.js';
import { MatchBudgetExceeded } from '../wildcard.js';
import type { RunState } from '../run-state.js';

/**
 * Compares values with the test's keys (its last positional argument) using its comparator and
 * match type; a successful `:matches` sets the match variables (RFC 5229 §3.2).
 */
export function compareWithKeys(run: RunState, node: TestNode, values: readonly string[]): boolean {
  let result;
  try {
    result = matchAny(matcherOf(node), values, argStrings(run, node, -1), run.matchBudget);
  } catch (error) {
    if (error instanceof MatchBudgetExceeded)
      throw new SieveRuntimeError(node.position, ':matches needs too much work');
    throw error;
  }
  if (result.matched && result.captures !== null && run.requires.has('variables'))
    run.matches = result.captures;
  return result.matched;
}

/** RFC 5260 §6 `:index n [:last]`: only the n-th occurrence of a header field, from the top or bottom. */
export function selectIndex<T>(node: TestNode, occurrences: readonly T[]): readonly T[] {
  const index = tagNumber(node, 'index');
  if (index === undefined) return occurrences;
  const chosen = node.tags.has('last') ? occurrences[occurrences.length - index] : occurrences[index - 1];
  return chosen === undefined ? [] : [chosen];
}

/** The values of the named header fields, each name's occurrences narrowed by `:index`. */
export function headerValues(run: RunState, node: TestNode, names: readonly string[]): string[] {
  // RFC 5228 §5.7: leading and trailing white space is no part of the value.
  return names.flatMap((name) => selectIndex(node, run.message.header(name)).map((value) => value.trim()));
}
