import { openMailStore } from '@colibri/mail-store';
import { describe, expect, it } from 'vitest';
import { colibri, useTempDirs, withUser } from './helpers.js';

describe('colibri resource add, list and delete (real store in a temp folder)', () => {
  const tempDirs = useTempDirs();

  it('creates a room and approval equipment, lists them (not as users), deletes one with --yes', async () => {
    const { data } = await tempDirs();
    await withUser(data);
    expect(
      await colibri(data, [
        'resource',
        'add',
        'Room.Azur@example.org',
        '--name',
        'Salle Azur',
        '--kind',
        'room',
      ]),
    ).toMatchObject({ code: 0, stdout: 'Created room room.azur@example.org (Salle Azur), policy auto\n' });
    const beamer = await colibri(data, [
      'resource',
      'add',
      'beamer@example.org',
      '--name',
      'Beamer',
      '--kind',
      'equipment',
      '--policy',
      'approval',
      '--approver',
      'alice@example.org',
    ]);
    expect(beamer).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('approved by alice@example.org'),
    });

    expect((await colibri(data, ['resource', 'list'])).stdout).toBe(
      'beamer@example.org\tequipment\tapproval\talice@example.org\tBeamer\n' +
        'room.azur@example.org\troom\tauto\t-\tSalle Azur\n',
    );
    expect((await colibri(data, ['user', 'list'])).stdout).not.toContain('room.azur');

    const store = await openMailStore({ dataDir: data });
    try {
      const account = await store.findAccountByEmail('beamer@example.org');
      expect(await store.getResource(account!.id)).toMatchObject({ kind: 'equipment', policy: 'approval' });
      const alice = await store.findAccountByEmail('alice@example.org');
      expect((await store.listCollectionSharesWith(alice!.id)).map((s) => s.accountId)).toEqual([
        account!.id,
      ]);
    } finally {
      await store.close();
    }

    expect(await colibri(data, ['resource', 'delete', 'room.azur@example.org'])).toMatchObject({ code: 1 });
    expect(await colibri(data, ['resource', 'delete', 'room.azur@example.org', '--yes'])).toMatchObject({
      code: 0,
      stdout: 'Deleted room room.azur@example.org\n',
    });
    expect((await colibri(data, ['resource', 'list'])).stdout).not.toContain('room.azur');
  });

  it('refuses bad options (exit 2), a user as a resource to delete and an unknown approver (exit 1)', async () => {
    const { data } = await tempDirs();
    await withUser(data);
    const add = (...args: string[]) => colibri(data, ['resource', 'add', 'r@example.org', ...args]);
    expect(await add('--kind', 'room')).toMatchObject({ code: 2, stderr: expect.stringContaining('--name') });
    expect(await add('--name', 'R', '--kind', 'car')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('room, equipment'),
    });
    expect(await add('--name', 'R', '--kind', 'room', '--policy', 'approval')).toMatchObject({ code: 2 });
    expect(await add('--name', 'R', '--kind', 'room', '--approver', 'nobody@example.org')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No user nobody@example.org'),
    });
    expect(
      await colibri(data, ['resource', 'add', 'r@nowhere.test', '--name', 'R', '--kind', 'room']),
    ).toMatchObject({ code: 1 });
    expect(await colibri(data, ['resource', 'delete', 'alice@example.org', '--yes'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No resource alice@example.org'),
    });
    expect((await colibri(data, ['resource', 'list'])).stdout).toBe('');
  });
});
