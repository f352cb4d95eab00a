import { describe, expect, it } from 'vitest';
import { evaluateSieve } from '../src/evaluate.js';
import { parseSieve } from '../src/parse.js';
import { NOW, SAMPLE, actionTypes, messageFrom, run } from './support.js';

describe('hostile scripts and messages', () => {
  it('pathological :matches patterns finish fast against long values', () => {
    const long = 'a'.repeat(100_000);
    const started = performance.now();
    const outcome = run(
      'if header :matches "subject" "*a*a*a*a*a*a*a*a*b" { discard; }',
      `Subject: ${long}\n\nx`,
    );
    expect(actionTypes(outcome)).toEqual(['keep']);
    const hit = run(
      'if header :matches "subject" "*a*a*a*a*a*a*a*a*?" { discard; }',
      `Subject: ${long}\n\nx`,
    );
    expect(actionTypes(hit)).toEqual(['discard']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('deeply nested tests and blocks are refused at parse time, with a position', () => {
    const tests = `if ${'anyof('.repeat(40)}true${')'.repeat(40)} { keep; }`;
    expect(parseSieve(tests)).toMatchObject({
      ok: false,
      errors: [{ line: 1, message: 'nesting deeper than 32 levels' }],
    });
    expect(parseSieve(`if ${'anyof('.repeat(30)}true${')'.repeat(30)} { keep; }`).ok).toBe(true);
    expect(parseSieve(tests, { maxNesting: 64 }).ok).toBe(true);
  });

  it('a huge but valid script parses within limits, and maxSteps bounds its run', () => {
    const source = 'if header :contains "subject" "x" { keep; }\n'.repeat(5_000);
    const parsed = parseSieve(source);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const outcome = evaluateSieve(parsed.script, messageFrom(SAMPLE), { now: NOW }, { maxSteps: 1_000 });
    expect(outcome.errors[0]).toContain('more than 1000 steps');
    expect(actionTypes(outcome)).toEqual(['keep']);
    expect(parseSieve(source, { maxScriptBytes: 1_000 })).toMatchObject({
      ok: false,
      errors: [{ line: 1, column: 1 }],
    });
  });

  it('unterminated strings, comments, blocks and lists are errors, never hangs', () => {
    for (const source of [
      'if true { keep;',
      'keep',
      'if header ["a", "b" "c" { keep; }',
      'if anyof (true, { keep; }',
      '"',
      '/*',
      'text:',
      '}}}',
      ':tag;',
      '[',
      'if',
    ]) {
      const result = parseSieve(source);
      expect(result.ok, source).toBe(false);
    }
  });

  it('NUL bytes and unpaired surrogates are reported where they are', () => {
    expect(parseSieve('keep;\nif header "a" "a\0b" { keep; }')).toMatchObject({
      ok: false,
      errors: [{ line: 2, column: 17 }],
    });
    expect(parseSieve('# comment \udc00\nkeep;')).toMatchObject({
      ok: false,
      errors: [{ line: 1, column: 11 }],
    });
    expect(parseSieve('require "reject"; reject text:\nabc\u0000\n.\n;')).toMatchObject({
      ok: false,
      errors: [{ line: 2, column: 4 }],
    });
    expect(parseSieve('keep; # emoji \ud83d\ude00 is fine').ok).toBe(true);
  });

  it('a script not made by parseSieve is refused', () => {
    expect(() => evaluateSieve({ requires: [] }, messageFrom(SAMPLE), { now: NOW })).toThrow(TypeError);
  });

  it('many errors are all reported, in order', () => {
    const result = parseSieve('foo;\nbar;\nif baz { qux; }\nkeep :nope;');
    expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual([1, 2, 3, 3, 4]);
  });
});

describe('the :matches budget', () => {
  it('stops a pattern and a value that are both huge with a run-time error, keeping the message', () => {
    const pattern = `*${'a'.repeat(20_000)}b`;
    const started = performance.now();
    const outcome = run(
      `if header :matches "subject" "${pattern}" { discard; }`,
      `Subject: ${'a'.repeat(200_000)}\n\nx`,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(actionTypes(outcome)).toEqual(['keep']);
    expect(outcome.errors[0]).toContain(':matches needs too much work');
  });
});

describe('variables cannot exhaust memory', () => {
  it('doubling a variable stops at the length limit', () => {
    const doubling = `require ["variables", "reject"]; set "a" "xx";\n${'set "a" "${a}${a}";\n'.repeat(60)}set :length "n" "\${a}"; reject "\${n}";`;
    const outcome = run(doubling, SAMPLE);
    expect(outcome.actions).toEqual([{ type: 'reject', reason: '65536', extended: false }]);
  });
});

describe('expansion budget', () => {
  it('a key list of many large variables is a run-time error, not an exhausted heap', () => {
    const script = `require "variables"; set "a" "${'x'.repeat(60_000)}"; if header :contains "subject" [${Array(400).fill('"${a}"').join(', ')}] { discard; }`;
    const outcome = run(script, SAMPLE);
    expect(actionTypes(outcome)).toEqual(['keep']);
    expect(outcome.errors[0]).toContain('variables expand to more than');
  });
});

describe('garbage', () => {
  it('reports the first 100 errors and how many more there are', () => {
    const result = parseSieve('@'.repeat(200_000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(101);
    expect(result.errors[100]).toEqual({ line: 1, column: 101, message: '199900 more errors not shown' });
  });
});
