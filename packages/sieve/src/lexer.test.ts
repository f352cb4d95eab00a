import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer.js';

const kinds = (source: string): unknown[] =>
  tokenize(source).tokens.map((t) =>
    t.kind === 'identifier' || t.kind === 'tag'
      ? `${t.kind}:${t.name}`
      : t.kind === 'punct'
        ? t.char
        : t.kind === 'end'
          ? 'end'
          : t.value,
  );

describe('tokenize (RFC 5228 §8.1)', () => {
  it('reads identifiers and tags lower-cased, numbers with quantifiers, punctuation', () => {
    expect(kinds('IF :Is [ "a" , "b" ] ( ) { } ; 10 1k 2M 3G')).toEqual([
      'identifier:if',
      'tag:is',
      '[',
      'a',
      ',',
      'b',
      ']',
      '(',
      ')',
      '{',
      '}',
      ';',
      10,
      1024,
      2 * 1024 ** 2,
      3 * 1024 ** 3,
      'end',
    ]);
  });

  it('decodes \\\\ and \\" and drops other backslashes in quoted strings', () => {
    expect(kinds('"a\\\\b\\"c\\d"')).toEqual(['a\\b"cd', 'end']);
  });

  it('reads multi-line strings: CRLF or LF lines, dot-stuffing, a hash comment after text:', () => {
    expect(kinds('text: # why\r\nline 1\r\n..two\r\n.\r\n;')).toEqual(['line 1\r\n.two\r\n', ';', 'end']);
    expect(kinds('TEXT:\n.\n')).toEqual(['', 'end']);
  });

  it('skips comments and tracks lines and columns', () => {
    const { tokens } = tokenize('# one\n/* two\nthree */  keep;');
    expect(tokens[0]).toMatchObject({ kind: 'identifier', name: 'keep', position: { line: 3, column: 11 } });
  });

  it('reports errors instead of throwing', () => {
    expect(tokenize('99999999999999999999').errors[0]?.message).toContain('too large');
    expect(tokenize('12abc').errors[0]?.message).toBe('unexpected "a" after a number');
    expect(tokenize('keep @').errors[0]).toEqual({ line: 1, column: 6, message: 'unexpected character "@"' });
    expect(tokenize('text: x\n.\n').errors[0]?.message).toBe('expected a line break after "text:"');
  });
});
