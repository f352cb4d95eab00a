import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors.js';
import type { CalendarEventNotificationInput } from '../model.js';
import { calendarEventNotificationLimits as limits } from '../sqlite/calendars/event-notifications.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

const notice = (calendarEventId: string, title: string): CalendarEventNotificationInput => ({
  changedBy: {
    name: 'Dave',
    email: 'dave@remote.test',
    principalId: null,
    calendarAddress: 'mailto:dave@remote.test',
  },
  comment: 'See you there',
  type: 'updated',
  calendarEventId,
  isDraft: false,
  event: { title },
  eventPatch: { title: `${title} (moved)` },
});

/** JMAP Calendars §7 and RFC 9670 §5 notifications, through the MailStore interface. */
export function describeCalendarEventNotifications(factory: MailStoreFactory): void {
  describe('calendar event notifications (JMAP Calendars §7)', () => {
    const f = useFixture(factory);

    it('records, lists, logs and dismisses an account’s notifications', async () => {
      const { store, account, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      const before = await store.getState(account.id, 'CalendarEventNotification');
      const a = await store.recordCalendarEventNotification(account.id, notice('V1', 'Review'));
      const b = await store.recordCalendarEventNotification(account.id, notice('V2', 'Lunch'));
      expect(a).toMatchObject({ accountId: account.id, ...notice('V1', 'Review') });
      expect(a.created).toBeInstanceOf(Date);
      expect((await store.listCalendarEventNotifications(account.id)).map((n) => n.id)).toEqual([a.id, b.id]);
      expect(await store.listCalendarEventNotifications(bob.id)).toEqual([]);
      const changes = await store.getChanges(account.id, 'CalendarEventNotification', before);
      expect(changes.created).toEqual([a.id, b.id]);

      await expect(store.destroyCalendarEventNotification(bob.id, a.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await store.destroyCalendarEventNotification(account.id, a.id);
      await store.dismissCalendarEventNotificationsAbout(account.id, 'V2');
      expect(await store.listCalendarEventNotifications(account.id)).toEqual([]);
      const after = await store.getChanges(account.id, 'CalendarEventNotification', changes.newState);
      expect(new Set(after.destroyed)).toEqual(new Set([a.id, b.id]));
    });

    it('keeps at most maxPerAccount, the oldest going first', async () => {
      const { store, account } = f();
      const saved = limits.maxPerAccount;
      limits.maxPerAccount = 2;
      try {
        const first = await store.recordCalendarEventNotification(account.id, notice('V1', 'One'));
        await store.recordCalendarEventNotification(account.id, notice('V1', 'Two'));
        await store.recordCalendarEventNotification(account.id, notice('V1', 'Three'));
        const list = await store.listCalendarEventNotifications(account.id);
        expect(list.map((n) => n.event.title)).toEqual(['Two', 'Three']);
        expect(list.map((n) => n.id)).not.toContain(first.id);
      } finally {
        limits.maxPerAccount = saved;
      }
    });

    it('tells a calendar’s grantee of its share, with the calendar’s right names (RFC 9670 §5)', async () => {
      const { store, account, addAccount } = f();
      const { account: bob } = await addAccount('bob');
      const [calendar] = await store.listCalendars(account.id);
      const rights = { mayReadFreeBusy: true, mayReadItems: false };
      await store.setCollectionShares(
        account.id,
        'calendar',
        calendar!.id,
        new Map([[bob.id, rights]]),
        account.id,
      );
      const [told] = await store.listShareNotifications(bob.id);
      expect(told).toMatchObject({
        objectType: 'Calendar',
        objectAccountId: account.id,
        objectId: calendar!.id,
        name: calendar!.name,
        oldRights: null,
        newRights: { mayReadFreeBusy: true, mayReadItems: false, mayWriteAll: false, mayAdmin: false },
        changedBy: { principalId: account.id },
      });
    });
  });
}
