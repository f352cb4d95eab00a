import { describe, expect, it } from 'vitest';
import { matchWildcard } from './wildcard.js';

const texts = (pattern: string, text: string): string[] | null =>
  matchWildcard(pattern, text)?.map(([start, end]) => text.slice(start, end)) ?? null;

describe('matchWildcard', () => {
  it('matches * and ? and gives each wildcard its text, shortest first', () => {
    expect(texts('*<*@*', 'Sieve <sieve@ietf.org>')).toEqual(['Sieve ', 'sieve', 'ietf.org>']);
    expect(texts('coyote@**.com', 'coyote@ACME.Example.COM'.toUpperCase())).toBeNull();
    expect(texts('a?c*', 'abcdef')).toEqual(['b', 'def']);
    expect(texts('*', '')).toEqual(['']);
    expect(texts('?', '')).toBeNull();
    expect(texts('abc', 'abd')).toBeNull();
  });

  it('treats backslash-quoted wildcards literally', () => {
    expect(texts('a\\*', 'a*')).toEqual([]);
    expect(texts('a\\*', 'ab')).toBeNull();
    expect(texts('\\\\*', '\\x')).toEqual(['x']);
  });

  it('stays fast on patterns that make backtracking explode', () => {
    const text = 'a'.repeat(200_000);
    const started = performance.now();
    expect(matchWildcard('*a*a*a*a*a*a*a*a*a*a*b', text)).toBeNull();
    expect(matchWildcard('?*?*?*?*?*?*?*?*c', text)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
