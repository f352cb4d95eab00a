import type { AccountId } from '../../model.js';
import type {
  ContactCardHit,
  ContactCardId,
  ContactCondition,
  ContactContains,
  ContactFilter,
} from '../../contacts-model.js';
import { InvalidInputError } from '../../errors.js';
import type { Db } from '../open-database.js';
import { valueSeparator } from './contact-cards.js';
import { contactLimits } from './limits.js';
import { textColumnOf } from './text-columns.js';

type Params = Record<string, string | number>;

/** Builds SQL over `contact_cards c`, naming each value as a parameter. */
class FilterSql {
  readonly params: Params = {};
  private conditions = 0;

  private param(value: string | number): string {
    const name = `p${Object.keys(this.params).length}`;
    this.params[name] = value;
    return `@${name}`;
  }

  filter(filter: ContactFilter): string {
    this.conditions += 1;
    if (this.conditions > contactLimits.maxFilterConditions)
      throw new InvalidInputError(`A filter has at most ${contactLimits.maxFilterConditions} conditions`);
    if (!('operator' in filter)) return this.condition(filter);
    const inner = filter.conditions.map((f) => `(${this.filter(f)})`);
    switch (filter.operator) {
      case 'AND':
        return inner.length === 0 ? '1' : inner.join(' AND ');
      case 'OR':
        return inner.length === 0 ? '0' : inner.join(' OR ');
      case 'NOT':
        return inner.length === 0 ? '1' : `NOT (${inner.join(' OR ')})`;
      default: {
        const never: never = filter.operator;
        throw new InvalidInputError(`Unknown filter operator ${String(never)}`);
      }
    }
  }

  private condition(q: ContactCondition): string {
    const parts: string[] = [];
    if (q.inAddressBook !== undefined)
      parts.push(
        `c.id IN (SELECT card_id FROM contact_card_books WHERE address_book_id = ${this.param(q.inAddressBook)})`,
      );
    if (q.uid !== undefined) parts.push(`c.uid = ${this.param(q.uid)}`);
    if (q.kind !== undefined) parts.push(`c.kind = ${this.param(q.kind)}`);
    if (q.hasMember !== undefined)
      parts.push(
        `c.id IN (SELECT card_id FROM contact_card_members WHERE member = ${this.param(q.hasMember)})`,
      );
    const created = 'coalesce(c.card_created, c.created_at)';
    const updated = 'coalesce(c.card_updated, c.updated_at)';
    if (q.createdBefore !== undefined) parts.push(`${created} < ${this.param(+q.createdBefore)}`);
    if (q.createdAfter !== undefined) parts.push(`${created} >= ${this.param(+q.createdAfter)}`);
    if (q.updatedBefore !== undefined) parts.push(`${updated} < ${this.param(+q.updatedBefore)}`);
    if (q.updatedAfter !== undefined) parts.push(`${updated} >= ${this.param(+q.updatedAfter)}`);
    for (const contains of q.contains ?? []) parts.push(this.contains(contains));
    if (q.prefix !== undefined) parts.push(this.prefix(q.prefix));
    return parts.length === 0 ? '1' : parts.join(' AND ');
  }

  /**
   * Some value of a field contains the string. A value is a run after U+001F in its column, so
   * a needle without U+001F found in the column lies inside one value. Three characters or more
   * go through the trigram index first; `instr` then checks exactly (the index folds case
   * itself, the columns and needle are lower-cased the same way by the caller's rules).
   */
  private contains({ fields, value }: ContactContains): string {
    const needle = value.toLowerCase();
    if (fields.length === 0 || needle.includes(valueSeparator)) return '0';
    const columns = [...new Set(fields.map((f) => textColumnOf[f]))];
    if (needle.length === 0) return this.inText(columns.map((col) => `t.${col} <> ''`).join(' OR '));
    const n = this.param(needle);
    const exact = (table: string) => columns.map((col) => `instr(${table}.${col}, ${n}) > 0`).join(' OR ');
    if ([...needle].length < 3) return this.inText(exact('t'));
    const match = this.param(`{${columns.join(' ')}} : "${needle.replaceAll('"', '""')}"`);
    return `c.rowid IN (SELECT rowid FROM contact_card_text
      WHERE contact_card_text MATCH ${match} AND (${exact('contact_card_text')}))`;
  }

  /**
   * The cards of addresses starting with `email` (lower-cased, as stored): a range of the (kind, value) index,
   * since LIKE cannot use a BINARY index; LIKE when the range has no simple end.
   */
  private emailPrefix(email: string): string {
    const chars = [...email];
    const last = chars.pop()!.codePointAt(0)!;
    const next = last + 1;
    if (next <= 0x10ffff && (next < 0xd800 || next > 0xdfff)) {
      const from = this.param(email);
      const to = this.param(chars.join('') + String.fromCodePoint(next));
      return `SELECT card_id FROM contact_card_addresses
        WHERE kind = 'email' AND value >= ${from} AND value < ${to}`;
    }
    const pattern = this.param(`${email.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    return `SELECT card_id FROM contact_card_addresses
      WHERE kind = 'email' AND value LIKE ${pattern} ESCAPE '\\'`;
  }

  private inText(test: string): string {
    return `EXISTS (SELECT 1 FROM contact_card_text t WHERE t.rowid = c.rowid AND (${test}))`;
  }

  /** As searchContactCards: every word starts one of the card's words, or an address starts with it. */
  private prefix(prefix: string): string {
    const words = prefix.toLowerCase().match(/[\p{L}\p{N}]+/gu);
    const email = prefix.trim().toLowerCase();
    if (words === null && email.length === 0) return '0';
    // One `rowid IN` set, so that the planner reads the few matching cards instead of the account.
    const sets: string[] = [];
    if (words !== null)
      sets.push(
        `SELECT rowid FROM contact_cards_fts WHERE contact_cards_fts MATCH ${this.param(
          words.map((w) => `"${w}"*`).join(' '),
        )}`,
      );
    if (email.length > 0)
      sets.push(`SELECT x.rowid FROM contact_cards x WHERE x.id IN (${this.emailPrefix(email)})`);
    return `c.rowid IN (${sets.join(' UNION ')})`;
  }
}

/** Whether every card the filter matches is in an index-backed set (prefix, a long substring, a book...). */
function drives(filter: ContactFilter): boolean {
  if ('operator' in filter) return filter.operator === 'AND' && filter.conditions.some(drives);
  return (
    filter.prefix !== undefined ||
    filter.inAddressBook !== undefined ||
    filter.hasMember !== undefined ||
    (filter.contains ?? []).some((c) => c.fields.length > 0 && [...c.value].length >= 3)
  );
}

interface HitRow {
  id: string;
  sort_name: string;
  created: number;
  updated: number;
  last_used_at: number | null;
}

/**
 * The account's cards that match the filter (all of them without one), by sort name then id,
 * with what sorting them needs. InvalidInputError beyond `contactLimits.maxFilterConditions`.
 */
export function queryContactCards(
  db: Db,
  accountId: AccountId,
  filter: ContactFilter | null | undefined,
): ContactCardHit[] {
  const sql = new FilterSql();
  const where = filter == null ? '1' : sql.filter(filter);
  // A filter that names few cards through an index drives the query: `+` keeps the planner from
  // reading every card of the account in name order instead (then only the few are sorted).
  const account = filter != null && drives(filter) ? '+c.account_id' : 'c.account_id';
  const rows = db
    .prepare(
      `SELECT c.id, c.sort_name, coalesce(c.card_created, c.created_at) AS created,
              coalesce(c.card_updated, c.updated_at) AS updated, c.last_used_at
         FROM contact_cards c WHERE ${account} = @account AND (${where}) ORDER BY c.sort_name, c.id`,
    )
    .all({ ...sql.params, account: accountId }) as HitRow[];
  return rows.map((r) => ({
    id: r.id as ContactCardId,
    sortName: r.sort_name,
    created: new Date(r.created),
    updated: new Date(r.updated),
    lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
  }));
}
