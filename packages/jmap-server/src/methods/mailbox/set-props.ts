import type { MailboxRights, SetError } from '@colibri/jmap-types';
import { isDeepStrictEqual } from 'node:util';
import {
  MAILBOX_RIGHT_NAMES,
  mailboxLimits,
  mailboxRoles,
  type MailboxRightName,
  type MailboxRole,
} from '@colibri/mail-store';
import { MAIL_ACCOUNT_CAPABILITY } from '../../limits.js';

/** The Mailbox properties a client sets (RFC 8621 §2), parentId still as sent (`#creationId` allowed). */
export interface MailboxFields {
  name?: string;
  parentId?: string | null;
  role?: MailboxRole | null;
  sortOrder?: number;
  isSubscribed?: boolean;
  /** RFC 9670 §4: the whole map after the patch (principal id -> rights), or null for nobody. */
  shareWith?: Record<string, MailboxRights> | null;
}

/** RFC 8621 §2: set by the server only; a client may repeat their current value in an update. */
export const SERVER_SET = [
  'id',
  'totalEmails',
  'unreadEmails',
  'totalThreads',
  'unreadThreads',
  'myRights',
] as const;
const serverSet = new Set<string>(SERVER_SET);

export const invalidProperties = (properties: string[], description: string): SetError => ({
  type: 'invalidProperties',
  properties,
  description,
});

// C0/C1 controls are not Net-Unicode (RFC 5198) and never part of a name.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f]/;

/** RFC 8621 §2 `name`: Net-Unicode (NFC, no controls), 1 to maxSizeMailboxName octets. */
function nameProblem(value: unknown): string {
  if (typeof value !== 'string') return 'name must be a string.';
  const name = value.normalize('NFC');
  if (name.trim().length === 0) return 'name must not be empty.';
  if (controls.test(name)) return 'name must not contain control characters.';
  const max = Math.min(MAIL_ACCOUNT_CAPABILITY.maxSizeMailboxName, mailboxLimits.maxNameLength);
  if (Buffer.byteLength(name, 'utf8') > max) return `name is longer than ${max} octets.`;
  return '';
}

/** Checks one client-set property; the error description, or '' when the value is valid. */
function problemOf(property: keyof MailboxFields, value: unknown): string {
  switch (property) {
    case 'name':
      return nameProblem(value);
    case 'parentId':
      return value === null || (typeof value === 'string' && /^#?[A-Za-z0-9_-]{1,255}$/.test(value))
        ? ''
        : 'parentId must be a Mailbox id or null.';
    case 'role':
      return value === null || (mailboxRoles as readonly unknown[]).includes(value)
        ? ''
        : `role must be null or one of ${mailboxRoles.join(', ')}.`;
    case 'sortOrder':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? '' : 'sortOrder must be an UnsignedInt.';
    case 'isSubscribed':
      return typeof value === 'boolean' ? '' : 'isSubscribed must be a boolean.';
    case 'shareWith':
      return ''; // checked with its patch paths in parseMailboxFields
  }
}

const CLIENT_SET: readonly (keyof MailboxFields)[] = [
  'name',
  'parentId',
  'role',
  'sortOrder',
  'isSubscribed',
  'shareWith',
];

/** A MailboxRights object as sent; a right left out is not given. Null when it is not one. */
function rightsOf(value: unknown): MailboxRights | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (entries.some(([name, given]) => !isRightName(name) || typeof given !== 'boolean')) return null;
  const granted = value as Partial<Record<MailboxRightName, boolean>>;
  return Object.fromEntries(
    MAILBOX_RIGHT_NAMES.map((name) => [name, granted[name] === true]),
  ) as unknown as MailboxRights;
}
const isRightName = (name: string): name is MailboxRightName =>
  (MAILBOX_RIGHT_NAMES as readonly string[]).includes(name);

/** A whole shareWith value (null, or principal id -> rights); null-or-error when it is not one. */
function shareWithOf(value: unknown): Record<string, MailboxRights> | null | 'invalid' {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'invalid';
  const map: Record<string, MailboxRights> = {};
  for (const [principalId, given] of Object.entries(value as Record<string, unknown>)) {
    const rights = rightsOf(given);
    if (rights === null) return 'invalid';
    map[principalId] = rights;
  }
  return map;
}

/**
 * RFC 8620 §5.3 patch paths into shareWith: `shareWith/{principalId}` (rights or null) and
 * `shareWith/{principalId}/{right}` (a boolean), applied to the map as it stands.
 */
function patchShareWith(
  base: Record<string, MailboxRights> | null,
  rest: string[],
  value: unknown,
): Record<string, MailboxRights> | null | 'invalid' {
  const map = { ...(base ?? {}) };
  const [principalId = '', right, ...more] = rest;
  if (principalId === '' || more.length > 0) return 'invalid';
  if (right === undefined) {
    if (value === null) delete map[principalId];
    else {
      const rights = rightsOf(value);
      if (rights === null) return 'invalid';
      map[principalId] = rights;
    }
  } else {
    if (!isRightName(right) || typeof value !== 'boolean') return 'invalid';
    const current = map[principalId] ?? rightsOf({});
    if (current === null) return 'invalid';
    map[principalId] = { ...current, [right]: value };
  }
  return Object.keys(map).length === 0 ? null : map;
}
const isClientSet = (property: string): property is keyof MailboxFields =>
  (CLIENT_SET as readonly string[]).includes(property);

/**
 * RFC 8620 §5.3 / RFC 8621 §2: the properties of a create, or of an update's PatchObject, as
 * fields. Unknown properties, bad values and server-set properties (in an update: unless equal to
 * `current`, the object as Mailbox/get shows it) are one invalidProperties listing them all; a
 * path into a property (`name/x`) is invalidPatch, as every Mailbox property a client sets is a
 * whole value.
 */
export function parseMailboxFields(
  raw: Record<string, unknown>,
  current: Record<string, unknown> | null,
): MailboxFields | SetError {
  const fields: Record<string, unknown> = {};
  const bad: string[] = [];
  const reasons: string[] = [];
  for (const [path, value] of Object.entries(raw)) {
    const [property = '', ...rest] = path.split('/');
    if (property === 'shareWith') {
      const base = (fields.shareWith ?? current?.shareWith ?? null) as Record<string, MailboxRights> | null;
      const next = rest.length === 0 ? shareWithOf(value) : patchShareWith(base, rest, value);
      if (next === 'invalid') {
        bad.push('shareWith');
        reasons.push('shareWith maps principal ids to MailboxRights objects of booleans.');
      } else fields.shareWith = next;
      continue;
    }
    if (rest.length > 0 && isClientSet(property))
      return { type: 'invalidPatch', description: `"${path}": ${property} is patched as a whole.` };
    if (serverSet.has(property)) {
      if (current === null || rest.length > 0 || !isDeepStrictEqual(current[property], value)) {
        bad.push(property);
        reasons.push(`${property} is set by the server.`);
      }
      continue;
    }
    if (!isClientSet(property)) {
      bad.push(property);
      reasons.push(`${property} is not a Mailbox property.`);
      continue;
    }
    const problem = problemOf(property, value);
    if (problem !== '') {
      bad.push(property);
      reasons.push(problem);
    } else fields[property] = property === 'name' ? (value as string).normalize('NFC') : value;
  }
  if (current === null && fields.name === undefined && !bad.includes('name')) {
    bad.push('name');
    reasons.push('name is required.');
  }
  if (bad.length > 0) return invalidProperties(bad, reasons.join(' '));
  return fields as MailboxFields;
}
