import type { VacationResponse } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import type { SetResponse } from './support/set.js';

const getVacation = async (account: JmapAccount, args: Record<string, unknown> = {}) =>
  account.ok<{ state: string; list: VacationResponse[]; notFound: string[] }>('VacationResponse/get', {
    accountId: account.accountId,
    ids: null,
    ...args,
  });

const setVacation = (account: JmapAccount, args: Record<string, unknown>) =>
  account.ok<SetResponse>('VacationResponse/set', { accountId: account.accountId, ...args });

test.describe('RFC 8621 §8.2 VacationResponse/set', () => {
  test('RFC 8621 §8.2: the singleton is updated; the state moves on', async ({ account }) => {
    const before = await getVacation(account);
    const away = {
      isEnabled: true,
      fromDate: '2026-07-01T00:00:00Z',
      toDate: '2026-07-15T00:00:00Z',
      subject: 'Away',
      textBody: 'Back on the 15th.',
      htmlBody: null,
    };
    const result = await setVacation(account, { update: { singleton: away } });
    expect(result.updated).toHaveProperty('singleton');
    expect(result.oldState).toBe(before.state);
    const after = await getVacation(account);
    expect(after.state).not.toBe(before.state);
    expect(after.list[0]).toEqual({ id: 'singleton', ...away });
  });

  test('RFC 8620 §5.3: creating or destroying the singleton is the singleton SetError', async ({
    account,
  }) => {
    const result = await setVacation(account, {
      create: { v: { isEnabled: false } },
      destroy: ['singleton'],
    });
    expect(result.notCreated?.v?.type).toBe('singleton');
    expect(result.notDestroyed?.singleton?.type).toBe('singleton');
  });

  test('RFC 8621 §8.2: an id other than singleton is notFound; a bad value is invalidProperties', async ({
    account,
  }) => {
    const result = await setVacation(account, {
      update: { other: { isEnabled: true } },
    });
    expect(result.notUpdated?.other?.type).toBe('notFound');
    const bad = await setVacation(account, { update: { singleton: { isEnabled: 'yes' } } });
    expect(bad.notUpdated?.singleton).toMatchObject({ type: 'invalidProperties', properties: ['isEnabled'] });
  });

  test('RFC 8621 §8: fromDate and toDate are UTCDates; anything else is invalidProperties', async ({
    account,
  }) => {
    const result = await setVacation(account, { update: { singleton: { fromDate: 'next Monday' } } });
    expect(result.notUpdated?.singleton).toMatchObject({
      type: 'invalidProperties',
      properties: ['fromDate'],
    });
  });
});
