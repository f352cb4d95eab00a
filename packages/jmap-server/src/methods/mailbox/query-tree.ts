import { MethodErrorType } from '@colibri/jmap-types';
import type { Mailbox } from '@colibri/mail-store';
import { MethodFailure } from '../../method-failure.js';
import type { MailboxComparator, MailboxCondition, MailboxFilter, MailboxQueryShape } from './query-args.js';

/** RFC 8621 §2.3: sortOrder and name must be sortable; parentId is too. */
export const MAILBOX_SORT_PROPERTIES = ['sortOrder', 'name', 'parentId'] as const;
type SortProperty = (typeof MAILBOX_SORT_PROPERTIES)[number];

/** RFC 4790 collations for the string properties (RFC 8620 §5.5 `collation`). */
const collations: Record<string, (s: string) => string> = {
  'i;unicode-casemap': (s) => s.normalize('NFKD').toLowerCase(),
  'i;ascii-casemap': (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase()),
};
const defaultCollation = 'i;unicode-casemap';

type Compare = (a: Mailbox, b: Mailbox) => number;
const cmp = <T extends string | number>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** i;ascii-numeric (RFC 4790 §9.1): the leading digits as a number; none sorts after every number. */
function asciiNumeric(a: string, b: string): number {
  const num = (s: string) => /^\d+/.exec(s)?.[0] ?? null;
  const [x, y] = [num(a), num(b)];
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const [p, q] = [x.replace(/^0+/, ''), y.replace(/^0+/, '')];
  return p.length === q.length ? cmp(p, q) : p.length - q.length;
}

function stringCompare(collation: string): (a: string, b: string) => number {
  if (collation === 'i;ascii-numeric') return asciiNumeric;
  const fold = collations[collation];
  if (fold === undefined)
    throw new MethodFailure(MethodErrorType.UnsupportedSort, `Unknown collation "${collation}".`);
  return (a, b) => cmp(fold(a), fold(b));
}

function comparatorOf(comparator: MailboxComparator, offered: readonly string[]): Compare {
  const property = comparator.property;
  if (!(MAILBOX_SORT_PROPERTIES as readonly string[]).includes(property))
    throw new MethodFailure(
      MethodErrorType.UnsupportedSort,
      `Sorting by "${property}" is not supported; use ${MAILBOX_SORT_PROPERTIES.join(', ')}.`,
    );
  if (comparator.collation !== undefined && !offered.includes(comparator.collation))
    throw new MethodFailure(MethodErrorType.UnsupportedSort, `Unknown collation "${comparator.collation}".`);
  const direction = comparator.isAscending === false ? -1 : 1;
  const strings = stringCompare(comparator.collation ?? defaultCollation);
  const by: Record<SortProperty, Compare> = {
    sortOrder: (a, b) => a.sortOrder - b.sortOrder,
    name: (a, b) => strings(a.name, b.name),
    parentId: (a, b) => cmp(a.parentId ?? '', b.parentId ?? ''),
  };
  const compare = by[property as SortProperty];
  return (a, b) => direction * compare(a, b);
}

/**
 * RFC 8620 §5.5 comparators as one total order: the id breaks every tie. With no sort, the
 * order is sortOrder then name (what a client shows), then id.
 */
export function mailboxOrder(
  sort: MailboxComparator[] | null | undefined,
  offered: readonly string[],
): Compare {
  const given = sort != null && sort.length > 0 ? sort : [{ property: 'sortOrder' }, { property: 'name' }];
  const compares = given.map((comparator) => comparatorOf(comparator, offered));
  return (a, b) => {
    for (const compare of compares) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return cmp(a.id, b.id);
  };
}

/** RFC 8621 §2.3 FilterCondition; RFC 8620 §5.5 operators (NOT: none of its conditions). */
export function matches(filter: MailboxFilter, mailbox: Mailbox): boolean {
  if ('operator' in filter) {
    const results = filter.conditions.map((condition) => matches(condition, mailbox));
    if (filter.operator === 'AND') return results.every(Boolean);
    if (filter.operator === 'OR') return results.some(Boolean);
    return !results.some(Boolean);
  }
  const c: MailboxCondition = filter;
  if (c.parentId !== undefined && mailbox.parentId !== c.parentId) return false;
  if (c.name !== undefined && !fold(mailbox.name).includes(fold(c.name))) return false;
  if (c.role !== undefined && mailbox.role !== c.role) return false;
  if (c.hasAnyRole !== undefined && (mailbox.role !== null) !== c.hasAnyRole) return false;
  if (c.isSubscribed !== undefined && mailbox.isSubscribed !== c.isSubscribed) return false;
  return true;
}
const fold = (s: string) => s.normalize('NFKD').toLowerCase();

/** The mailboxes from each one up to its top-level ancestor. */
function ancestry(byId: ReadonlyMap<string, Mailbox>, mailbox: Mailbox): Mailbox[] {
  const chain = [mailbox];
  for (let p = mailbox.parentId; p !== null;) {
    const parent = byId.get(p);
    if (parent === undefined) break;
    chain.push(parent);
    p = parent.parentId;
  }
  return chain;
}

/**
 * RFC 8621 §2.3: the complete, ordered results of a Mailbox query. `filterAsTree` keeps a mailbox
 * only when its ancestors match too; `sortAsTree` orders the whole tree depth first (a parent
 * before its children, siblings by the comparators) and keeps that order.
 */
export function mailboxQueryResults(
  all: readonly Mailbox[],
  query: MailboxQueryShape,
  offered: readonly string[],
): Mailbox[] {
  const order = mailboxOrder(query.sort, offered);
  const byId = new Map(all.map((m) => [m.id as string, m]));
  const filter = query.filter ?? null;
  const kept = all.filter((mailbox) =>
    filter === null
      ? true
      : query.filterAsTree === true
        ? ancestry(byId, mailbox).every((m) => matches(filter, m))
        : matches(filter, mailbox),
  );
  if (query.sortAsTree !== true) return kept.sort(order);
  const children = new Map<string | null, Mailbox[]>();
  for (const mailbox of all) {
    const parent = mailbox.parentId !== null && byId.has(mailbox.parentId) ? mailbox.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), mailbox]);
  }
  const rank = new Map<string, number>();
  const visit = (parent: string | null) => {
    for (const mailbox of (children.get(parent) ?? []).sort(order)) {
      rank.set(mailbox.id, rank.size);
      visit(mailbox.id);
    }
  };
  visit(null);
  return kept.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}

/** Mailboxes whose ancestry (themselves or an ancestor) holds one of `ids`. */
export function withDescendants(all: readonly Mailbox[], ids: ReadonlySet<string>): Set<string> {
  const byId = new Map(all.map((m) => [m.id as string, m]));
  const result = new Set(ids);
  for (const mailbox of all) if (ancestry(byId, mailbox).some((m) => ids.has(m.id))) result.add(mailbox.id);
  return result;
}
