import type { AccountId, CalendarEventRecord } from '@colibri/mail-store';
import type { MethodContext } from '../../method-context.js';
import type { EventWriters } from '../../scheduling/after-write.js';
import { localAuthor, notifyEventChange } from '../../scheduling/notify.js';

/**
 * Wraps CalendarEvent/set's writers for JMAP Calendars §7. A write by someone other than the
 * account's owner (a sharee, a delegate) is notified to the owner, with the event before and the
 * patch to after. A write by the owner dismisses the notifications about that event (§7.1: they
 * have seen it, e.g. answered the invitation). `baseIdOf` maps an occurrence id to its event's.
 */
export function withNotifications<E>(
  ctx: MethodContext,
  accountId: AccountId,
  writers: EventWriters<E>,
  baseIdOf: (id: string) => string | null,
): EventWriters<E> {
  const read = async (id: string | null | undefined): Promise<CalendarEventRecord | undefined> =>
    id ? (await ctx.store.getCalendarEvents(accountId, [id]))[0] : undefined;
  if (accountId === ctx.principal.accountId) {
    const dismiss = async (id: string) => {
      const base = baseIdOf(id);
      if (base !== null) await ctx.store.dismissCalendarEventNotificationsAbout(accountId, base);
    };
    return {
      create: writers.create,
      update: async (id, patch) => {
        const error = await writers.update(id, patch);
        if (error === null) await dismiss(id);
        return error;
      },
      destroy: async (id) => {
        const error = await writers.destroy(id);
        if (error === null) await dismiss(id);
        return error;
      },
    };
  }
  const notify = async (before: CalendarEventRecord | undefined, after: CalendarEventRecord | undefined) =>
    notifyEventChange(ctx, accountId, before, after, await localAuthor(ctx.store, ctx.principal.accountId));
  return {
    create: async (values) => {
      const result = await writers.create(values);
      if ('created' in result) await notify(undefined, await read(result.created.id));
      return result;
    },
    update: async (id, patch) => {
      const before = await read(baseIdOf(id));
      const error = await writers.update(id, patch);
      if (error === null && before) await notify(before, await read(before.id));
      return error;
    },
    destroy: async (id) => {
      const before = await read(baseIdOf(id));
      const error = await writers.destroy(id);
      // Destroying an occurrence only excludes it: the event remains, updated.
      if (error === null && before) await notify(before, await read(before.id));
      return error;
    },
  };
}
