import { MethodErrorType } from '@colibri/jmap-types';
import type { Email, EmailProperty, MethodResult } from '@colibri/jmap-types';
import type { AccountId, EmailId, EmailRecord, ParsedEmail, ThreadId } from '@colibri/mail-store';
import { z } from 'zod';
import type { MethodContext } from '../../method-context.js';
import { MethodFailure } from '../../method-failure.js';
import { resolveBlobId } from '../blob/blob-id.js';
import { requireMailAccess } from '../shared/account.js';
import { blobSources } from '../shared/mail-visibility.js';
import { selectProperties } from '../shared/get-helpers.js';
import { parseArgs } from '../shared/parse-args.js';
import { selectBodyProperties } from './body-parts.js';
import { bodyValueRequestOf, bodyValuesOf, wantsBodyValues } from './body-values.js';
import { emailGetArgsSchema } from './get.js';
import { splitHeaderProperties } from './header-properties.js';
import { EMAIL_PROPERTIES, emailValue, headerValues } from './to-wire.js';

/** RFC 8621 §4.9: Email/get's body arguments, with blobIds instead of ids. */
export const emailParseArgsSchema = emailGetArgsSchema
  .omit({ ids: true })
  .extend({ blobIds: z.array(z.string()) })
  .strict();

/** RFC 8621 §4.9: the default properties of Email/parse. */
const DEFAULT_PARSE_PROPERTIES: readonly EmailProperty[] = [
  'messageId',
  'inReplyTo',
  'references',
  'sender',
  'from',
  'to',
  'cc',
  'bcc',
  'replyTo',
  'subject',
  'sentAt',
  'hasAttachment',
  'preview',
  'bodyValues',
  'textBody',
  'htmlBody',
  'attachments',
];

/** RFC 8621 §4.9: what only a stored email has is null on a parsed one. */
const METADATA: ReadonlySet<EmailProperty> = new Set([
  'id',
  'mailboxIds',
  'keywords',
  'receivedAt',
  'threadId',
]);

/**
 * The parsed email as the record Email/get maps, so that both share one mapping (`emailValue`).
 * Its metadata fields are placeholders that are never read: those properties answer null.
 */
function asRecord(email: ParsedEmail, accountId: AccountId): EmailRecord {
  const unset = '' as EmailId & ThreadId;
  return {
    ...email,
    accountId,
    id: unset,
    threadId: unset,
    mailboxIds: [],
    keywords: [],
    receivedAt: new Date(0),
  };
}

/** RFC 8621 §4.9: Email/parse. Parses blobs the account may read as messages; stores nothing. */
export async function emailParse(
  rawArgs: Record<string, unknown>,
  ctx: MethodContext,
): Promise<MethodResult<'Email/parse'>> {
  const args = parseArgs(emailParseArgsSchema, rawArgs);
  const access = await requireMailAccess(ctx, args.accountId);
  const { accountId } = access;
  const { names, headers } = splitHeaderProperties(args.properties, 'properties');
  // selectProperties adds `id`, which a parsed email has only when asked for (as null).
  const properties = selectProperties(names, EMAIL_PROPERTIES, DEFAULT_PARSE_PROPERTIES).filter(
    (property) => property !== 'id' || (names ?? []).includes('id'),
  );
  const bodyProperties = selectBodyProperties(args.bodyProperties);
  const bodyValueRequest = bodyValueRequestOf(args);
  const blobIds = [...new Set(args.blobIds)];
  if (blobIds.length > ctx.limits.maxObjectsInGet)
    throw new MethodFailure(
      MethodErrorType.RequestTooLarge,
      `At most ${ctx.limits.maxObjectsInGet} blobIds.`,
    );

  const parsed: Record<string, Partial<Email>> = {};
  const notParsable: string[] = [];
  const notFound: string[] = [];
  for (const wireId of blobIds) {
    const blobId = resolveBlobId(ctx, wireId);
    const source = blobId === null ? undefined : (await blobSources(ctx, access, [blobId])).get(blobId);
    const result =
      blobId === null || source === undefined
        ? { status: 'notFound' as const }
        : await ctx.store.parseBlob(source, blobId);
    if (result.status === 'notFound') notFound.push(wireId);
    else if (result.status === 'notAMessage') notParsable.push(wireId);
    else {
      const { email, textContents } = result;
      const bodyValues =
        properties.includes('bodyValues') && wantsBodyValues(bodyValueRequest)
          ? await bodyValuesOf(
              email,
              bodyValueRequest,
              async (partId) => textContents.get(partId) ?? new Uint8Array(),
            )
          : {};
      const record = asRecord(email, accountId);
      parsed[wireId] = {
        ...Object.fromEntries(
          properties.map((property) => [
            property,
            METADATA.has(property) ? null : emailValue(record, property, { bodyProperties, bodyValues }),
          ]),
        ),
        ...headerValues(email, headers),
      } as Partial<Email>;
    }
  }
  return {
    accountId,
    parsed: Object.keys(parsed).length > 0 ? parsed : null,
    notParsable: notParsable.length > 0 ? notParsable : null,
    notFound: notFound.length > 0 ? notFound : null,
  };
}
