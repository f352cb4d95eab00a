import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';
import { startPushReceiver } from './support/push-receiver.js';
import type { PushReceiver } from './support/push-receiver.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

// RFC 8620 §7.2: PushSubscription methods take no accountId: they act on the user's own.
const setPush = (account: JmapAccount, args: Record<string, unknown>) =>
  account.ok<SetResponse>('PushSubscription/set', args);

/** The messages of a type the receiver got, once there is at least one. */
async function messagesOf(receiver: PushReceiver, type: string): Promise<Record<string, unknown>[]> {
  const ofType = () => receiver.received.filter((m) => (m as { '@type'?: string })['@type'] === type);
  await expect.poll(() => ofType().length, { timeout: 10_000, intervals: [50] }).toBeGreaterThan(0);
  return ofType() as Record<string, unknown>[];
}

test.describe('RFC 8620 §7.2 PushSubscription', () => {
  let receiver: PushReceiver;
  test.beforeEach(async () => {
    receiver = await startPushReceiver();
  });
  test.afterEach(async () => {
    await receiver.close();
  });

  test('RFC 8620 §7.2.2: a new subscription is verified with a PushVerification POSTed to its url', async ({
    account,
  }) => {
    const result = await setPush(account, {
      create: { p: { deviceClientId: 'device-1', url: receiver.url, types: ['Email'] } },
    });
    const id = createdId(result, 'p');
    const [verification] = await messagesOf(receiver, 'PushVerification');
    expect(verification).toEqual({
      '@type': 'PushVerification',
      pushSubscriptionId: id,
      verificationCode: expect.any(String),
    });

    // A wrong code is refused; the right one verifies the subscription.
    const wrong = await setPush(account, { update: { [id]: { verificationCode: 'wrong' } } });
    expect(wrong.notUpdated?.[id]?.type).toBe('invalidProperties');
    const right = await setPush(account, {
      update: { [id]: { verificationCode: verification!.verificationCode } },
    });
    expect(right.updated).toHaveProperty(id);

    // §7.2: once verified, a change of a subscribed type is pushed as a StateChange.
    const { inbox } = await mailboxesByRole(account);
    await importMessage(account, rfc822(), [inbox!]);
    const [change] = await messagesOf(receiver, 'StateChange');
    const changed = (change as { changed: Record<Id, Record<string, string>> }).changed;
    expect(Object.keys(changed)).toEqual([account.accountId]);
    // Only the types asked for.
    expect(Object.keys(changed[account.accountId] ?? {})).toEqual(['Email']);
  });

  test('RFC 8620 §7.2.1: get lists the subscriptions but never url or keys', async ({ account }) => {
    const id = createdId(
      await setPush(account, {
        create: { p: { deviceClientId: 'device-2', url: receiver.url, types: null } },
      }),
      'p',
    );
    const { list } = await account.ok<{ list: Record<string, unknown>[] }>('PushSubscription/get', {
      ids: [id],
    });
    expect(list[0]).toMatchObject({ id, deviceClientId: 'device-2', types: null });
    expect(list[0]).not.toHaveProperty('url');
    expect(list[0]).not.toHaveProperty('keys');
    expectMethodError(
      await account.invoke('PushSubscription/get', { ids: [id], properties: ['url'] }),
      'forbidden',
    );
  });

  test('RFC 8620 §7.2.2: url and deviceClientId are immutable; destroy removes the subscription', async ({
    account,
  }) => {
    const id = createdId(
      await setPush(account, { create: { p: { deviceClientId: 'device-3', url: receiver.url } } }),
      'p',
    );
    const moved = await setPush(account, { update: { [id]: { url: 'https://example.org/other' } } });
    expect(moved.notUpdated?.[id]?.type).toBe('invalidProperties');
    const destroyed = await setPush(account, { destroy: [id] });
    expect(destroyed.destroyed).toEqual([id]);
    const { notFound } = await account.ok<{ notFound: Id[] }>('PushSubscription/get', { ids: [id] });
    expect(notFound).toEqual([id]);
  });

  test('RFC 8620 §7.2.2: a create with a verificationCode or without a url is invalidProperties', async ({
    account,
  }) => {
    const result = await setPush(account, {
      create: {
        code: { deviceClientId: 'd', url: receiver.url, verificationCode: 'mine' },
        noUrl: { deviceClientId: 'd' },
      },
    });
    expect(result.notCreated?.code?.type).toBe('invalidProperties');
    expect(result.notCreated?.noUrl?.type).toBe('invalidProperties');
  });

  test('RFC 8620 §7.2: expires in the past is refused; a far one may be shortened and is then returned', async ({
    account,
  }) => {
    const past = await setPush(account, {
      create: { p: { deviceClientId: 'd', url: receiver.url, expires: '2000-01-01T00:00:00Z' } },
    });
    expect(past.notCreated?.p?.type).toBe('invalidProperties');
    const far = '2999-01-01T00:00:00Z';
    const result = await setPush(account, {
      create: { p: { deviceClientId: 'd', url: receiver.url, expires: far } },
    });
    const id = createdId(result, 'p');
    const { list } = await account.ok<{ list: { expires: string | null }[] }>('PushSubscription/get', {
      ids: [id],
      properties: ['expires'],
    });
    // §7.2.2: when the server changes expires, it says so in the created object.
    if (list[0]?.expires !== far) expect(result.created?.p?.expires).toBe(list[0]?.expires);
  });
});
