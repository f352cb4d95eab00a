import { describe, expect, it } from 'vitest';
import { QuotaExceededError } from '../errors.js';
import { rawMessage, useFixture, type MailStoreFactory } from './fixture.js';

export function describeQuota(factory: MailStoreFactory): void {
  describe('quotas (per account)', () => {
    const f = useFixture(factory);

    it('has no limits unless set, and counts emails and their sizes', async () => {
      const { store, account, importMail } = f();
      expect(await store.getQuota(account.id)).toEqual({
        maxEmails: null,
        maxBytes: null,
        usedEmails: 0,
        usedBytes: 0,
      });
      const one = await importMail({ Subject: 'one' }, { body: 'first' });
      const two = await importMail({ Subject: 'two' }, { body: 'second, a bit longer' });
      expect(await store.getQuota(account.id)).toMatchObject({
        maxEmails: null,
        maxBytes: null,
        usedEmails: 2,
        usedBytes: one.size + two.size,
      });
      await store.destroyEmails(account.id, [one.id]);
      expect(await store.getQuota(account.id)).toMatchObject({ usedEmails: 1, usedBytes: two.size });
    });

    it('keeps usage per account', async () => {
      const { store, importMail, addAccount } = f();
      const bob = await addAccount('bob');
      await importMail({ Subject: 'for alice' });
      expect(await store.getQuota(bob.account.id)).toMatchObject({ usedEmails: 0, usedBytes: 0 });
    });

    it('sets and clears limits', async () => {
      const { store, account } = f();
      await store.setQuota(account.id, { maxEmails: 10, maxBytes: 5000 });
      expect(await store.getQuota(account.id)).toMatchObject({ maxEmails: 10, maxBytes: 5000 });
      await store.setQuota(account.id, { maxEmails: null, maxBytes: null });
      expect(await store.getQuota(account.id)).toMatchObject({ maxEmails: null, maxBytes: null });
      await expect(store.setQuota(account.id, { maxEmails: -1, maxBytes: null })).rejects.toMatchObject({
        code: 'invalid',
      });
    });

    it('refuses the email over the count limit and stores nothing', async () => {
      const { store, account, inbox, importMail } = f();
      await store.setQuota(account.id, { maxEmails: 2, maxBytes: null });
      await importMail({ Subject: 'a' });
      await importMail({ Subject: 'b' });
      const before = {
        quota: await store.getQuota(account.id),
        state: await store.getState(account.id, 'Email'),
        counts: await store.getMailboxCounts(account.id, [inbox.id]),
      };
      const refused = importMail({ Subject: 'c' }, { body: 'quotaneedle' });
      await expect(refused).rejects.toBeInstanceOf(QuotaExceededError);
      await expect(refused).rejects.toMatchObject({ code: 'overQuota', limit: 'maxEmails', max: 2 });
      expect(await store.getQuota(account.id)).toEqual(before.quota);
      expect(await store.getState(account.id, 'Email')).toBe(before.state);
      expect(await store.getMailboxCounts(account.id, [inbox.id])).toEqual(before.counts);
      expect((await store.queryEmails(account.id, { filter: { text: 'quotaneedle' } })).ids).toEqual([]);
      // Room again after a destroy.
      const [first] = (await store.queryEmails(account.id, {})).ids;
      await store.destroyEmails(account.id, [first!]);
      await expect(importMail({ Subject: 'c' })).resolves.toMatchObject({ subject: 'c' });
    });

    it('refuses the email over the size limit, saying whether it could ever fit', async () => {
      const { store, account, inbox, importMail } = f();
      const small = rawMessage({ Subject: 'small' }, 'x'.repeat(100));
      await store.setQuota(account.id, { maxEmails: null, maxBytes: small.byteLength * 2 });
      await importMail({ Subject: 'small' }, { body: 'x'.repeat(100) });
      // Fits the quota alone, not on top of what is there: full for now.
      await expect(
        store.importMessage(account.id, {
          raw: rawMessage({ Subject: 'next' }, 'y'.repeat(150)),
          mailboxIds: [inbox.id],
        }),
      ).rejects.toMatchObject({ code: 'overQuota', limit: 'maxBytes', max: small.byteLength * 2 });
      // Larger than the whole quota: it never fits.
      const huge = rawMessage({ Subject: 'huge' }, 'z'.repeat(small.byteLength * 3));
      const error = (await store
        .importMessage(account.id, { raw: huge, mailboxIds: [inbox.id] })
        .catch((e: unknown) => e)) as QuotaExceededError;
      expect(error).toBeInstanceOf(QuotaExceededError);
      expect(error.requested).toBe(huge.byteLength);
      expect(error.requested).toBeGreaterThan(error.max);
      expect(await store.getQuota(account.id)).toMatchObject({ usedEmails: 1, usedBytes: small.byteLength });
    });

    it('accepts exactly up to the limits', async () => {
      const { store, account, inbox } = f();
      const raw = rawMessage({ Subject: 'exact' }, 'body');
      await store.setQuota(account.id, { maxEmails: 1, maxBytes: raw.byteLength });
      await expect(store.importMessage(account.id, { raw, mailboxIds: [inbox.id] })).resolves.toBeDefined();
      expect(await store.getQuota(account.id)).toEqual({
        maxEmails: 1,
        maxBytes: raw.byteLength,
        usedEmails: 1,
        usedBytes: raw.byteLength,
      });
    });

    it('does not overshoot a limit with concurrent imports', async () => {
      const { store, account, importMail } = f();
      await store.setQuota(account.id, { maxEmails: 3, maxBytes: null });
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => importMail({ Subject: `race ${i}` }, { body: `race ${i}` })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect(await store.getQuota(account.id)).toMatchObject({ usedEmails: 3 });
      expect((await store.queryEmails(account.id, {})).total).toBe(3);
    });
  });
}
