import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiTokenLimits } from '@colibri/mail-store';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStores } from '../config/open-stores.js';
import { ApiTokenStore, LAST_USED_RESOLUTION_MS } from './api-tokens.js';

let dir: string;
let store: MailStore;
let accountId: AccountId;
let now: number;
let tokens: ApiTokenStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'colibri-tokens-'));
  store = (await openStores({ dataDir: dir })).mail;
  await store.createDomain('example.test');
  accountId = (await store.createAccount({ email: 'a@example.test', displayName: 'A', passwordHash: 'h' }))
    .id;
  now = Date.parse('2030-01-01T00:00:00Z');
  tokens = new ApiTokenStore(store, { now: () => now });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function created(): Promise<{ token: string; id: string }> {
  const result = await tokens.create(accountId, 'test');
  if (result.kind !== 'created') throw new Error('not created');
  return { token: result.token, id: result.info.id };
}

const lastUsed = async () => (await tokens.list(accountId))[0]?.lastUsedAt;

describe('ApiTokenStore', () => {
  it(`finds a token's principal and notes its use at most once per ${LAST_USED_RESOLUTION_MS} ms`, async () => {
    const { token, id } = await created();
    const match = await tokens.find(token);
    expect(match).toMatchObject({ principal: { accountId, username: 'a@example.test' }, tokenId: id });
    expect(await lastUsed()).toBe(new Date(now).toISOString());
    const first = now;
    now += LAST_USED_RESOLUTION_MS - 1;
    await tokens.find(token);
    expect(await lastUsed()).toBe(new Date(first).toISOString());
    now += 1;
    await tokens.find(token);
    expect(await lastUsed()).toBe(new Date(now).toISOString());
  });

  it('knows nothing of a token without our prefix, a changed one, or a revoked one', async () => {
    const { token, id } = await created();
    expect(await tokens.find(token.slice('colibri_'.length))).toBeNull();
    expect(await tokens.find(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    const match = (await tokens.find(token))!;
    expect(await tokens.stillValid(match)).toBe(true);
    expect(await tokens.revoke(accountId, id)).toBe(true);
    expect(await tokens.revoke(accountId, id)).toBe(false);
    expect(await tokens.find(token)).toBeNull();
    expect(await tokens.stillValid(match)).toBe(false);
  });

  it('answers tooMany at the per-account limit', async () => {
    for (let i = 0; i < apiTokenLimits.maxPerAccount; i++) await created();
    expect(await tokens.create(accountId, 'one more')).toEqual({ kind: 'tooMany' });
  });
});
