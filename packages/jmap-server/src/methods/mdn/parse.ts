import { MethodErrorType } from '@colibri/jmap-types';
import type { Mdn, MethodResult } from '@colibri/jmap-types';
import { readDispositionReport } from '@colibri/mail-store';
import type { AccountId, DispositionReport } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { resolveBlobId } from '../blob/blob-id.js';
import { orNull } from '../shared/set-helpers.js';
import { requireAccount } from '../shared/account.js';
import { parseArgs } from '../shared/parse-args.js';
import { idSchema } from '../shared/schemas.js';

/** RFC 9007 §2.2: MDN/parse arguments. */
export const mdnParseArgsSchema = z.strictObject({ accountId: idSchema, blobIds: z.array(z.string()) });

/** Emails with a Message-ID header containing the id that are looked at; an exact match is kept. */
const maxMessageIdCandidates = 10;

/** RFC 9007 §2.2 forEmailId: the account's email whose Message-ID is the report's Original-Message-ID. */
async function emailWithMessageId(
  ctx: MethodContext,
  accountId: AccountId,
  originalMessageId: string | null,
): Promise<string | null> {
  const id = /<([^<>\s]+)>/.exec(originalMessageId ?? '')?.[1] ?? originalMessageId?.trim();
  if (!id) return null;
  const { ids } = await ctx.store.queryEmails(accountId, {
    filter: { header: ['Message-ID', id] },
    limit: maxMessageIdCandidates,
    calculateTotal: false,
  });
  if (ids.length === 0) return null;
  const emails = await ctx.store.getEmails(accountId, ids);
  return emails.find((email) => email.messageId?.includes(id))?.id ?? null;
}

const toWire = (report: DispositionReport, forEmailId: string | null): Mdn => ({
  forEmailId,
  subject: report.subject,
  textBody: report.textBody,
  includeOriginalMessage: report.includeOriginalMessage,
  reportingUA: report.reportingUA,
  disposition: report.disposition,
  mdnGateway: report.mdnGateway,
  originalRecipient: report.originalRecipient,
  finalRecipient: report.finalRecipient,
  originalMessageId: report.originalMessageId,
  error: report.error,
  extensionFields: report.extensionFields,
});

/**
 * RFC 9007 §2.2: MDN/parse. Blobs the account may read that are MDNs (RFC 8098 §3: a
 * multipart/report with a message/disposition-notification part and a valid Disposition) are
 * parsed; other blobs are notParsable, unknown or unreadable ones notFound. Stores nothing.
 */
export async function mdnParse(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'MDN/parse'>> {
  const args = parseArgs(mdnParseArgsSchema, rawArgs);
  const accountId = await requireAccount(ctx, args.accountId);
  const blobIds = [...new Set(args.blobIds)];
  if (blobIds.length > ctx.limits.maxObjectsInGet)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${ctx.limits.maxObjectsInGet} blobIds.`,
    );

  const parsed: Record<string, Mdn> = {};
  const notParsable: string[] = [];
  const notFound: string[] = [];
  for (const wireId of blobIds) {
    const blobId = resolveBlobId(ctx, wireId);
    const raw = blobId === null ? null : await ctx.store.readBlob(accountId, blobId);
    if (raw === null) {
      notFound.push(wireId);
      continue;
    }
    const report = readDispositionReport(raw);
    if (report === null) notParsable.push(wireId);
    else parsed[wireId] = toWire(report, await emailWithMessageId(ctx, accountId, report.originalMessageId));
  }
  return {
    accountId,
    parsed: orNull(parsed),
    notParsable: notParsable.length > 0 ? notParsable : null,
    notFound: notFound.length > 0 ? notFound : null,
  };
}
