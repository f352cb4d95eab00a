import type { Quota, QueryResult } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import { limited, q } from './support/quota.js';

test.describe('RFC 9425 §4.4-§4.5 Quota/query and Quota/queryChanges', () => {
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
});
