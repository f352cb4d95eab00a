import { describe, expect, it } from 'vitest';
import { parseSieve } from './parse.js';
import type { SieveError } from './types.js';

function errorsOf(source: string): SieveError[] {
  const result = parseSieve(source);
  return result.ok ? [] : result.errors;
}

describe('parseSieve', () => {
  it('accepts the base language, names in any case, and lists the requires in order', () => {
    const result = parseSieve(
      'require ["fileinto", "envelope"];\nIF Header :Contains "subject" "x" { FileInto "a"; stop; }\nkeep;',
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.script.requires).toEqual(['fileinto', 'envelope']);
    // RFC 5228 §6: capability strings, unlike identifiers, are case-sensitive.
    expect(errorsOf('require "FileInto";')[0]?.message).toBe('unsupported extension "FileInto"');
  });

  it('reports unknown extensions, and extensions the caller does not allow', () => {
    expect(errorsOf('require "foo";')).toEqual([
      { line: 1, column: 9, message: 'unsupported extension "foo"' },
    ]);
    expect(parseSieve('require "vacation";', { extensions: ['fileinto'] })).toMatchObject({ ok: false });
  });

  it('accepts requiring the built-in comparators, and a leading byte-order mark', () => {
    const result = parseSieve('\uFEFFrequire ["comparator-i;octet", "comparator-i;ascii-casemap"]; keep;');
    expect(result).toMatchObject({ ok: true, script: { requires: [] } });
    expect(errorsOf('\uFEFFfoo;')[0]).toMatchObject({ line: 1, column: 2 });
  });

  it('wants require before any other command, and only at the top', () => {
    expect(errorsOf('keep;\nrequire "fileinto";')[0]).toMatchObject({ line: 2, column: 1 });
    expect(errorsOf('if true { require "fileinto"; }')[0]?.message).toContain('top level');
  });

  it('reports several errors at once, with positions', () => {
    const errors = errorsOf(
      'fileinto "a";\nfoo;\nif bar { keep; }\nelsif true { stop; }\nelse { discard; }\nelse { keep; }',
    );
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [1, 1],
      [2, 1],
      [3, 4],
      [6, 1],
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'command "fileinto" needs require "fileinto"',
      'unknown command "foo"',
      'unknown test "bar"',
      '"else" without a preceding "if"',
    ]);
  });

  it('checks tags: unknown, duplicate, incompatible, missing their extension', () => {
    expect(errorsOf('if header :is :contains "a" "b" { keep; }')[0]?.message).toBe(
      'tag ":contains" cannot be used with ":is" in test "header"',
    );
    expect(errorsOf('if header :is :is "a" "b" { keep; }')[0]?.message).toBe(
      'duplicate tag ":is" in test "header"',
    );
    expect(errorsOf('if header :foo "a" "b" { keep; }')[0]?.message).toBe(
      'unknown tag ":foo" for test "header"',
    );
    expect(errorsOf('redirect :copy "a@b.c";')[0]?.message).toBe('tag ":copy" needs require "copy"');
    expect(errorsOf('if header :count "gt" "a" "1" { keep; }')[0]?.message).toBe(
      'tag ":count" needs require "relational"',
    );
  });

  it('checks argument counts and types', () => {
    expect(errorsOf('redirect;')[0]?.message).toBe(
      'command "redirect" expects 1 positional argument(s), found 0',
    );
    expect(errorsOf('redirect ["a@b.c", "d@e.f"];')[0]?.message).toBe(
      'argument 1 of command "redirect" must be a string',
    );
    expect(errorsOf('if size 10 { keep; }')[0]?.message).toContain('needs one of :over or :under');
    expect(errorsOf('if size :over "x" { keep; }').map((e) => e.message)).toContain(
      'tag ":over" needs a number after it',
    );
    expect(errorsOf('if allof true { keep; }')[0]?.message).toBe(
      'test "allof" needs a test list in parentheses',
    );
    expect(errorsOf('if (true) { keep; }')[0]?.message).toBe('command "if" needs exactly one test');
    expect(errorsOf('keep { stop; }')[0]?.message).toBe('"keep" takes no block');
    expect(errorsOf('if true;')[0]?.message).toBe('"if" needs a block');
  });

  it('checks values: header names, comparators, relations, redirect addresses, date-parts', () => {
    expect(errorsOf('if header "sub ject" "x" { keep; }')[0]?.message).toBe(
      'invalid header name "sub ject" in "header"',
    );
    expect(errorsOf('if header :comparator "i;foo" "a" "b" { keep; }')[0]?.message).toBe(
      'unknown comparator "i;foo" in "header"',
    );
    expect(errorsOf('if header :comparator "i;ascii-numeric" "a" "b" { keep; }')[0]?.message).toContain(
      'needs require',
    );
    expect(errorsOf('require ["relational"]; if header :value "xx" "a" "b" { keep; }')[0]?.message).toContain(
      'unknown relational operator',
    );
    expect(errorsOf('redirect "not an address";')[0]?.message).toBe(
      'invalid redirect address "not an address"',
    );
    expect(errorsOf('require "date"; if currentdate "decade" "1" { keep; }')[0]?.message).toBe(
      'unknown date-part "decade"',
    );
    expect(
      errorsOf('require ["date"]; if currentdate :zone "0100" "year" "1" { keep; }')[0]?.message,
    ).toContain('invalid :zone');
    expect(errorsOf('require ["envelope"]; if envelope "auth" "x" { keep; }')[0]?.message).toBe(
      'unknown envelope part "auth"',
    );
  });

  it('looks inside unknown commands and counts optional arguments', () => {
    expect(errorsOf('foo true { bar; }').map((e) => e.message)).toEqual([
      'unknown command "foo"',
      'unknown command "bar"',
    ]);
    expect(errorsOf('require "imap4flags"; setflag;')[0]?.message).toBe(
      'command "setflag" expects 1 to 2 positional argument(s), found 0',
    );
  });

  it('places value errors at the value', () => {
    expect(errorsOf('if header :comparator "i;foo" "a" "b" { keep; }')[0]).toMatchObject({
      line: 1,
      column: 23,
    });
    expect(errorsOf('keep;\nredirect   "bad";')[0]).toEqual({
      line: 2,
      column: 12,
      message: 'invalid redirect address "bad"',
    });
    expect(errorsOf('require "vacation"; vacation :from "nobody" "x";')[0]).toMatchObject({
      column: 36,
      message: 'invalid :from address "nobody"',
    });
    expect(errorsOf('require "vacation"; vacation :addresses ["a@b.example", "c"] "x";')[0]?.message).toBe(
      'invalid address "c" in :addresses',
    );
  });

  it('skips literal checks on strings with variables, which only run time knows', () => {
    expect(parseSieve('require "variables"; set "to" "a@b.c"; redirect "${to}";').ok).toBe(true);
  });

  it('reads numbers with quantifiers, multi-line strings with dot-stuffing and comments', () => {
    const result = parseSieve('# hash\n/* bracket\n comment */ if size :over 1K { keep; }\nrequire_me;');
    expect(result).toMatchObject({ ok: false, errors: [{ line: 4, column: 1 }] });
    expect(parseSieve('require "reject";\nreject text: # comment\nline\n..dot\n.\n;').ok).toBe(true);
  });

  it('reports lexical errors: unterminated strings and comments, NUL, lone surrogates', () => {
    expect(errorsOf('keep; "abc')[0]).toEqual({ line: 1, column: 7, message: 'unterminated quoted string' });
    expect(errorsOf('keep; /* abc')[0]).toEqual({
      line: 1,
      column: 7,
      message: 'unterminated bracket comment',
    });
    expect(errorsOf('require "reject"; reject text:\nabc\n')[0]?.message).toContain(
      'unterminated multi-line string',
    );
    expect(errorsOf('keep;\0')[0]?.message).toBe('NUL character is not allowed in a script');
    expect(errorsOf('if header "a" "\ud800" { keep; }')[0]?.message).toContain('unpaired surrogate');
  });

  it('enforces maxScriptBytes and maxNesting without exhausting the stack', () => {
    expect(errorsOf('keep;'.repeat(60_000))[0]?.message).toContain('larger than');
    const deep = `if ${'not '.repeat(100_000)}true { keep; }`;
    expect(parseSieve(deep, { maxScriptBytes: 10_000_000 })).toMatchObject({
      ok: false,
      errors: [{ message: 'nesting deeper than 32 levels' }],
    });
    const blocks = `${'if true {'.repeat(50_000)}${'}'.repeat(50_000)}`;
    expect(errorsOf(blocks.slice(0, 200_000))[0]?.message).toBe('nesting deeper than 32 levels');
  });

  it('decodes encoded characters only when required', () => {
    expect(
      parseSieve('require "encoded-character"; if header "x" "${unicode:110000}" { keep; }'),
    ).toMatchObject({
      ok: false,
      errors: [{ message: 'invalid Unicode character U+110000 in ${unicode:…}' }],
    });
  });
});
