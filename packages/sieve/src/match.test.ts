import { describe, expect, it } from 'vitest';
import { COMPARATORS, matchAny } from './match.js';
import type { Matcher } from './match.js';

const comparator = (name: string) => {
  const found = COMPARATORS[name];
  if (found === undefined) throw new Error(name);
  return found;
};
const matcher = (
  type: Matcher['type'],
  name = 'i;ascii-casemap',
  relation: Matcher['relation'] = 'eq',
): Matcher => ({
  comparator: comparator(name),
  type,
  relation,
});

describe('comparators (RFC 4790 §9)', () => {
  it('i;ascii-casemap folds only ASCII letters', () => {
    expect(comparator('i;ascii-casemap').order('Ab', 'aB')).toBe(0);
    expect(comparator('i;ascii-casemap').order('É', 'é')).not.toBe(0);
  });

  it('i;ascii-numeric compares leading digits; no digits is infinity', () => {
    const numeric = comparator('i;ascii-numeric');
    expect(numeric.order('007', '7')).toBe(0);
    expect(numeric.order('10', '9')).toBeGreaterThan(0);
    expect(numeric.order('12abc', '12')).toBe(0);
    expect(numeric.order('abc', '99999999999999999999999')).toBeGreaterThan(0);
    expect(numeric.order('', 'x')).toBe(0);
  });
});

describe('matchAny (RFC 5228 §2.7.1, RFC 5231)', () => {
  it(':is, :contains, :matches with captures', () => {
    expect(matchAny(matcher('is'), ['Hello'], ['HELLO']).matched).toBe(true);
    expect(matchAny(matcher('contains', 'i;octet'), ['Hello'], ['ell']).matched).toBe(true);
    expect(matchAny(matcher('contains', 'i;octet'), ['Hello'], ['ELL']).matched).toBe(false);
    expect(matchAny(matcher('matches'), ['Re: Hello World'], ['re: * w*'])).toEqual({
      matched: true,
      captures: ['Re: Hello World', 'Hello', 'orld'],
    });
    expect(matchAny(matcher('contains'), ['x'], ['']).matched).toBe(true);
  });

  it(':value and :count with every relation', () => {
    expect(matchAny(matcher('value', 'i;ascii-numeric', 'gt'), ['10'], ['9']).matched).toBe(true);
    expect(matchAny(matcher('value', 'i;ascii-numeric', 'le'), ['10'], ['9']).matched).toBe(false);
    expect(matchAny(matcher('value', 'i;ascii-casemap', 'lt'), ['10'], ['9']).matched).toBe(true);
    expect(matchAny(matcher('value', 'i;octet', 'ne'), ['a'], ['a', 'b']).matched).toBe(true);
    expect(matchAny(matcher('value', 'i;octet', 'ge'), ['a'], ['a']).matched).toBe(true);
    expect(matchAny(matcher('count', 'i;ascii-numeric', 'eq'), ['a', 'b'], ['2']).matched).toBe(true);
    expect(matchAny(matcher('count', 'i;ascii-numeric', 'eq'), [], ['0']).matched).toBe(true);
  });
});
