import { openMailStore, verifyPassword } from '@colibri/mail-store';
import { describe, expect, it } from 'vitest';
import { colibri, useTempDirs, withUser } from './helpers.js';

describe('colibri domain, user and quota commands (real store in a temp folder)', () => {
  const tempDirs = useTempDirs();

  it('adds and lists domains; refuses an invalid or duplicate one with exit code 1', async () => {
    const { data } = await tempDirs();
    expect(await colibri(data, ['domain', 'add', 'Example.ORG'])).toMatchObject({ code: 0 });
    expect((await colibri(data, ['domain', 'add', 'example.org'])).code).toBe(1);
    const bad = await colibri(data, ['domain', 'add', 'not a domain']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Invalid domain/);
    expect((await colibri(data, ['domain', 'list'])).stdout).toBe('example.org\t0 users\n');
  });

  it('creates a user with the standard mailboxes and a password the BFF accepts (same scrypt hash)', async () => {
    const { data } = await tempDirs();
    await withUser(data);
    const store = await openMailStore({ dataDir: data });
    try {
      const account = (await store.findAccountByEmail('alice@example.org'))!;
      const roles = (await store.listMailboxes(account.id)).map((m) => m.role);
      expect(roles).toEqual(['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash']);
      const hash = (await store.getPasswordHash(account.id))!;
      expect(hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
      expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    } finally {
      await store.close();
    }
    expect((await colibri(data, ['user', 'list'])).stdout).toMatch(/^alice@example.org\talice\t0 emails/);
  });

  it('refuses a user of an unknown domain, a short password, and mismatched prompts', async () => {
    const { data } = await tempDirs();
    await colibri(data, ['domain', 'add', 'example.org']);
    const unknown = await colibri(
      data,
      ['user', 'add', 'x@nowhere.org', '--password-stdin'],
      ['long enough'],
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/nowhere\.org/);
    expect((await colibri(data, ['user', 'add', 'x@example.org', '--password-stdin'], ['short'])).code).toBe(
      2,
    );
    const mismatch = await colibri(data, ['user', 'add', 'x@example.org'], ['first try!', 'second try']);
    expect(mismatch).toMatchObject({ code: 1, stderr: expect.stringMatching(/do not match/) });
  });

  it('changes a password (prompted twice) and deletes a user only with --yes', async () => {
    const { data } = await tempDirs();
    await withUser(data);
    expect(
      (await colibri(data, ['user', 'passwd', 'alice@example.org'], ['new password!', 'new password!'])).code,
    ).toBe(0);
    const store = await openMailStore({ dataDir: data });
    try {
      const account = (await store.findAccountByEmail('alice@example.org'))!;
      expect(await verifyPassword('new password!', (await store.getPasswordHash(account.id))!)).toBe(true);
    } finally {
      await store.close();
    }
    expect((await colibri(data, ['user', 'delete', 'alice@example.org'])).code).toBe(1);
    expect((await colibri(data, ['user', 'delete', 'alice@example.org', '--yes'])).code).toBe(0);
    expect((await colibri(data, ['user', 'list'])).stdout).toBe('');
    expect(
      (await colibri(data, ['user', 'passwd', 'alice@example.org', '--password-stdin'], ['whatever1']))
        .stderr,
    ).toMatch(/No user alice@example.org/);
  });

  it('makes a throw-away user with a working random password, and resets an account to empty', async () => {
    const { data } = await tempDirs();
    expect((await colibri(data, ['user', 'throwaway'])).stderr).toMatch(/No domain yet/);
    await withUser(data);
    const made = await colibri(data, ['user', 'throwaway', '--domain', 'EXAMPLE.org']);
    expect(made.code).toBe(0);
    const [email, password] = made.stdout.trim().split('\t');
    expect(email).toMatch(/^throwaway-[0-9a-f]{12}@example\.org$/);
    expect(password).toMatch(/^[\w-]{24}$/);
    // Two runs never share a user.
    const other = await colibri(data, ['user', 'throwaway']);
    expect(other.stdout.split('\t')[0]).not.toBe(email);
    // --count: several users from one run, one line each, all different.
    const batch = (await colibri(data, ['user', 'throwaway', '--count', '3'])).stdout.trim().split('\n');
    expect(batch).toHaveLength(3);
    expect(new Set(batch.map((line) => line.split('\t')[0])).size).toBe(3);
    expect((await colibri(data, ['user', 'throwaway', '--count', '0'])).code).not.toBe(0);

    await colibri(data, ['quota', 'set', 'alice@example.org', '--size', '5M']);
    let store = await openMailStore({ dataDir: data });
    try {
      const alice = (await store.findAccountByEmail('alice@example.org'))!;
      const inbox = (await store.findMailboxByRole(alice.id, 'inbox'))!;
      await store.importMessage(alice.id, {
        raw: new TextEncoder().encode('Subject: keep?\r\n\r\nno\r\n'),
        mailboxIds: [inbox.id],
      });
      await store.createMailbox(alice.id, { name: 'Projects' });
      const thrown = (await store.findAccountByEmail(email!))!;
      expect(await verifyPassword(password!, (await store.getPasswordHash(thrown.id))!)).toBe(true);
      expect((await store.listMailboxes(thrown.id)).map((m) => m.role)).toContain('inbox');
      expect((await store.getQuota(thrown.id)).usedEmails).toBe(0);
    } finally {
      await store.close();
    }

    expect((await colibri(data, ['user', 'reset', 'alice@example.org'])).code).toBe(1);
    expect((await colibri(data, ['user', 'reset', 'alice@example.org', '--yes'])).code).toBe(0);
    store = await openMailStore({ dataDir: data });
    try {
      const alice = (await store.findAccountByEmail('alice@example.org'))!;
      const quota = await store.getQuota(alice.id);
      expect(quota).toMatchObject({ usedEmails: 0, usedBytes: 0, maxBytes: 5 * 1024 * 1024 });
      expect((await store.listMailboxes(alice.id)).map((m) => m.name)).toEqual([
        'Inbox',
        'Drafts',
        'Sent',
        'Archive',
        'Junk',
        'Trash',
      ]);
      expect(await verifyPassword('correct horse battery', (await store.getPasswordHash(alice.id))!)).toBe(
        true,
      );
    } finally {
      await store.close();
    }
  });

  it('sets quotas from sizes like 500M and counts like 10k, and shows them', async () => {
    const { data } = await tempDirs();
    await withUser(data);
    const set = await colibri(data, [
      'quota',
      'set',
      'alice@example.org',
      '--size',
      '500M',
      '--count',
      '10k',
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('emails  0 of 10000');
    expect(set.stdout).toContain('size    0 B of 500.0 MiB');
    await colibri(data, ['quota', 'set', 'alice@example.org', '--count', 'unlimited']);
    expect((await colibri(data, ['quota', 'show', 'alice@example.org'])).stdout).toContain(
      'emails  0 (unlimited)',
    );
    expect((await colibri(data, ['quota', 'show', 'alice@example.org'])).stdout).toContain('of 500.0 MiB');
    expect((await colibri(data, ['quota', 'set', 'alice@example.org', '--size', '5 apples'])).code).toBe(2);
  });

  it('adds, lists and deletes aliases and catch-alls; refuses one another user owns', async () => {
    const { data } = await tempDirs();
    await withUser(data);
    expect(await colibri(data, ['alias', 'add', 'Sales@example.org', 'alice@example.org'])).toMatchObject({
      code: 0,
      stdout: 'Alias sales@example.org delivers to alice@example.org\n',
    });
    expect((await colibri(data, ['alias', 'add', '@example.org', 'alice@example.org'])).stdout).toMatch(
      /^Catch-all @example.org/,
    );
    const taken = await colibri(data, ['alias', 'add', 'alice@example.org', 'alice@example.org']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already used/);
    expect((await colibri(data, ['alias', 'list'])).stdout).toBe(
      '@example.org\talice@example.org\nsales@example.org\talice@example.org\n',
    );
    expect((await colibri(data, ['alias', 'delete', 'sales@example.org'])).code).toBe(0);
    expect((await colibri(data, ['alias', 'delete', 'sales@example.org'])).code).toBe(1);
    expect((await colibri(data, ['alias', 'list', 'alice@example.org'])).stdout).toBe(
      '@example.org\talice@example.org\n',
    );
  });

  it('prints the DKIM DNS record of a local domain, the same key every time', async () => {
    const { data } = await tempDirs();
    await colibri(data, ['domain', 'add', 'example.org']);
    const first = await colibri(data, ['dkim', 'record', 'example.org']);
    expect(first.stdout).toMatch(/^colibri\._domainkey\.example\.org\. IN TXT "v=DKIM1; k=rsa; p=/);
    expect((await colibri(data, ['dkim', 'record', 'example.org'])).stdout).toBe(first.stdout);
    expect((await colibri(data, ['dkim', 'record', 'elsewhere.org'])).code).toBe(1);
  });

  it('answers bad command lines with usage errors (exit code 2)', async () => {
    const { data } = await tempDirs();
    expect((await colibri(data, ['frobnicate'])).code).toBe(2);
    expect((await colibri(data, ['domain', 'add'])).code).toBe(2);
    expect((await colibri(data, ['domain', 'add', 'a.org', '--bogus'])).code).toBe(2);
    expect((await colibri(data, ['help'])).stdout).toContain('colibri import');
  });
});
