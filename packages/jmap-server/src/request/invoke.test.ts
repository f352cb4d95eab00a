import { Capability } from '@colibri/jmap-types';
import type { MailStore } from '@colibri/mail-store';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CORE_LIMITS } from '../limits.js';
import { DEFAULT_SERVER_POLICY } from '../method-context.js';
import type { MethodContext, RequestContext } from '../method-context.js';
import { MethodFailure } from '../method-failure.js';
import { invoke } from './invoke.js';

// A method table of two fakes: one that makes an implicit call, one that fails after trying to.
vi.mock('../methods/table.js', () => ({
  findMethod: (name: string) => {
    if (name === 'Test/implicit')
      return {
        capability: 'urn:ietf:params:jmap:core',
        handler: async (_args: Record<string, unknown>, ctx: MethodContext) => {
          ctx.followUps.push(['Email/set', { destroyed: ['E1'] }]);
          return { done: true };
        },
      };
    if (name === 'Test/fails')
      return {
        capability: 'urn:ietf:params:jmap:core',
        handler: async (_args: Record<string, unknown>, ctx: MethodContext) => {
          ctx.followUps.push(['Email/set', { destroyed: ['E2'] }]);
          throw new MethodFailure('stateMismatch');
        },
      };
    return undefined;
  },
}));

const ctx: RequestContext = {
  store: {} as MailStore,
  principal: { accountId: 'A1' as never, username: 'a@example.test' },
  limits: DEFAULT_CORE_LIMITS,
  createdIds: new Map(),
  log: { error: () => undefined, warn: () => undefined },
  using: new Set<string>([Capability.Core]),
  hooks: {},
  policy: DEFAULT_SERVER_POLICY,
};
const using = ctx.using;

describe('invoke: implicit calls (RFC 8620 §5.4)', () => {
  it('answers the call, then each implicit call with the same call id', async () => {
    expect(await invoke(['Test/implicit', {}, 'c1'], using, [], ctx)).toEqual([
      ['Test/implicit', { done: true }, 'c1'],
      ['Email/set', { destroyed: ['E1'] }, 'c1'],
    ]);
  });

  it('answers a failed call by its error alone', async () => {
    expect(await invoke(['Test/fails', {}, 'c2'], using, [], ctx)).toEqual([
      ['error', { type: 'stateMismatch' }, 'c2'],
    ]);
  });

  it('gives each call its own list, never the shared context', async () => {
    await invoke(['Test/implicit', {}, 'c3'], using, [], ctx);
    expect(ctx).not.toHaveProperty('followUps');
  });
});
