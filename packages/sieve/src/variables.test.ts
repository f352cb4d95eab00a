import { describe, expect, it } from 'vitest';
import { addFlags, normalizeFlags, removeFlags } from './flags.js';
import { MAX_VARIABLE_LENGTH, applyModifiers, expandVariables, truncateValue } from './variables.js';

describe('expandVariables (RFC 5229 §3)', () => {
  const scope = {
    variables: new Map([
      ['name', 'Wile'],
      ['a.b', 'ns'],
    ]),
    matches: ['whole', 'one'],
  };
  it('expands names, match variables and namespaced names once', () => {
    expect(expandVariables('${NAME} ${0}/${1}/${2} ${a.b} ${na me} ${}', scope)).toBe(
      'Wile whole/one/ ns ${na me} ${}',
    );
  });
});

describe('variable length (RFC 5229 §6)', () => {
  it('truncates expansions, keeping surrogate pairs whole', () => {
    const big = { variables: new Map([['a', 'x'.repeat(MAX_VARIABLE_LENGTH)]]), matches: [] };
    expect(expandVariables('${a}${a}${a}', big)).toHaveLength(MAX_VARIABLE_LENGTH);
    expect(truncateValue(`${'x'.repeat(MAX_VARIABLE_LENGTH - 1)}😀`)).toHaveLength(MAX_VARIABLE_LENGTH - 1);
  });
});

describe('applyModifiers (RFC 5229 §4)', () => {
  it('applies in precedence order and counts characters, not code units', () => {
    expect(applyModifiers('hELLO', new Set(['lower', 'upperfirst']))).toBe('Hello');
    expect(applyModifiers('a*b?c\\', new Set(['quotewildcard', 'length']))).toBe('9');
    expect(applyModifiers('😀é', new Set(['length']))).toBe('2');
    expect(applyModifiers('', new Set(['upperfirst']))).toBe('');
  });
});

describe('IMAP flag lists (RFC 5232 §3)', () => {
  it('splits on spaces, deduplicates case-insensitively, adds and removes', () => {
    expect(normalizeFlags(['\\Seen  $a', '\\SEEN', ''])).toEqual(['\\Seen', '$a']);
    expect(addFlags(['\\Seen'], ['$B \\seen'])).toEqual(['\\Seen', '$B']);
    expect(removeFlags(['\\Seen', '$B'], ['\\SEEN'])).toEqual(['$B']);
  });
});
