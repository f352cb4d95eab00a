import type { EmailFilterCondition, FilterOperator, Id } from '@colibri/jmap-types';

/** What the parser needs of a mailbox to resolve `in:` by name, path or role. */
export interface SearchMailbox {
  id: Id;
  name: string;
  role: string | null;
  parentId: Id | null;
}

export type EmailFilter = EmailFilterCondition | FilterOperator<EmailFilterCondition>;

export interface ParseSearchOptions {
  mailboxes: readonly SearchMailbox[];
  /** Search this mailbox only, unless the query says `in:` (the "current folder" scope). */
  scopeMailboxId?: Id | null;
  /** A calendar date as the start of that day for the user; local time by default. */
  startOfDay?: (year: number, month: number, day: number) => Date;
}

export type SearchProblem =
  | { kind: 'unknown-mailbox'; value: string }
  | { kind: 'bad-value'; operator: string; value: string }
  | { kind: 'empty-value'; operator: string }
  | { kind: 'too-long'; max: number }
  | { kind: 'too-many-conditions'; max: number };

export interface ParsedSearch {
  /**
   * RFC 8621 §4.4.1: an AND of the conditions (RFC 8620 §5.5 FilterOperator). Null when there is
   * nothing to search for, or when an `in:` names no mailbox (searching elsewhere would mislead).
   */
  filter: FilterOperator<EmailFilterCondition> | null;
  /** Parts of the query that were not understood and were left out, to tell the user. */
  problems: SearchProblem[];
}

/** Longer queries are cut: a search box is not a place for a document. */
export const MAX_QUERY_LENGTH = 1000;
/** Conditions past this many are dropped (the server would refuse a huge filter anyway). */
export const MAX_CONDITIONS = 32;

const TEXT_OPERATORS = {
  from: 'from',
  to: 'to',
  cc: 'cc',
  bcc: 'bcc',
  subject: 'subject',
  body: 'body',
} as const;
const OPERATORS = new Set([
  ...Object.keys(TEXT_OPERATORS),
  'has',
  'is',
  'in',
  'before',
  'after',
  'larger',
  'smaller',
]);

const IS_KEYWORD: Record<string, EmailFilterCondition> = {
  unread: { notKeyword: '$seen' },
  read: { hasKeyword: '$seen' },
  seen: { hasKeyword: '$seen' },
  flagged: { hasKeyword: '$flagged' },
  starred: { hasKeyword: '$flagged' },
  answered: { hasKeyword: '$answered' },
  replied: { hasKeyword: '$answered' },
  draft: { hasKeyword: '$draft' },
};

/** Names people type for the standard roles (RFC 8621 §2, IANA mailbox roles). */
const ROLE_ALIASES: Record<string, string> = {
  inbox: 'inbox',
  sent: 'sent',
  'sent mail': 'sent',
  'sent items': 'sent',
  drafts: 'drafts',
  draft: 'drafts',
  trash: 'trash',
  bin: 'trash',
  deleted: 'trash',
  junk: 'junk',
  spam: 'junk',
  archive: 'archive',
  archives: 'archive',
  snoozed: 'snoozed',
};

interface Token {
  negated: boolean;
  operator: string | null;
  value: string;
  /** A "quoted phrase" (free text kept together). */
  quoted: boolean;
}

/** Reads a word, or a "quoted" run (an unclosed quote runs to the end). Returns [value, next index]. */
function readValue(query: string, start: number): [string, number, boolean] {
  if (query[start] === '"') {
    const end = query.indexOf('"', start + 1);
    return end === -1
      ? [query.slice(start + 1), query.length, true]
      : [query.slice(start + 1, end), end + 1, true];
  }
  let end = start;
  while (end < query.length && !/\s/.test(query[end]!)) end += 1;
  return [query.slice(start, end), end, false];
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query[i]!)) {
      i += 1;
      continue;
    }
    let negated = false;
    if (query[i] === '-' && i + 1 < query.length && !/\s/.test(query[i + 1]!)) {
      negated = true;
      i += 1;
    }
    const operator = /^([a-z]+):/i.exec(query.slice(i, i + 12));
    const name = operator?.[1]?.toLowerCase();
    if (operator && name && OPERATORS.has(name)) {
      const [value, next] = readValue(query, i + operator[0].length);
      // "from:" followed by a space: the operator has no value.
      tokens.push({
        negated,
        operator: name,
        value: /^\s/.test(query[i + operator[0].length] ?? ' ') ? '' : value,
        quoted: false,
      });
      i = next;
      continue;
    }
    const [value, next, quoted] = readValue(query, i);
    tokens.push({ negated, operator: null, value, quoted });
    i = Math.max(next, i + 1);
  }
  return tokens;
}

function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

function pathOf(mailbox: SearchMailbox, byId: Map<Id, SearchMailbox>): string {
  const names = [mailbox.name];
  const seen = new Set([mailbox.id]);
  for (let parent = mailbox.parentId; parent !== null;) {
    const next = byId.get(parent);
    if (!next || seen.has(next.id)) break; // a cycle in server data must not hang the search box
    seen.add(next.id);
    names.unshift(next.name);
    parent = next.parentId;
  }
  return names.join('/');
}

/**
 * `in:` by role ("inbox", "sent", "spam"…), then by name, then by path ("Projects/2024"), all
 * case-insensitive. Null when nothing matches.
 */
export function resolveMailbox(value: string, mailboxes: readonly SearchMailbox[]): SearchMailbox | null {
  const wanted = normaliseName(value);
  if (!wanted) return null;
  const role = ROLE_ALIASES[wanted] ?? wanted;
  const byRole = mailboxes.find((m) => m.role === role);
  if (byRole) return byRole;
  const byName = mailboxes.find((m) => normaliseName(m.name) === wanted);
  if (byName) return byName;
  const byId = new Map(mailboxes.map((m) => [m.id, m]));
  return mailboxes.find((m) => normaliseName(pathOf(m, byId)) === wanted) ?? null;
}

/** RFC 8620 §1.4 UTCDate: no fractional seconds when they are zero. */
function utcDate(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

function parseDay(value: string, startOfDay: NonNullable<ParseSearchOptions['startOfDay']>): string | null {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // new Date(2024, 1, 30) is 1 March: a day that rolls over did not exist.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const date = startOfDay(year, month, day);
  return Number.isNaN(date.getTime()) ? null : utcDate(date);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

/** "5M", "200kb", "1.5mb", "1000": bytes (K, M and G are powers of 1024, as in Gmail). */
export function parseSize(value: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  if (!match) return null;
  const unit = SIZE_UNITS[match[2]!.toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.round(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

function not(condition: EmailFilterCondition): FilterOperator<EmailFilterCondition> {
  return { operator: 'NOT', conditions: [condition] };
}

/**
 * Parses a search box into an Email/query filter (RFC 8621 §4.4.1). Operators: from:, to:, cc:,
 * bcc:, subject:, body:, has:attachment, is:unread|read|flagged|starred|answered|draft, in:
 * (mailbox name, path or role; in:all/anywhere for every folder), before:/after: (YYYY-MM-DD,
 * the start of that day for the user), larger:/smaller: (5M, 200K), "quoted phrases", free
 * words, and "-" to negate any of them. Pure and total: any string gives a result, never a throw;
 * what it cannot use is listed in `problems`.
 */
export function parseSearchQuery(input: string, options: ParseSearchOptions): ParsedSearch {
  const problems: SearchProblem[] = [];
  let query = typeof input === 'string' ? input : '';
  if (query.length > MAX_QUERY_LENGTH) {
    problems.push({ kind: 'too-long', max: MAX_QUERY_LENGTH });
    query = query.slice(0, MAX_QUERY_LENGTH);
  }
  const startOfDay = options.startOfDay ?? ((y, m, d) => new Date(y, m - 1, d));
  const conditions: EmailFilter[] = [];
  const words: string[] = [];
  let scope: EmailFilterCondition | null = options.scopeMailboxId
    ? { inMailbox: options.scopeMailboxId }
    : null;
  let unknownMailbox = false;
  // "in:sent" alone lists the folder; an empty box in the current folder searches nothing.
  let explicitScope = false;
  const add = (condition: EmailFilterCondition, negated: boolean) =>
    conditions.push(negated ? not(condition) : condition);

  for (const token of tokenize(query)) {
    const value = token.value.trim();
    if (token.operator === null) {
      if (!value) continue;
      if (token.quoted || token.negated) add({ text: value }, token.negated);
      else words.push(value);
      continue;
    }
    const operator = token.operator;
    if (!value) {
      problems.push({ kind: 'empty-value', operator });
      continue;
    }
    const lower = value.toLowerCase();
    switch (operator) {
      case 'from':
      case 'to':
      case 'cc':
      case 'bcc':
      case 'subject':
      case 'body':
        add({ [TEXT_OPERATORS[operator]]: value }, token.negated);
        break;
      case 'has':
        if (lower === 'attachment' || lower === 'attachments') add({ hasAttachment: !token.negated }, false);
        else problems.push({ kind: 'bad-value', operator, value });
        break;
      case 'is': {
        const condition = IS_KEYWORD[lower];
        if (condition) add(condition, token.negated);
        else problems.push({ kind: 'bad-value', operator, value });
        break;
      }
      case 'in': {
        explicitScope = true;
        if (lower === 'all' || lower === 'anywhere') {
          scope = null;
          break;
        }
        const mailbox = resolveMailbox(value, options.mailboxes);
        if (!mailbox) {
          problems.push({ kind: 'unknown-mailbox', value });
          unknownMailbox = true;
        } else if (token.negated) {
          add({ inMailboxOtherThan: [mailbox.id] }, false);
        } else {
          scope = { inMailbox: mailbox.id };
        }
        break;
      }
      case 'before':
      case 'after': {
        const date = parseDay(value, startOfDay);
        if (date === null) problems.push({ kind: 'bad-value', operator, value });
        // NOT before:X is after:X (RFC 8621: before is strict, after is inclusive).
        else if (token.negated) add(operator === 'before' ? { after: date } : { before: date }, false);
        else add({ [operator]: date }, false);
        break;
      }
      case 'larger':
      case 'smaller': {
        const size = parseSize(value);
        if (size === null) problems.push({ kind: 'bad-value', operator, value });
        else {
          const condition = operator === 'larger' ? { minSize: size } : { maxSize: size };
          add(condition, token.negated);
        }
        break;
      }
      default:
        problems.push({ kind: 'bad-value', operator, value });
    }
  }
  if (words.length > 0) conditions.unshift({ text: words.join(' ') });
  if (conditions.length > MAX_CONDITIONS) {
    problems.push({ kind: 'too-many-conditions', max: MAX_CONDITIONS });
    conditions.length = MAX_CONDITIONS;
  }
  if (unknownMailbox || (conditions.length === 0 && !(explicitScope && scope)))
    return { filter: null, problems };
  return { filter: { operator: 'AND', conditions: scope ? [scope, ...conditions] : conditions }, problems };
}
