import type { EmailFilter, EmailFilterCondition } from '../../model.js';
import { InvalidInputError, UnsupportedFilterError } from '../../errors.js';
import { normaliseKeywords } from '../../keywords.js';
import type { SearchField } from '../../ports/search-index.js';
import { searchTerms } from '../../search/search-terms.js';
import type { TextConditionSql } from './text-condition-sql.js';

/** Deepest FilterOperator nesting the store evaluates (RFC 8620 §5.5 leaves the limit to servers). */
export const maxFilterDepth = 10;
/** Most conditions (leaves and operators) in one filter. */
export const maxFilterConditions = 100;
/** Most mailbox ids in one inMailboxOtherThan. */
const maxOtherThan = 1000;
/** Most mailbox ids in one inAnyMailbox: every mailbox shared with one user, with room to spare. */
export const maxAnyMailbox = 10_000;

/** SQL with named parameters; `e` is the emails row being tested. */
export interface SqlFragment {
  sql: string;
  params: Record<string, unknown>;
  /**
   * Hit counts (up to a cap) of the text conditions every result must satisfy (reached through
   * AND only): the query can start from the hits when one is selective (see queryEmails).
   */
  requiredHits: ((cap: number) => number)[];
}

class Builder {
  readonly params: Record<string, unknown> = {};
  readonly requiredHits: ((cap: number) => number)[] = [];
  /** True while visiting a condition that every result must satisfy (only ANDs above it). */
  private required = true;
  private next = 0;
  private count = 0;

  constructor(private readonly textSql: TextConditionSql) {}

  bind(value: unknown): string {
    const name = `f${this.next++}`;
    this.params[name] = value;
    return `@${name}`;
  }

  visit(filter: EmailFilter, depth: number): string {
    if (++this.count > maxFilterConditions)
      throw new UnsupportedFilterError(`A filter may hold at most ${maxFilterConditions} conditions`);
    if (depth > maxFilterDepth)
      throw new UnsupportedFilterError(`A filter may nest at most ${maxFilterDepth} operators deep`);
    if ('operator' in filter) {
      const outer = this.required;
      this.required = outer && filter.operator === 'AND';
      const parts = filter.conditions.map((c) => this.visit(c, depth + 1));
      this.required = outer;
      switch (filter.operator) {
        case 'AND':
          return parts.length === 0 ? '1' : `(${parts.join(' AND ')})`;
        case 'OR':
          return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
        case 'NOT':
          return parts.length === 0 ? '1' : `NOT (${parts.join(' OR ')})`;
        default:
          throw new InvalidInputError(`Unknown filter operator ${String(filter.operator)}`);
      }
    }
    const parts = this.condition(filter);
    return parts.length === 0 ? '1' : `(${parts.join(' AND ')})`;
  }

  private keywordIn(emailColumn: string, keyword: string): string {
    return `EXISTS (SELECT 1 FROM email_keywords k WHERE k.email_id = ${emailColumn} AND k.keyword = ${this.bind(normaliseKeyword(keyword))})`;
  }

  private someInThread(keyword: string): string {
    return `EXISTS (SELECT 1 FROM emails t JOIN email_keywords k ON k.email_id = t.id WHERE t.thread_id = e.thread_id AND k.keyword = ${this.bind(normaliseKeyword(keyword))})`;
  }

  /** A text condition through the search port; null when the text has no term (no condition). */
  private text(field: SearchField, text: string): string | null {
    const terms = searchTerms(text);
    if (terms.length === 0) return null;
    const { sql, countHits } = this.textSql({ field, terms }, (value) => this.bind(value));
    if (this.required) this.requiredHits.push(countHits);
    return sql;
  }

  /**
   * An address-field condition: the search index (which may answer for all address fields) narrows
   * by word prefix, then the field's own list (index_json) must contain the text as a substring.
   */
  private address(field: 'from' | 'to' | 'cc' | 'bcc', text: string): string[] {
    const parts: string[] = [];
    const found = this.text(field, text);
    if (found !== null) parts.push(found);
    parts.push(
      `EXISTS (SELECT 1 FROM json_each(e.index_json, '$.${field}') a WHERE instr(lower(coalesce(a.value ->> 'name', '') || ' <' || coalesce(a.value ->> 'email', '') || '>'), ${this.bind(text.trim().toLowerCase())}) > 0)`,
    );
    return parts;
  }

  private condition(c: EmailFilterCondition): string[] {
    const parts: string[] = [];
    if (c.inMailbox !== undefined)
      parts.push(
        `EXISTS (SELECT 1 FROM email_mailboxes m WHERE m.email_id = e.id AND m.mailbox_id = ${this.bind(c.inMailbox)})`,
      );
    if (c.inMailboxOtherThan !== undefined) {
      if (c.inMailboxOtherThan.length > maxOtherThan)
        throw new UnsupportedFilterError(`inMailboxOtherThan may list at most ${maxOtherThan} mailboxes`);
      const list = c.inMailboxOtherThan.map((id) => this.bind(id)).join(', ');
      parts.push(
        `EXISTS (SELECT 1 FROM email_mailboxes m WHERE m.email_id = e.id AND m.mailbox_id NOT IN (${list}))`,
      );
    }
    if (c.inAnyMailbox !== undefined) {
      if (c.inAnyMailbox.length > maxAnyMailbox)
        throw new UnsupportedFilterError(`inAnyMailbox may list at most ${maxAnyMailbox} mailboxes`);
      // One JSON parameter rather than one per id: the list may be longer than SQLite's bind limit.
      parts.push(
        `EXISTS (SELECT 1 FROM email_mailboxes m WHERE m.email_id = e.id AND m.mailbox_id IN (SELECT value FROM json_each(${this.bind(JSON.stringify(c.inAnyMailbox))})))`,
      );
    }
    if (c.before !== undefined) parts.push(`e.received_at < ${this.bind(time(c.before, 'before'))}`);
    if (c.after !== undefined) parts.push(`e.received_at >= ${this.bind(time(c.after, 'after'))}`);
    if (c.minSize !== undefined) parts.push(`e.size >= ${this.bind(size(c.minSize, 'minSize'))}`);
    if (c.maxSize !== undefined) parts.push(`e.size < ${this.bind(size(c.maxSize, 'maxSize'))}`);
    if (c.allInThreadHaveKeyword !== undefined)
      parts.push(
        `NOT EXISTS (SELECT 1 FROM emails t WHERE t.thread_id = e.thread_id AND NOT ${this.keywordIn('t.id', c.allInThreadHaveKeyword)})`,
      );
    if (c.someInThreadHaveKeyword !== undefined) parts.push(this.someInThread(c.someInThreadHaveKeyword));
    if (c.noneInThreadHaveKeyword !== undefined)
      parts.push(`NOT ${this.someInThread(c.noneInThreadHaveKeyword)}`);
    if (c.hasKeyword !== undefined) parts.push(this.keywordIn('e.id', c.hasKeyword));
    if (c.notKeyword !== undefined) parts.push(`NOT ${this.keywordIn('e.id', c.notKeyword)}`);
    if (c.hasAttachment !== undefined) parts.push(`e.has_attachment = ${c.hasAttachment ? 1 : 0}`);
    for (const [text, field] of [
      [c.text, 'text'],
      [c.subject, 'subject'],
      [c.body, 'body'],
    ] as const) {
      if (text === undefined) continue;
      const found = this.text(field, text);
      if (found !== null) parts.push(found);
    }
    for (const field of ['from', 'to', 'cc', 'bcc'] as const) {
      const text = c[field];
      if (text !== undefined) parts.push(...this.address(field, text));
    }
    if (c.header !== undefined) parts.push(this.header(c.header));
    return parts;
  }

  /** RFC 8621 §4.4.1 header: the top-level header fields, kept in index_json's bodyStructure. */
  private header([name, value]: [string] | [string, string]): string {
    const nameMatch = `lower(h.value ->> 'name') = ${this.bind(name.toLowerCase())}`;
    const valueMatch =
      value === undefined
        ? ''
        : ` AND instr(lower(h.value ->> 'value'), ${this.bind(value.toLowerCase())}) > 0`;
    return `EXISTS (SELECT 1 FROM json_each(e.index_json, '$.bodyStructure.headers') h WHERE ${nameMatch}${valueMatch})`;
  }
}

function time(date: Date, what: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new InvalidInputError(`${what} is not a valid date`);
  return ms;
}

function size(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new InvalidInputError(`${what} must be a non-negative integer`);
  return value;
}

/**
 * RFC 8621 §4.4.1 / RFC 8620 §5.5: the filter tree as one SQL boolean expression over `e`; text
 * conditions become what `textSql` makes of them (see `text-condition-sql.ts`).
 */
export function filterSql(filter: EmailFilter, textSql: TextConditionSql): SqlFragment {
  const builder = new Builder(textSql);
  const sql = builder.visit(filter, 0);
  return { sql, params: builder.params, requiredHits: builder.requiredHits };
}

/** A keyword in the stored (lower-case, validated) form. */
export function normaliseKeyword(keyword: string): string {
  return normaliseKeywords([keyword])[0]!;
}
