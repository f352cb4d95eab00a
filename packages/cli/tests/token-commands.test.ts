import { apiTokenDigest, openMailStore } from '@colibri/mail-store';
import { describe, expect, it } from 'vitest';
import { colibri, useTempDirs, withUser } from './helpers.js';

describe('colibri token create, list and revoke (real store in a temp folder)', () => {
  const tempDirs = useTempDirs();

  it('prints a new token once, stores only its digest, lists it without the secret, revokes it', async () => {
    const { data } = await tempDirs();
    await withUser(data);
    const created = await colibri(data, ['token', 'create', 'alice@example.org', '--name', ' laptop ']);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^colibri_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/"laptop" for alice@example.org; it is not shown again/);

    const store = await openMailStore({ dataDir: data });
    try {
      const match = await store.findApiTokenByDigest(apiTokenDigest(token));
      expect(match).toMatchObject({
        email: 'alice@example.org',
        token: { name: 'laptop', lastUsedAt: null },
      });
    } finally {
      await store.close();
    }

    await colibri(data, ['token', 'create', 'alice@example.org']);
    const list = await colibri(data, ['token', 'list', 'alice@example.org']);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((r) => [r[2], r[3]])).toEqual([
      ['never', 'laptop'],
      ['never', 'API token'],
    ]);
    expect(list.stdout).not.toContain(token.slice('colibri_'.length));

    const id = rows[0]![0]!;
    expect(await colibri(data, ['token', 'revoke', 'alice@example.org', id])).toMatchObject({
      code: 0,
      stdout: `Revoked API token ${id} of alice@example.org\n`,
    });
    expect((await colibri(data, ['token', 'list', 'alice@example.org'])).stdout).not.toContain(id);
  });

  it('refuses an unknown user or token (exit 1) and a bad name or command line (exit 2)', async () => {
    const { data } = await tempDirs();
    await withUser(data);
    const unknownUser = await colibri(data, ['token', 'create', 'nobody@example.org']);
    expect(unknownUser).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No user nobody@example.org/),
    });
    const unknownToken = await colibri(data, ['token', 'revoke', 'alice@example.org', 'Tnope']);
    expect(unknownToken).toMatchObject({ code: 1, stderr: expect.stringMatching(/has no API token Tnope/) });
    expect((await colibri(data, ['token', 'create', 'alice@example.org', '--name', ''])).code).toBe(2);
    expect(
      (await colibri(data, ['token', 'create', 'alice@example.org', '--name', 'x'.repeat(101)])).code,
    ).toBe(2);
    expect((await colibri(data, ['token', 'revoke', 'alice@example.org'])).code).toBe(2);
    expect((await colibri(data, ['help'])).stdout).toMatch(/token create <email> \[--name <name>\]/);
  });
});
