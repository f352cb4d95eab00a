import type { SetError } from '@colibri/jmap-types';
import { z } from 'zod';
import { utcDateSchema } from '../shared/dates.js';
import { invalidProperties, parseProperties } from '../shared/set-properties.js';

/** RFC 8620 §7.2: the server may limit `expires`; later dates (and none) become this far ahead. */
export const PUSH_SUBSCRIPTION_MAX_LIFETIME_MS = 7 * 24 * 3600 * 1000;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * RFC 8620 §7.2 and RFC 8030 §5: pushes go to an https URL. Plain http is accepted only to a
 * loopback address (a local push relay, and the tests' receiver); no credentials in the URL.
 */
const pushUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.username !== '' || url.password !== '') return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    } catch {
      return false;
    }
  }, 'an https URL (http only to a loopback address)');

/** base64url (RFC 4648 §5) without padding that decodes to `bytes` bytes. */
const base64urlOf = (bytes: number, check: (decoded: Buffer) => boolean = () => true) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'not base64url')
    .refine((value) => {
      const decoded = Buffer.from(value, 'base64url');
      return decoded.length === bytes && check(decoded);
    }, `not ${bytes} bytes of base64url`);

/** RFC 8291 §3: an uncompressed P-256 point (65 bytes, 0x04 first) and a 16-byte auth secret. */
const keysSchema = z
  .strictObject({
    p256dh: base64urlOf(65, (decoded) => decoded[0] === 0x04),
    auth: base64urlOf(16),
  })
  .nullable();

const typesSchema = z
  .array(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/))
  .max(64)
  .nullable();

export interface PushSubscriptionCreate {
  deviceClientId: string;
  url: string;
  keys: { p256dh: string; auth: string } | null;
  expires: Date;
  types: string[] | null;
}

/** `expires` capped at now + PUSH_SUBSCRIPTION_MAX_LIFETIME_MS; none means that cap. */
export function clampExpires(expires: Date | null | undefined, now: Date): Date {
  const max = new Date(now.getTime() + PUSH_SUBSCRIPTION_MAX_LIFETIME_MS);
  return expires == null || expires > max ? max : expires;
}

/** RFC 8620 §7.2.2: the create object; verificationCode cannot be given (it is null). */
export function parsePushSubscriptionCreate(
  values: Record<string, unknown>,
  now: Date,
): PushSubscriptionCreate | SetError {
  const fields = parseProperties(
    values,
    {
      deviceClientId: z.string().min(1).max(255),
      url: pushUrlSchema,
      keys: keysSchema,
      expires: utcDateSchema.nullable(),
      types: typesSchema,
    },
    { verificationCode: null },
  );
  if ('type' in fields) return fields;
  const missing = (['deviceClientId', 'url'] as const).filter((p) => fields[p] === undefined);
  if (missing.length > 0) return invalidProperties([...missing], `Required: ${missing.join(', ')}.`);
  if (fields.expires != null && fields.expires <= now)
    return invalidProperties(['expires'], 'expires is in the past.');
  return {
    deviceClientId: fields.deviceClientId as string,
    url: fields.url as string,
    keys: fields.keys ?? null,
    expires: clampExpires(fields.expires, now),
    types: fields.types ?? null,
  };
}

/** RFC 8620 §7.2.2: only verificationCode, expires and types may change. */
export function parsePushSubscriptionPatch(
  patch: Record<string, unknown>,
  current: Record<string, unknown>,
): { verificationCode?: string; expires?: Date | null; types?: string[] | null } | SetError {
  return parseProperties(
    patch,
    { verificationCode: z.string().min(1).max(255), expires: utcDateSchema.nullable(), types: typesSchema },
    current,
  );
}
