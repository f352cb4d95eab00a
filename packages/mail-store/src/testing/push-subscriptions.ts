import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { pushSubscriptionLimits } from '../sqlite/push-subscriptions.js';
import type { PushSubscriptionInput } from '../sqlite/push-subscriptions.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

const input = (overrides: Partial<PushSubscriptionInput> = {}): PushSubscriptionInput => ({
  deviceClientId: 'phone-1',
  url: 'https://push.example.test/abc',
  keys: null,
  verificationCode: 'code-1',
  expires: new Date('2030-01-01T00:00:00Z'),
  types: null,
  ...overrides,
});

export function describePushSubscriptions(factory: MailStoreFactory): void {
  describe('push subscriptions (RFC 8620 §7.2)', () => {
    const f = useFixture(factory);

    it('creates unverified, lists, verifies, updates expires and types, destroys', async () => {
      const { store, account } = f();
      expect(await store.listPushSubscriptions(account.id)).toEqual([]);
      const keys = { p256dh: 'BPUBLIC', auth: 'AUTH' };
      const created = await store.createPushSubscription(account.id, input({ keys, types: ['Email'] }));
      expect(created).toMatchObject({ ownerId: account.id, verified: false, keys, types: ['Email'] });
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
      expect(await store.listPushSubscriptions(account.id)).toEqual([created]);
      const expires = new Date('2031-01-01T00:00:00Z');
      const updated = await store.updatePushSubscription(account.id, created.id, {
        verified: true,
        expires,
        types: null,
      });
      expect(updated).toEqual({ ...created, verified: true, expires, types: null });
      expect(await store.listPushSubscriptions(account.id)).toEqual([updated]);
      await store.destroyPushSubscription(account.id, created.id);
      expect(await store.listPushSubscriptions(account.id)).toEqual([]);
    });

    it('belongs to its owner only: another owner neither sees nor changes it', async () => {
      const { store, account } = f();
      const other = await store.createAccount({
        email: 'bob2@example.test',
        displayName: 'bob2',
        passwordHash: 'x',
      });
      const created = await store.createPushSubscription(account.id, input());
      expect(await store.listPushSubscriptions(other.id)).toEqual([]);
      await expect(
        store.updatePushSubscription(other.id, created.id, { verified: true }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.destroyPushSubscription(other.id, created.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await store.listPushSubscriptions(account.id))[0]?.verified).toBe(false);
    });

    it(`refuses more than ${pushSubscriptionLimits.maxPerOwner} per owner and an empty deviceClientId`, async () => {
      const { store, account } = f();
      await expect(
        store.createPushSubscription(account.id, input({ deviceClientId: '' })),
      ).rejects.toBeInstanceOf(InvalidInputError);
      for (let i = 0; i < pushSubscriptionLimits.maxPerOwner; i++)
        await store.createPushSubscription(account.id, input({ deviceClientId: `d${i}` }));
      await expect(store.createPushSubscription(account.id, input())).rejects.toBeInstanceOf(
        InvalidInputError,
      );
      expect(await store.listPushSubscriptions(account.id)).toHaveLength(pushSubscriptionLimits.maxPerOwner);
    });
  });
}
