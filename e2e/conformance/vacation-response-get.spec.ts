import type { VacationResponse } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';

const getVacation = async (account: JmapAccount, args: Record<string, unknown> = {}) =>
  account.ok<{ state: string; list: VacationResponse[]; notFound: string[] }>('VacationResponse/get', {
    accountId: account.accountId,
    ids: null,
    ...args,
  });

test.describe('RFC 8621 §8.1 VacationResponse/get', () => {
  test('RFC 8621 §8: there is exactly one VacationResponse, id "singleton", with every property', async ({
    account,
  }) => {
    const { list } = await getVacation(account);
    expect(list).toHaveLength(1);
    expect(list[0]?.id).toBe('singleton');
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(
      'id isEnabled fromDate toDate subject textBody htmlBody'.split(' ').sort(),
    );
    const other = await getVacation(account, { ids: ['singleton', 'other'] });
    expect(other.notFound).toEqual(['other']);
  });
});
