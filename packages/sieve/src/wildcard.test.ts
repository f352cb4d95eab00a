import { describe, expect, it } from 'vitest';
import { matchWildcard } from './wildcard.js';

const texts = (pattern: string, text: string): string[] | null =>
  matchWildcard(Array.from(pattern), Array.from(text))?.map(([start, end]) =>
    Array.from(text).slice(start, end).join(''),
  ) ?? null;

describe('matchWildcard', () => {
  it('matches * and ? and gives each wildcard its text, shortest first', () => {
    expect(texts('*<*@*', 'Sieve <sieve@ietf.org>')).toEqual(['Sieve ', 'sieve', 'ietf.org>']);
    expect(texts('coyote@**.com', 'coyote@ACME.Example.COM'.toUpperCase())).toBeNull();
    expect(texts('a?c*', 'abcdef')).toEqual(['b', 'def']);
    expect(texts('*', '')).toEqual(['']);
    expect(texts('?', '')).toBeNull();
    expect(texts('abc', 'abd')).toBeNull();
  });

  it('matches "?" against one Unicode character, astral ones included', () => {
    expect(texts('?x?', '😀xé')).toEqual(['😀', 'é']);
    expect(texts('??', '😀')).toBeNull();
  });

  it('treats backslash-quoted wildcards literally', () => {
    expect(texts('a\\*', 'a*')).toEqual([]);
    expect(texts('a\\*', 'ab')).toBeNull();
    expect(texts('\\\\*', '\\x')).toEqual(['x']);
  });

  it('stays fast on patterns that make backtracking explode', () => {
    const text = 'a'.repeat(200_000);
    const started = performance.now();
    expect(matchWildcard(Array.from('*a*a*a*a*a*a*a*a*a*a*b'), Array.from(text))).toBeNull();
    expect(matchWildcard(Array.from('?*?*?*?*?*?*?*?*c'), Array.from(text))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
