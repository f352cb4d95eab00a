import type { TestNode, Value } from './ast.js';
import { matchWildcard } from './wildcard.js';
import type { MatchBudget } from './wildcard.js';

/** A comparator (RFC 4790 §9): how two strings compare; `fold` makes equal strings identical. */
export interface Comparator {
  name: string;
  /** Whether :contains and :matches make sense (not for i;ascii-numeric, RFC 4790 §9.1). */
  substring: boolean;
  fold(value: string): string;
  order(a: string, b: string): number;
}

function asciiUpper(value: string): string {
  return value.replace(/[a-z]+/g, (s) => s.toUpperCase());
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RFC 4790 §9.1: the number the leading digits spell; no digits means positive infinity. */
function numericKey(value: string): string | null {
  const digits = /^[0-9]+/.exec(value)?.[0];
  return digits === undefined ? null : digits.replace(/^0+(?=.)/, '');
}

export const COMPARATORS: Readonly<Record<string, Comparator>> = {
  'i;octet': { name: 'i;octet', substring: true, fold: (value) => value, order: compareCodePoints },
  // RFC 4790 §9.2: a–z map to A–Z, nothing else changes.
  'i;ascii-casemap': {
    name: 'i;ascii-casemap',
    substring: true,
    fold: asciiUpper,
    order: (a, b) => compareCodePoints(asciiUpper(a), asciiUpper(b)),
  },
  'i;ascii-numeric': {
    name: 'i;ascii-numeric',
    substring: false,
    fold: (value) => numericKey(value) ?? '∞',
    order: (a, b) => {
      const x = numericKey(a);
      const y = numericKey(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return x.length !== y.length ? x.length - y.length : compareCodePoints(x, y);
    },
  },
};

export type Relation = 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne';
export const RELATIONS: readonly Relation[] = ['gt', 'ge', 'lt', 'le', 'eq', 'ne'];

function holds(relation: Relation, order: number): boolean {
  switch (relation) {
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
  }
}

/** How a test compares (RFC 5228 §2.7, RFC 5231): the comparator and match type of its tags. */
export interface Matcher {
  comparator: Comparator;
  type: 'is' | 'contains' | 'matches' | 'value' | 'count';
  relation: Relation;
}

function stringTag(node: TestNode, name: string): string | undefined {
  const value: Value | true | undefined = node.tags.get(name);
  return value !== undefined && value !== true && value.kind === 'string' ? value.value : undefined;
}

/** The matcher of a validated test; the defaults are `:is` and `i;ascii-casemap` (RFC 5228 §2.7.3). */
export function matcherOf(node: TestNode, comparatorName?: string): Matcher {
  const comparator =
    COMPARATORS[(comparatorName ?? stringTag(node, 'comparator') ?? 'i;ascii-casemap').toLowerCase()];
  if (comparator === undefined) throw new Error('comparator not validated');
  for (const type of ['contains', 'matches', 'value', 'count'] as const) {
    if (node.tags.has(type)) {
      const relation = (stringTag(node, type) ?? 'eq').toLowerCase() as Relation;
      return { comparator, type, relation };
    }
  }
  return { comparator, type: 'is', relation: 'eq' };
}

export interface MatchResult {
  matched: boolean;
  /** For a successful `:matches`: the whole value, then each wildcard's text (RFC 5229 §3.2). */
  captures: string[] | null;
}

/** Does one value match one key (`:is`, `:contains`, `:value`)? */
function matchOne(matcher: Matcher, value: string, key: string): boolean {
  const { comparator } = matcher;
  switch (matcher.type) {
    case 'is':
      return comparator.order(value, key) === 0;
    case 'contains':
      return comparator.fold(value).includes(comparator.fold(key));
    default:
      return holds(matcher.relation, comparator.order(value, key));
  }
}

/** `:matches`: each value and key is folded and split into characters once, not once a pair. */
function matchPatterns(
  comparator: Comparator,
  values: readonly string[],
  keys: readonly string[],
  budget?: MatchBudget,
): MatchResult {
  const patterns = keys.map((key) => Array.from(comparator.fold(key)));
  for (const value of values) {
    const text = Array.from(comparator.fold(value));
    for (const pattern of patterns) {
      const spans = matchWildcard(pattern, text, budget);
      if (spans === null) continue;
      // Folding keeps every character in place, so spans on the folded text slice the original one.
      const chars = Array.from(value);
      return {
        matched: true,
        captures: [value, ...spans.map(([start, end]) => chars.slice(start, end).join(''))],
      };
    }
  }
  return { matched: false, captures: null };
}

/**
 * RFC 5228 §2.7.1: true when any value matches any key; RFC 5231 §4.1 `:count` compares the number
 * of values instead.
 */
export function matchAny(
  matcher: Matcher,
  values: readonly string[],
  keys: readonly string[],
  budget?: MatchBudget,
): MatchResult {
  if (matcher.type === 'matches') return matchPatterns(matcher.comparator, values, keys, budget);
  if (matcher.type === 'count') {
    const count = String(values.length);
    const matched = keys.some((key) => holds(matcher.relation, matcher.comparator.order(count, key)));
    return { matched, captures: null };
  }
  const matched = values.some((value) => keys.some((key) => matchOne(matcher, value, key)));
  return { matched, captures: null };
}
