import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenLimits, hashPassword, mintApiToken } from '@colibri/mail-store';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { openStores } from '../src/config/open-stores.js';
import { ANN, BEN, PASSWORD, basic, login, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';

let colibri: TestColibri;
let url: string;
/** A second handle on the server's data folder, as the CLI has while the server runs. */
let cli: MailStore;

beforeAll(async () => {
  colibri = await startTestColibri();
  url = colibri.httpUrl;
  cli = (await openStores({ dataDir: colibri.dataDir })).mail;
});
afterAll(async () => {
  await cli.close();
  await colibri.stop();
});

interface TokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const FAST = { N: 1024, r: 8, p: 1 };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const session = (headers: Record<string, string>) => fetch(`${url}/.well-known/jmap`, { headers });
const list = async (headers: Record<string, string>): Promise<TokenInfo[]> => {
  const response = await fetch(`${url}/auth/tokens`, { headers });
  expect(response.status).toBe(200);
  return ((await response.json()) as { tokens: TokenInfo[] }).tokens;
};
const create = (headers: Record<string, string>, body?: unknown) =>
  fetch(`${url}/auth/tokens`, {
    method: 'POST',
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const revoke = (headers: Record<string, string>, id: string) =>
  fetch(`${url}/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', headers });

/** A logged-in user's cookie and CSRF headers. */
async function browser(username: string, password = PASSWORD): Promise<Record<string, string>> {
  const { cookie, csrfToken } = await login(url, username, password);
  return { Cookie: cookie, 'X-CSRF-Token': csrfToken };
}

/** A user of its own made through the CLI's handle (tests that change passwords or counts). */
async function newUser(
  localPart: string,
  password: string,
): Promise<{ email: string; accountId: AccountId }> {
  const account = await cli.createAccount({
    email: `${localPart}@fixture.test`,
    displayName: localPart,
    passwordHash: await hashPassword(password, FAST),
  });
  return { email: account.email, accountId: account.id };
}

describe('GET, POST and DELETE /auth/tokens', () => {
  it('creates a named token (secret shown once), lists it without the secret, revokes it', async () => {
    const ann = await browser(ANN);
    const created = await create(ann, { name: '  Thunderbird on the laptop ' });
    expect(created.status).toBe(201);
    const body = (await created.json()) as TokenInfo & { token: string };
    expect(body).toEqual({
      token: expect.stringMatching(/^colibri_[A-Za-z0-9_-]{43}$/),
      id: expect.any(String),
      name: 'Thunderbird on the laptop',
      createdAt: expect.any(String),
      lastUsedAt: null,
    });
    expect(await list(ann)).toContainEqual({ ...body, token: undefined, lastUsedAt: null });

    expect((await session(bearer(body.token))).status).toBe(200);
    const listed = await list(ann);
    const used = listed.find((t) => t.id === body.id);
    expect(used?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(body.token.slice('colibri_'.length));

    expect((await revoke({ Cookie: ann.Cookie ?? '' }, body.id)).status).toBe(403); // no CSRF header
    expect((await revoke(ann, body.id)).status).toBe(204);
    expect((await session(bearer(body.token))).status).toBe(401);
    expect((await list(ann)).map((t) => t.id)).not.toContain(body.id);
  });

  it("404 for an unknown token and for another account's, with the same answer", async () => {
    const ann = await browser(ANN);
    const { id, token } = (await (await create(ann)).json()) as TokenInfo & { token: string };
    const ben = await browser(BEN);
    const foreign = await revoke(ben, id);
    const unknown = await revoke(ben, 'Tunknown');
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await foreign.json()).toEqual(await unknown.json());
    expect((await list(ben)).map((t) => t.id)).not.toContain(id);
    expect((await session(bearer(token))).status).toBe(200);
  });

  it('names: a default without a body, 400 for a bad one', async () => {
    const ben = await browser(BEN);
    const unnamed = (await (await create(ben)).json()) as TokenInfo;
    expect(unnamed.name).toBe('API token');
    const emptyObject = (await (await create(ben, {})).json()) as TokenInfo;
    expect(emptyObject.name).toBe('API token');
    for (const bad of [{ name: 42 }, { name: '' }, { name: 'x'.repeat(101) }, { name: 'a\tb' }, ['x']]) {
      const response = await create(ben, bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'badRequest' });
    }
  });

  it('a Bearer token may list and revoke (itself too) but not create; Basic may create', async () => {
    const created = await create({ Authorization: basic(BEN, PASSWORD) }, { name: 'script' });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as TokenInfo & { token: string };
    expect((await list(bearer(token))).map((t) => t.id)).toContain(id);
    expect((await create(bearer(token))).status).toBe(403);
    expect((await revoke(bearer(token), id)).status).toBe(204);
    expect((await session(bearer(token))).status).toBe(401);
    expect((await fetch(`${url}/auth/tokens`)).status).toBe(401);
  });

  it(`at most ${apiTokenLimits.maxPerAccount} tokens per account: one more is 409 tooManyTokens`, async () => {
    const user = await newUser('many', 'many-password-1');
    for (let i = 0; i < apiTokenLimits.maxPerAccount; i++)
      await cli.createApiToken(user.accountId, { digest: mintApiToken().digest, name: `t${i}` });
    const response = await create({ Authorization: basic(user.email, 'many-password-1') });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'tooManyTokens' });
  });
});

describe('another process (the CLI) on the same data folder', () => {
  it('a token it creates works at once, and stops working as soon as it revokes it', async () => {
    const ann = (await cli.findAccountByEmail(ANN))!;
    const { token, digest } = mintApiToken();
    const created = await cli.createApiToken(ann.id, { digest, name: 'from the CLI' });
    expect((await session(bearer(token))).status).toBe(200);
    await cli.deleteApiToken(ann.id, created.id);
    expect((await session(bearer(token))).status).toBe(401);
  });

  it('a password change ends the cached Basic success at once; the new password works', async () => {
    const user = await newUser('cat', 'old-password-1');
    const old = { Authorization: basic(user.email, 'old-password-1') };
    expect((await session(old)).status).toBe(200);
    expect((await session(old)).status).toBe(200); // now from the cache
    await cli.setPasswordHash(user.accountId, await hashPassword('new-password-1', FAST));
    expect((await session(old)).status).toBe(401);
    const fresh = { Authorization: basic(user.email, 'new-password-1') };
    expect((await session(fresh)).status).toBe(200);
    expect((await session(fresh)).status).toBe(200);
  });

  it('deleting the account ends its cached Basic success and its tokens', async () => {
    const user = await newUser('dora', 'dora-password-1');
    const auth = { Authorization: basic(user.email, 'dora-password-1') };
    const { token } = (await (await create(auth)).json()) as { token: string };
    expect((await session(auth)).status).toBe(200);
    await cli.deleteAccount(user.accountId);
    expect((await session(auth)).status).toBe(401);
    expect((await session(bearer(token))).status).toBe(401);
  });
});
