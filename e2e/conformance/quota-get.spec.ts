import type { Quota } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { limited, q } from './support/quota.js';
import { runCli } from './support/cli.js';
import { expectMethodError } from './support/expect-jmap.js';
import { mailboxesByRole, rfc822 } from './support/mail.js';

test.describe('RFC 9425 §4.2 Quota/get', () => {
  test('RFC 9425 §3: the quota capability is in the Session and the account', async ({ account }) => {
    expect(account.session.capabilities).toHaveProperty(['urn:ietf:params:jmap:quota']);
    expect(account.session.accounts[account.accountId]?.accountCapabilities).toHaveProperty([
      'urn:ietf:params:jmap:quota',
    ]);
  });

  test('RFC 9425 §4.1-§4.2: Quota/get lists the quotas with every property', async ({ account, server }) => {
    await limited(account, server);
    const result = await q(account, 'Quota/get', { ids: null });
    const list = result.list as Quota[];
    expect(list.length).toBeGreaterThan(0);
    for (const quota of list) {
      expect(quota).toMatchObject({
        id: expect.any(String),
        resourceType: expect.stringMatching(/^(count|octets)$/),
        used: expect.any(Number),
        hardLimit: expect.any(Number),
        scope: expect.stringMatching(/^(account|domain|global)$/),
        name: expect.any(String),
        types: expect.arrayContaining(['Email']),
      });
    }
    const count = list.find((quota) => quota.resourceType === 'count');
    expect(count?.hardLimit).toBe(100);
    const octets = list.find((quota) => quota.resourceType === 'octets');
    expect(octets?.hardLimit).toBeGreaterThan(0);
    expect((await q(account, 'Quota/get', { ids: ['nope'] })).notFound).toEqual(['nope']);
  });

  test('RFC 9425 §5: an import beyond the count limit is refused with overQuota', async ({
    account,
    server,
  }) => {
    await limited(account, server);
    const { inbox } = await mailboxesByRole(account);
    const { list } = await q(account, 'Quota/get', { ids: null });
    const used = (list as Quota[]).find((quota) => quota.resourceType === 'count')?.used ?? 0;
    await runCli(server.dataDir, ['quota', 'set', account.email, '--count', String(used)]);
    const { blobId } = await account.upload(rfc822(), 'message/rfc822');
    const result = await q(account, 'Email/import', {
      emails: { i: { blobId, mailboxIds: { [inbox!]: true } } },
    });
    expect((result.notCreated as Record<string, { type: string }>).i?.type).toBe('overQuota');
    await runCli(server.dataDir, ['quota', 'set', account.email, '--count', '100']);
  });

  test('RFC 8620 §5.1: an unknown Quota property answers invalidArguments', async ({ account }) => {
    expectMethodError(
      await account.invoke('Quota/get', { accountId: account.accountId, ids: null, properties: ['colour'] }),
      'invalidArguments',
    );
  });
});
