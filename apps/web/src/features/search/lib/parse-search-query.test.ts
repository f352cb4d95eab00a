import { describe, expect, it } from 'vitest';
import {
  MAX_CONDITIONS,
  MAX_QUERY_LENGTH,
  parseSearchQuery,
  parseSize,
  resolveMailbox,
} from './parse-search-query';
import type { SearchMailbox } from './parse-search-query';

const mailboxes: SearchMailbox[] = [
  { id: 'inbox', name: 'Inbox', role: 'inbox', parentId: null },
  { id: 'sent', name: 'Sent', role: 'sent', parentId: null },
  { id: 'junk', name: 'Junk Mail', role: 'junk', parentId: null },
  { id: 'projects', name: 'Projects', role: null, parentId: null },
  { id: 'p2024', name: '2024', role: null, parentId: 'projects' },
  { id: 'receipts', name: 'Receipts & Bills', role: null, parentId: null },
];
// Dates in UTC, so that the expectations do not depend on the machine's time zone.
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const parse = (query: string, scopeMailboxId: string | null = null) =>
  parseSearchQuery(query, { mailboxes, scopeMailboxId, startOfDay: utc });

describe('parseSearchQuery', () => {
  it('turns free words into one text condition', () => {
    expect(parse('quarterly  report')).toEqual({
      filter: { operator: 'AND', conditions: [{ text: 'quarterly report' }] },
      problems: [],
    });
  });

  it('maps address and subject operators, with quoted values', () => {
    expect(parse('from:ann@x.test to:bob cc:carol bcc:dan subject:"weekly sync" body:budget').filter).toEqual(
      {
        operator: 'AND',
        conditions: [
          { from: 'ann@x.test' },
          { to: 'bob' },
          { cc: 'carol' },
          { bcc: 'dan' },
          { subject: 'weekly sync' },
          { body: 'budget' },
        ],
      },
    );
  });

  it('keeps a quoted phrase as its own text condition', () => {
    expect(parse('plan "budget 2024" draft').filter).toEqual({
      operator: 'AND',
      conditions: [{ text: 'plan draft' }, { text: 'budget 2024' }],
    });
  });

  it('maps has:, is: and size operators', () => {
    expect(
      parse('has:attachment is:unread is:flagged is:read is:starred larger:5M smaller:200k').filter,
    ).toEqual({
      operator: 'AND',
      conditions: [
        { hasAttachment: true },
        { notKeyword: '$seen' },
        { hasKeyword: '$flagged' },
        { hasKeyword: '$seen' },
        { hasKeyword: '$flagged' },
        { minSize: 5 * 1024 * 1024 },
        { maxSize: 200 * 1024 },
      ],
    });
  });

  it('is case-insensitive for operator names and values', () => {
    expect(parse('FROM:Ann HAS:Attachment IS:UNREAD').filter?.conditions).toEqual([
      { from: 'Ann' },
      { hasAttachment: true },
      { notKeyword: '$seen' },
    ]);
  });

  it('reads before:/after: as the start of that day, RFC 8620 UTCDate without fraction', () => {
    expect(parse('after:2024-01-31 before:2024/02/15').filter?.conditions).toEqual([
      { after: '2024-01-31T00:00:00Z' },
      { before: '2024-02-15T00:00:00Z' },
    ]);
  });

  it('uses the given start of day (the user time zone)', () => {
    const paris = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 3_600_000);
    expect(parseSearchQuery('after:2024-01-31', { mailboxes, startOfDay: paris }).filter?.conditions).toEqual(
      [{ after: '2024-01-30T23:00:00Z' }],
    );
  });

  it('resolves in: by role, alias, name and path, case-insensitively', () => {
    expect(parse('in:inbox x').filter?.conditions[0]).toEqual({ inMailbox: 'inbox' });
    expect(parse('in:SENT x').filter?.conditions[0]).toEqual({ inMailbox: 'sent' });
    expect(parse('in:spam x').filter?.conditions[0]).toEqual({ inMailbox: 'junk' });
    expect(parse('in:projects x').filter?.conditions[0]).toEqual({ inMailbox: 'projects' });
    expect(parse('in:"receipts & bills" x').filter?.conditions[0]).toEqual({ inMailbox: 'receipts' });
    expect(parse('in:Projects/2024 x').filter?.conditions[0]).toEqual({ inMailbox: 'p2024' });
  });

  it('lists a folder with in: alone', () => {
    expect(parse('in:sent').filter).toEqual({ operator: 'AND', conditions: [{ inMailbox: 'sent' }] });
  });

  it('limits to the current folder unless in: says otherwise', () => {
    expect(parse('invoice', 'inbox').filter).toEqual({
      operator: 'AND',
      conditions: [{ inMailbox: 'inbox' }, { text: 'invoice' }],
    });
    expect(parse('invoice in:sent', 'inbox').filter?.conditions).toEqual([
      { inMailbox: 'sent' },
      { text: 'invoice' },
    ]);
    expect(parse('invoice in:all', 'inbox').filter?.conditions).toEqual([{ text: 'invoice' }]);
  });

  it('does not search when in: names no folder, and says so', () => {
    expect(parse('in:nowhere invoice')).toEqual({
      filter: null,
      problems: [{ kind: 'unknown-mailbox', value: 'nowhere' }],
    });
  });

  it('negates any term with a leading "-"', () => {
    expect(
      parse('-from:ann -is:unread -has:attachment -"spam offer" -word -in:junk -before:2024-01-01').filter,
    ).toEqual({
      operator: 'AND',
      conditions: [
        { operator: 'NOT', conditions: [{ from: 'ann' }] },
        { operator: 'NOT', conditions: [{ notKeyword: '$seen' }] },
        { hasAttachment: false },
        { operator: 'NOT', conditions: [{ text: 'spam offer' }] },
        { operator: 'NOT', conditions: [{ text: 'word' }] },
        { inMailboxOtherThan: ['junk'] },
        { after: '2024-01-01T00:00:00Z' },
      ],
    });
  });

  it('treats unknown operators and URLs as text', () => {
    expect(parse('re:hello https://x.test/a').filter?.conditions).toEqual([
      { text: 're:hello https://x.test/a' },
    ]);
  });

  it('reports what it could not use, and searches with the rest', () => {
    const result = parse('is:purple has:cats before:2024-02-30 after:yesterday larger:lots from: ann');
    expect(result.problems).toEqual([
      { kind: 'bad-value', operator: 'is', value: 'purple' },
      { kind: 'bad-value', operator: 'has', value: 'cats' },
      { kind: 'bad-value', operator: 'before', value: '2024-02-30' },
      { kind: 'bad-value', operator: 'after', value: 'yesterday' },
      { kind: 'bad-value', operator: 'larger', value: 'lots' },
      { kind: 'empty-value', operator: 'from' },
    ]);
    expect(result.filter?.conditions).toEqual([{ text: 'ann' }]);
  });

  it('searches nothing for an empty or blank box', () => {
    expect(parse('')).toEqual({ filter: null, problems: [] });
    expect(parse('   \t ')).toEqual({ filter: null, problems: [] });
    expect(parse('', 'inbox')).toEqual({ filter: null, problems: [] });
  });

  it('runs an unclosed quote to the end', () => {
    expect(parse('subject:"half open').filter?.conditions).toEqual([{ subject: 'half open' }]);
    expect(parse('"half open').filter?.conditions).toEqual([{ text: 'half open' }]);
  });

  it('cuts queries and condition lists past their limits', () => {
    const long = parseSearchQuery('a'.repeat(MAX_QUERY_LENGTH + 50), { mailboxes });
    expect(long.problems).toContainEqual({ kind: 'too-long', max: MAX_QUERY_LENGTH });
    const many = parse(Array.from({ length: 40 }, (_, i) => `from:u${i}`).join(' '));
    expect(many.filter?.conditions).toHaveLength(MAX_CONDITIONS);
    expect(many.problems).toContainEqual({ kind: 'too-many-conditions', max: MAX_CONDITIONS });
  });

  it('never throws, whatever it is given', () => {
    const nasty = [
      '"',
      '-',
      '--',
      '- -',
      ':',
      'from:"',
      'in:',
      'in:"',
      '-in:',
      'before:',
      'larger:-5',
      'larger:1e400',
      'larger:99999999999999999999G',
      'is:',
      '\u0000\u0001',
      '"""""',
      'from:"a" "b" -"c',
      '\ud800',
      'in:Projects/2024/../..',
      'before:9999-99-99',
      'after:0000-01-01',
      ')(*&^%$#@!',
      'a'.repeat(5000),
    ];
    for (const query of nasty) expect(() => parse(query)).not.toThrow();
    // Not even with a non-string from untyped code, or a cycle in the mailbox tree.
    expect(() => parseSearchQuery(undefined as unknown as string, { mailboxes })).not.toThrow();
    const cyclic: SearchMailbox[] = [
      { id: 'a', name: 'A', role: null, parentId: 'b' },
      { id: 'b', name: 'B', role: null, parentId: 'a' },
    ];
    expect(parseSearchQuery('in:x/y', { mailboxes: cyclic })).toEqual({
      filter: null,
      problems: [{ kind: 'unknown-mailbox', value: 'x/y' }],
    });
  });

  it('fuzzes without throwing and always returns an AND or null', () => {
    const alphabet = [
      'from:',
      'in:',
      'is:',
      '-',
      '"',
      ' ',
      'a',
      'é',
      '/',
      ':',
      'before:',
      '2024-01-01',
      'larger:',
      '5M',
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const query = Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join('');
      const result = parse(query, i % 2 ? 'inbox' : null);
      expect(result.filter === null || result.filter.operator === 'AND').toBe(true);
    }
  });
});

describe('resolveMailbox', () => {
  it('prefers the role over a folder of the same name', () => {
    const boxes: SearchMailbox[] = [
      { id: 'user-sent', name: 'sent', role: null, parentId: null },
      { id: 'role-sent', name: 'Sent Items', role: 'sent', parentId: null },
    ];
    expect(resolveMailbox('sent', boxes)?.id).toBe('role-sent');
    expect(resolveMailbox('  ', boxes)).toBeNull();
  });
});

describe('parseSize', () => {
  it('reads bytes with K/M/G in powers of 1024', () => {
    expect(parseSize('1000')).toBe(1000);
    expect(parseSize('1.5mb')).toBe(1.5 * 1024 * 1024);
    expect(parseSize('2G')).toBe(2 * 1024 ** 3);
    expect(parseSize('5 parsecs')).toBeNull();
    expect(parseSize('1e400')).toBeNull();
  });
});
