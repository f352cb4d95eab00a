import type { ChangesResult, Quota } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { limited, q } from './support/quota.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';

test.describe('RFC 9425 §4.3 Quota/changes', () => {
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
});
