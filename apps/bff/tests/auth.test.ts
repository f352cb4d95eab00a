import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, PASSWORD, USING, basic, login, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';

let colibri: TestColibri;
let url: string;

beforeAll(async () => {
  colibri = await startTestColibri();
  url = colibri.httpUrl;
});
afterAll(() => colibri.stop());

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Mailbox/get on ann's or ben's account (RFC 8621 §2.1); the caller's credentials decide whose. */
const mailboxGet = (headers: Record<string, string>, user: 'ann' | 'ben' = 'ann') =>
  postJson(
    '/jmap/api',
    { using: USING, methodCalls: [['Mailbox/get', { accountId: colibri.fixture?.[user].accountId }, 'c0']] },
    headers,
  );

describe('POST /auth/login', () => {
  it('logs in: 200 with username, accountId and CSRF token, and an HttpOnly SameSite=Strict cookie', async () => {
    const response = await postJson('/auth/login', { username: ANN, password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      username: ANN,
      accountId: colibri.fixture?.ann.accountId,
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const cookie = cookies[0] ?? '';
    expect(cookie).toMatch(/^colibri_session=[A-Za-z0-9_-]{43};/);
    const attributes = cookie
      .split(';')
      .slice(1)
      .map((a) => a.trim());
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
    // Plain http here: a Secure cookie would never come back.
    expect(attributes).not.toContain('Secure');
  });

  it('accepts the address in any case and with spaces around it', async () => {
    const response = await postJson('/auth/login', {
      username: `  ${ANN.toUpperCase()} `,
      password: PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { username: string }).username).toBe(ANN);
  });

  it('refuses a wrong password with 401 invalidCredentials and the user-facing message', async () => {
    const started = Date.now();
    const response = await postJson('/auth/login', { username: BEN, password: 'not-the-password' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalidCredentials',
      message: 'Wrong email address or password.',
    });
    expect(response.headers.getSetCookie()).toEqual([]);
    // The constant delay on failure.
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const response = await postJson('/auth/login', { username: 'nobody@fixture.test', password: PASSWORD });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalidCredentials',
      message: 'Wrong email address or password.',
    });
  });

  it('throttles repeated failures with 429, Retry-After and retryAfter, even for the right password', async () => {
    const username = 'target@fixture.test';
    for (let i = 0; i < 3; i++)
      expect((await postJson('/auth/login', { username, password: `guess-${i}` })).status).toBe(401);
    const throttled = await postJson('/auth/login', { username, password: 'guess-4' });
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(await throttled.json()).toMatchObject({
      error: 'tooManyAttempts',
      retryAfter,
      message: expect.stringMatching(/try again/i),
    });
  });

  it('answers 400 badRequest to a malformed body', async () => {
    for (const body of [
      '{"username": ',
      JSON.stringify({ username: ANN }),
      JSON.stringify([ANN, PASSWORD]),
    ]) {
      const response = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'badRequest' });
    }
    // A form post (what a cross-site page could send without a preflight) is not a login.
    const form = await fetch(`${url}/auth/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: ANN, password: PASSWORD }),
    });
    expect(form.status).toBe(400);
  });
});

describe('GET /auth/me and POST /auth/logout', () => {
  it('tells who is logged in, and 401 without a session', async () => {
    const { cookie, csrfToken } = await login(url, ANN, PASSWORD);
    const me = await fetch(`${url}/auth/me`, { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ username: ANN, accountId: colibri.fixture?.ann.accountId, csrfToken });

    const anonymous = await fetch(`${url}/auth/me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: 'unauthenticated' });
    expect(anonymous.headers.get('www-authenticate')).toBeNull();
  });

  it('needs the CSRF token to log out, then ends the session server-side and clears the cookie', async () => {
    const { cookie, csrfToken } = await login(url, ANN, PASSWORD);
    const forged = await fetch(`${url}/auth/logout`, { method: 'POST', headers: { Cookie: cookie } });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'csrf' });
    const wrong = await fetch(`${url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': `${csrfToken}x` },
    });
    expect(wrong.status).toBe(403);
    expect((await fetch(`${url}/auth/me`, { headers: { Cookie: cookie } })).status).toBe(200);

    const logout = await fetch(`${url}/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(
      /^colibri_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict/,
    );
    // The old cookie is worthless now, even if the browser kept it.
    expect((await fetch(`${url}/auth/me`, { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await mailboxGet({ Cookie: cookie, 'X-CSRF-Token': csrfToken })).status).toBe(401);
  });
});

describe('CSRF on the JMAP API', () => {
  it('refuses a cookie-authenticated POST /jmap/api without the X-CSRF-Token header', async () => {
    const { cookie, csrfToken } = await login(url, ANN, PASSWORD);
    const without = await mailboxGet({ Cookie: cookie });
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ error: 'csrf' });

    const otherSession = await login(url, ANN, PASSWORD);
    expect((await mailboxGet({ Cookie: cookie, 'X-CSRF-Token': otherSession.csrfToken })).status).toBe(403);

    const ok = await mailboxGet({ Cookie: cookie, 'X-CSRF-Token': csrfToken });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { methodResponses: unknown[][] }).methodResponses[0]?.[0]).toBe(
      'Mailbox/get',
    );
  });

  it('lets a cookie-authenticated GET through without the header (no state change)', async () => {
    const { cookie } = await login(url, ANN, PASSWORD);
    expect((await fetch(`${url}/.well-known/jmap`, { headers: { Cookie: cookie } })).status).toBe(200);
  });
});

describe('Basic and Bearer authentication (RFC 7617, RFC 6750)', () => {
  it('Basic auth opens the API with no cookie and no CSRF token', async () => {
    const response = await mailboxGet({ Authorization: basic(BEN, PASSWORD) }, 'ben');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      methodResponses: [string, { accountId: string; list: { role: string | null }[] }, string][];
    };
    expect(body.methodResponses[0]?.[1].accountId).toBe(colibri.fixture?.ben.accountId);
    expect(body.methodResponses[0]?.[1].list.map((m) => m.role)).toEqual(
      expect.arrayContaining(['inbox', 'sent']),
    );
  });

  it('a wrong Basic password gets 401 with a Basic challenge; a Basic header wins over a cookie', async () => {
    const response = await fetch(`${url}/.well-known/jmap`, {
      headers: { Authorization: basic(BEN, 'wrong-password') },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="Colibri"/);

    const { cookie } = await login(url, ANN, PASSWORD);
    const mixed = await fetch(`${url}/.well-known/jmap`, {
      headers: { Cookie: cookie, Authorization: basic(ANN, 'wrong-password') },
    });
    expect(mixed.status).toBe(401);
  });

  it('spares the web app the Basic challenge (it would make the browser open a login dialog)', async () => {
    const response = await fetch(`${url}/jmap/api`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('an API token from POST /auth/tokens works as a Bearer token; a bad token is 401', async () => {
    const { cookie, csrfToken } = await login(url, BEN, PASSWORD);
    expect((await fetch(`${url}/auth/tokens`, { method: 'POST', headers: { Cookie: cookie } })).status).toBe(
      403,
    );
    const created = await fetch(`${url}/auth/tokens`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    expect(token).toMatch(/^colibri_[A-Za-z0-9_-]{43}$/);

    const session = await fetch(`${url}/.well-known/jmap`, { headers: { Authorization: `Bearer ${token}` } });
    expect(session.status).toBe(200);
    expect(((await session.json()) as { username: string }).username).toBe(BEN);
    expect((await mailboxGet({ Authorization: `Bearer ${token}` }, 'ben')).status).toBe(200);
    // A token cannot mint tokens.
    expect(
      (await fetch(`${url}/auth/tokens`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(403);
    expect((await mailboxGet({ Authorization: `Bearer ${token.slice(0, -2)}xx` }, 'ben')).status).toBe(401);
  });
});
