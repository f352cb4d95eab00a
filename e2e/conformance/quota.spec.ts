import type { ChangesResult, Quota, QueryResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { ConformanceServer } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { runCli } from './support/cli.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

const q = (account: JmapAccount, method: string, args: Record<string, unknown>) =>
  account.ok<Record<string, unknown>>(method, { accountId: account.accountId, ...args });

// The operator's limits, set with the CLI as an administrator would: 100 emails, 10 MB.
const limitedAccounts = new WeakSet<JmapAccount>();
async function limited(account: JmapAccount, server: ConformanceServer): Promise<void> {
  if (limitedAccounts.has(account)) return;
  await runCli(server.dataDir, ['quota', 'set', account.email, '--count', '100', '--size', '10M']);
  limitedAccounts.add(account);
}

test.describe('RFC 9425 Quota', () => {
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

  test('RFC 9425 §4.1: used counts the account’s mail; Quota/changes reports the change', async ({
    account,
    server,
  }) => {
    await limited(account, server);
    const before = await q(account, 'Quota/get', { ids: null });
    const usedCount = (before.list as Quota[]).find((quota) => quota.resourceType === 'count')?.used ?? 0;
    const { inbox } = await mailboxesByRole(account);
    await importMessage(account, rfc822(), [inbox!]);
    const after = await q(account, 'Quota/get', { ids: null });
    const count = (after.list as Quota[]).find((quota) => quota.resourceType === 'count');
    expect(count?.used).toBe(usedCount + 1);
    const changes = (await q(account, 'Quota/changes', {
      sinceState: before.state,
    })) as unknown as ChangesResult;
    expect(changes.oldState).toBe(before.state);
    expect(changes.newState).toBe(after.state);
    expect(changes.updated).toContain(count?.id);
  });

  test('RFC 9425 §4.4-§4.5: Quota/query filters by resourceType and sorts by name; queryChanges answers', async ({
    account,
    server,
  }) => {
    await limited(account, server);
    const all = (await q(account, 'Quota/query', { sort: [{ property: 'name' }] })) as unknown as QueryResult;
    const { list } = await q(account, 'Quota/get', { ids: all.ids, properties: ['name', 'resourceType'] });
    const names = (list as Quota[]).map((quota) => quota.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const octets = (await q(account, 'Quota/query', {
      filter: { resourceType: 'octets' },
    })) as unknown as QueryResult;
    expect(octets.ids).toEqual(
      (list as Quota[]).filter((quota) => quota.resourceType === 'octets').map((x) => x.id),
    );
    const changes = await q(account, 'Quota/queryChanges', {
      sinceQueryState: all.queryState,
      sort: [{ property: 'name' }],
    });
    expect(changes).toMatchObject({ oldQueryState: all.queryState, removed: [], added: [] });
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
