import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, ForbiddenError, NotFoundError, StoreError, TooLargeError } from '../errors.js';
import type { CalendarEventInput } from '../mail-store.js';
import type { CalendarId } from '../model.js';
import { calendarLimits } from '../sqlite/calendars/calendars.js';
import { calendarEventLimits } from '../sqlite/calendars/calendar-events.js';
import { useFixture, type MailStoreFactory } from './fixture.js';

const at = (text: string) => new Date(text);

function eventInput(
  calendarId: CalendarId,
  uid: string,
  start: string,
  end: string | null,
): CalendarEventInput {
  return {
    calendarIds: [calendarId],
    uid,
    utcStart: at(start),
    utcEnd: end === null ? null : at(end),
    data: { '@type': 'Event', uid, title: uid, start: start.slice(0, 19) },
  };
}

export function describeCalendars(factory: MailStoreFactory): void {
  describe('calendars and events', () => {
    const f = useFixture(factory);

    it('gives every account one default calendar, which cannot be destroyed', async () => {
      const { store, account } = f();
      const [calendar, ...others] = await store.listCalendars(account.id);
      expect(others).toEqual([]);
      expect(calendar).toMatchObject({ isDefault: true, isVisible: true, includeInAvailability: 'all' });
      await expect(store.destroyCalendar(account.id, calendar!.id)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it('creates, updates and destroys calendars, logging Calendar changes', async () => {
      const { store, account } = f();
      const state = await store.getState(account.id, 'Calendar');
      const work = await store.createCalendar(account.id, { name: 'Work', color: '#3366ff' });
      await store.updateCalendar(account.id, work.id, { name: 'Office', isVisible: false });
      expect((await store.listCalendars(account.id)).find((c) => c.id === work.id)).toMatchObject({
        name: 'Office',
        color: '#3366ff',
        isVisible: false,
        isDefault: false,
      });
      const changes = await store.getChanges(account.id, 'Calendar', state);
      expect(changes.created).toEqual([work.id]);
      await store.setDefaultCalendar(account.id, work.id);
      const defaults = (await store.listCalendars(account.id)).filter((c) => c.isDefault);
      expect(defaults.map((c) => c.id)).toEqual([work.id]);
      await expect(store.createCalendar(account.id, { name: ' ' })).rejects.toMatchObject({
        property: 'name',
      });
      await expect(store.updateCalendar(account.id, 'Cnope' as CalendarId, {})).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('refuses calendars beyond the per-account limit (overQuota)', async () => {
      const { store, account } = f();
      for (let i = 1; i < calendarLimits.maxPerAccount; i += 1)
        await store.createCalendar(account.id, { name: `c${i}` });
      await expect(store.createCalendar(account.id, { name: 'one too many' })).rejects.toMatchObject({
        code: 'overQuota',
      });
    });

    it('stores events with their document and answers range queries by the series span', async () => {
      const { store, account } = f();
      const [calendar] = await store.listCalendars(account.id);
      const state = await store.getState(account.id, 'CalendarEvent');
      const march = await store.createCalendarEvent(
        account.id,
        eventInput(calendar!.id, 'march', '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'),
      );
      const weekly = await store.createCalendarEvent(
        account.id,
        eventInput(calendar!.id, 'weekly', '2026-01-05T08:00:00Z', null),
      );
      await store.createCalendarEvent(
        account.id,
        eventInput(calendar!.id, 'june', '2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z'),
      );
      expect((await store.getCalendarEvents(account.id, [march.id]))[0]).toMatchObject({
        uid: 'march',
        calendarIds: [calendar!.id],
        data: { title: 'march' },
      });
      const inMarch = await store.queryCalendarEvents(account.id, {
        after: at('2026-03-01T00:00:00Z'),
        before: at('2026-04-01T00:00:00Z'),
      });
      // The open-ended series overlaps every range after its start; ordered by start.
      expect(inMarch.map((e) => e.uid)).toEqual(['weekly', 'march']);
      expect(
        (await store.queryCalendarEvents(account.id, { before: at('2026-01-01T00:00:00Z') })).map(
          (e) => e.uid,
        ),
      ).toEqual([]);
      expect((await store.queryCalendarEvents(account.id, { uid: 'june' })).map((e) => e.uid)).toEqual([
        'june',
      ]);
      const changes = await store.getChanges(account.id, 'CalendarEvent', state);
      expect(changes.created).toHaveLength(3);
      await store.updateCalendarEvent(account.id, weekly.id, { utcEnd: at('2026-02-01T00:00:00Z') });
      const stillMarch = await store.queryCalendarEvents(account.id, {
        after: at('2026-03-01T00:00:00Z'),
        before: at('2026-04-01T00:00:00Z'),
      });
      expect(stillMarch.map((e) => e.uid)).toEqual(['march']);
    });

    it('keeps uids unique per account, and accounts apart', async () => {
      const { store, account, addAccount } = f();
      const [calendar] = await store.listCalendars(account.id);
      const first = await store.createCalendarEvent(
        account.id,
        eventInput(calendar!.id, 'same', '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'),
      );
      const again = store.createCalendarEvent(
        account.id,
        eventInput(calendar!.id, 'same', '2026-03-11T09:00:00Z', '2026-03-11T10:00:00Z'),
      );
      await expect(again).rejects.toBeInstanceOf(AlreadyExistsError);
      await expect(again).rejects.toMatchObject({ existingId: first.id });
      const bob = await addAccount('bob');
      const [bobs] = await store.listCalendars(bob.account.id);
      await store.createCalendarEvent(
        bob.account.id,
        eventInput(bobs!.id, 'same', '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'),
      );
      expect(await store.getCalendarEvents(bob.account.id, [first.id])).toEqual([]);
      // Another account's calendar is not one of Alice's.
      await expect(
        store.createCalendarEvent(account.id, eventInput(bobs!.id, 'x', '2026-03-10T09:00:00Z', null)),
      ).rejects.toMatchObject({ code: 'notFound', property: 'calendarIds' });
    });

    it('refuses an event document over the size limit and a span that ends before it starts', async () => {
      const { store, account } = f();
      const [calendar] = await store.listCalendars(account.id);
      const big = eventInput(calendar!.id, 'big', '2026-03-10T09:00:00Z', null);
      big.data = { ...big.data, description: 'x'.repeat(calendarEventLimits.maxDataOctets) };
      await expect(store.createCalendarEvent(account.id, big)).rejects.toMatchObject({
        code: 'tooLarge',
        property: 'data',
      });
      await expect(
        store.createCalendarEvent(
          account.id,
          eventInput(calendar!.id, 'back', '2026-03-10T09:00:00Z', '2026-03-10T08:00:00Z'),
        ),
      ).rejects.toMatchObject({ property: 'utcEnd' });
      expect(TooLargeError.prototype).toBeInstanceOf(StoreError);
    });

    it('destroys a calendar with its events only when asked; shared events just leave it', async () => {
      const { store, account } = f();
      const [home] = await store.listCalendars(account.id);
      const work = await store.createCalendar(account.id, { name: 'Work' });
      const only = await store.createCalendarEvent(
        account.id,
        eventInput(work.id, 'only', '2026-03-10T09:00:00Z', '2026-03-10T10:00:00Z'),
      );
      const both = await store.createCalendarEvent(account.id, {
        ...eventInput(work.id, 'both', '2026-03-11T09:00:00Z', '2026-03-11T10:00:00Z'),
        calendarIds: [work.id, home!.id],
      });
      await expect(store.destroyCalendar(account.id, work.id)).rejects.toMatchObject({ code: 'invalid' });
      const state = await store.getState(account.id, 'CalendarEvent');
      const result = await store.destroyCalendar(account.id, work.id, { removeEvents: true });
      expect(result).toEqual({ destroyedEvents: [only.id], updatedEvents: [both.id] });
      expect(
        (await store.getCalendarEvents(account.id, [only.id, both.id])).map((e) => e.calendarIds),
      ).toEqual([[home!.id]]);
      const changes = await store.getChanges(account.id, 'CalendarEvent', state);
      expect(changes).toMatchObject({ destroyed: [only.id], updated: [both.id] });
      expect(await store.destroyCalendarEvents(account.id, [both.id, only.id])).toEqual({
        destroyed: [both.id],
        notFound: [only.id],
      });
    });

    it('deletes calendars and events with the account', async () => {
      const { store, addAccount } = f();
      const carol = await addAccount('carol');
      const [calendar] = await store.listCalendars(carol.account.id);
      await store.createCalendarEvent(
        carol.account.id,
        eventInput(calendar!.id, 'c', '2026-03-10T09:00:00Z', null),
      );
      await store.deleteAccount(carol.account.id);
      expect(await store.listCalendars(carol.account.id)).toEqual([]);
    });
  });
}
