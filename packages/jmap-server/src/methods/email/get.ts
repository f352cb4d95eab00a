import { MethodErrorType } from '@colibri/jmap-types';
import type { Email, MethodResult } from '@colibri/jmap-types';
import type { EmailId } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { requireMailAccess } from '../shared/account.js';
import { mayReadEmail, type MailAccess } from '../../access.js';
import { restrictFilter, visibleMailboxIds } from '../shared/mail-visibility.js';
import { requestedIds, selectProperties } from '../shared/get-helpers.js';
import { toEmailId } from '../shared/ids.js';
import { parseArgs } from '../shared/parse-args.js';
import { getArgsSchema, unsignedIntSchema } from '../shared/schemas.js';
import { selectBodyProperties } from './body-parts.js';
import { splitHeaderProperties } from './header-properties.js';
import { bodyValueRequestOf, loadBodyValues, wantsBodyValues } from './body-values.js';
import { snoozedValues, usesSnooze } from './snooze.js';
import {
  DEFAULT_EMAIL_PROPERTIES,
  EMAIL_PROPERTIES,
  emailToWire,
  fullRecord,
  needsParts,
} from './to-wire.js';

/** RFC 8621 §4.2: the standard /get arguments plus the body ones. */
export const emailGetArgsSchema = getArgsSchema.extend({
  bodyProperties: z.array(z.string()).nullable().optional(),
  fetchTextBodyValues: z.boolean().optional(),
  fetchHTMLBodyValues: z.boolean().optional(),
  fetchAllBodyValues: z.boolean().optional(),
  maxBodyValueBytes: unsignedIntSchema.optional(),
});

/** RFC 8620 §5.1: `ids: null` is every email, allowed only below maxObjectsInGet. */
async function allEmailIds(ctx: MethodContext, access: MailAccess): Promise<EmailId[]> {
  const max = ctx.limits.maxObjectsInGet;
  const filter = restrictFilter(access, undefined);
  if (filter === null) return [];
  const { ids } = await ctx.store.queryEmails(access.accountId, {
    position: 0,
    limit: max + 1,
    ...(filter && { filter }),
  });
  if (ids.length > max)
    throw new MethodFailure(MethodErrorType.RequestTooLarge, `More than ${max} emails: ask for ids.`);
  return ids;
}

/** RFC 8621 §4.2: Email/get. */
export async function emailGet(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Email/get'>> {
  const args = parseArgs(emailGetArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const { names, headers } = splitHeaderProperties(args.properties, 'properties');
  // `snoozed` exists only for a request that `using`s Capability.Snooze, and only when asked.
  const known = usesSnooze(ctx) ? [...EMAIL_PROPERTIES, 'snoozed' as const] : EMAIL_PROPERTIES;
  const properties = selectProperties(names, known, DEFAULT_EMAIL_PROPERTIES);
  const bodyProperties = selectBodyProperties(args.bodyProperties);
  const bodyValueRequest = bodyValueRequestOf(args);

  const state = await ctx.store.getState(accountId, 'Email');
  const wanted = requestedIds(args.ids, ctx);
  const ids = wanted ?? (await allEmailIds(ctx, access));
  const typedIds = ids.flatMap((id) => toEmailId(id) ?? []);
  // A list screen asks for no part of the MIME structure: its summaries read far less.
  const records =
    typedIds.length === 0
      ? []
      : needsParts(properties, headers)
        ? await ctx.store.getEmails(accountId, typedIds)
        : await ctx.store.getEmailSummaries(accountId, typedIds);
  // In a shared account, what the principal may not read does not exist for them (RFC 9670).
  const visible =
    access.shares === null
      ? records
      : records
          .filter((record) => mayReadEmail(access, record.mailboxIds))
          .map((record) => ({ ...record, mailboxIds: visibleMailboxIds(access, record.mailboxIds) }));
  const byId = new Map(visible.map((record) => [record.id as string, record]));
  const snoozed = properties.includes('snoozed') ? await snoozedValues(ctx, accountId, records) : null;

  const list: Partial<Email>[] = [];
  for (const id of ids) {
    const record = byId.get(id);
    if (record === undefined) continue;
    const bodyValues =
      properties.includes('bodyValues') && wantsBodyValues(bodyValueRequest)
        ? await loadBodyValues(ctx.store, accountId, fullRecord(record), bodyValueRequest)
        : {};
    const extras = { bodyProperties, bodyValues, snoozed: snoozed?.get(record.id) ?? null };
    list.push(emailToWire(record, properties, extras, headers) as Partial<Email>);
  }
  const notFound = ids.filter((id) => !byId.has(id));
  return { accountId, state, list, notFound };
}
