import type { Invocation } from '@colibri/jmap-types';
import { describe, expect, it } from 'vitest';
import { MethodFailure } from '../method-failure.js';
import { resolveReferences } from './result-reference.js';

const responses: Invocation[] = [
  ['Email/query', { ids: ['a', 'b'] }, 'q'],
  ['error', { type: 'serverFail' }, 'broken'],
  ['Email/query', { ids: ['second'] }, 'q'],
];

function failureType(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof MethodFailure) return error.type;
    throw error;
  }
  return undefined;
}

describe('resolveReferences (RFC 8620 §3.7)', () => {
  it('replaces #name by the referenced value, from the FIRST response with that call id', () => {
    const args = resolveReferences(
      { accountId: 'A', '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' } },
      responses,
    );
    expect(args).toEqual({ accountId: 'A', ids: ['a', 'b'] });
  });

  it('keeps a "__proto__" argument as a plain property', () => {
    const args = resolveReferences(
      JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>,
      responses,
    );
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(Object.hasOwn(args, '__proto__')).toBe(true);
  });

  it('is invalidArguments when both x and #x are given', () => {
    const run = () =>
      resolveReferences({ ids: [], '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' } }, responses);
    expect(failureType(run)).toBe('invalidArguments');
  });

  it('is invalidResultReference for an unknown call id, a name mismatch, an error response, a bad path or shape', () => {
    const cases = [
      { resultOf: 'nope', name: 'Email/query', path: '/ids' },
      { resultOf: 'q', name: 'Email/get', path: '/ids' },
      { resultOf: 'broken', name: 'Email/query', path: '/ids' },
      { resultOf: 'q', name: 'Email/query', path: '/list/*/id' },
      { resultOf: 'q' },
    ];
    for (const reference of cases) {
      expect(failureType(() => resolveReferences({ '#ids': reference }, responses))).toBe(
        'invalidResultReference',
      );
    }
  });
});
