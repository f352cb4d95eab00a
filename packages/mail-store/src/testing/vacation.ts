import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

const WEEK = 7 * 24 * 3600 * 1000;

export function describeVacation(factory: MailStoreFactory): void {
  describe('vacation response (RFC 8621 §8) and the auto-reply memory (RFC 3834 §2)', () => {
    const f = useFixture(factory);

    it('is disabled and empty until set; set logs a VacationResponse change', async () => {
      const { store, account } = f();
      expect(await store.getVacationResponse(account.id)).toEqual({
        isEnabled: false,
        fromDate: null,
        toDate: null,
        subject: null,
        textBody: null,
        htmlBody: null,
      });
      const state = await store.getState(account.id, 'VacationResponse');
      const fromDate = new Date('2026-07-01T00:00:00Z');
      await store.setVacationResponse(account.id, { isEnabled: true, fromDate, textBody: 'Away' });
      await store.setVacationResponse(account.id, { subject: 'Out of office' });
      expect(await store.getVacationResponse(account.id)).toEqual({
        isEnabled: true,
        fromDate,
        toDate: null,
        subject: 'Out of office',
        textBody: 'Away',
        htmlBody: null,
      });
      const changes = await store.getChanges(account.id, 'VacationResponse', state);
      expect(changes.updated).toEqual(['singleton']);
    });

    it('refuses a period that ends before it starts', async () => {
      const { store, account } = f();
      await expect(
        store.setVacationResponse(account.id, {
          fromDate: new Date('2026-02-01'),
          toDate: new Date('2026-01-01'),
        }),
      ).rejects.toBeInstanceOf(InvalidInputError);
    });

    it('claims one reply per sender per period, also when claimed concurrently', async () => {
      const { store, account } = f();
      const now = new Date('2026-07-02T10:00:00Z');
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => store.claimVacationReply(account.id, 'Dora@Example.net', now, WEEK)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(
        await store.claimVacationReply(
          account.id,
          'dora@example.net',
          new Date(now.getTime() + WEEK - 1),
          WEEK,
        ),
      ).toBe(false);
      expect(await store.claimVacationReply(account.id, 'eve@example.net', now, WEEK)).toBe(true);
      expect(
        await store.claimVacationReply(account.id, 'dora@example.net', new Date(now.getTime() + WEEK), WEEK),
      ).toBe(true);
    });

    it('replies again to earlier senders once the absence is switched on again or its message changes', async () => {
      const { store, account } = f();
      const now = new Date('2026-07-02T10:00:00Z');
      await store.setVacationResponse(account.id, { isEnabled: true, subject: 'Away' });
      expect(await store.claimVacationReply(account.id, 'dora@example.net', now, WEEK)).toBe(true);
      // Saving the same response again keeps the memory: no second reply within the period.
      await store.setVacationResponse(account.id, { isEnabled: true, subject: 'Away' });
      expect(await store.claimVacationReply(account.id, 'dora@example.net', now, WEEK)).toBe(false);
      await store.setVacationResponse(account.id, { textBody: 'Back on Monday, not Friday.' });
      expect(await store.claimVacationReply(account.id, 'dora@example.net', now, WEEK)).toBe(true);
      await store.setVacationResponse(account.id, { isEnabled: false });
      await store.setVacationResponse(account.id, { isEnabled: true });
      expect(await store.claimVacationReply(account.id, 'dora@example.net', now, WEEK)).toBe(true);
    });
  });
}
