import { MethodErrorType } from '@colibri/jmap-types';
import type { Quota, QuotaProperty } from '@colibri/jmap-types';
import type { AccountId, MailStore } from '@colibri/mail-store';
import { MethodFailure } from '../../method-failure.js';

/** RFC 9425 §4.1: every Quota property. */
export const QUOTA_PROPERTIES: readonly QuotaProperty[] = [
  'id',
  'resourceType',
  'used',
  'hardLimit',
  'scope',
  'name',
  'types',
  'warnLimit',
  'softLimit',
  'description',
];

type Fixed = Omit<Quota, 'used' | 'hardLimit'>;

/**
 * RFC 9425 §4.1: the store's two per-account limits (mail-store `setQuota`), each a Quota on the
 * account's emails. Only `used` and `hardLimit` ever change; the store has no warn or soft limit.
 */
const TEMPLATES: readonly (Fixed & { code: string })[] = [
  {
    code: 'c',
    id: 'count',
    resourceType: 'count',
    scope: 'account',
    name: 'Emails',
    types: ['Email'],
    warnLimit: null,
    softLimit: null,
    description: 'The number of emails the account may hold.',
  },
  {
    code: 'o',
    id: 'octets',
    resourceType: 'octets',
    scope: 'account',
    name: 'Mail storage',
    types: ['Email'],
    warnLimit: null,
    softLimit: null,
    description: 'The total size of the emails the account may hold, in octets.',
  },
];

/** What may change of a Quota, by id: its usage and its limit. */
export type QuotaSnapshot = ReadonlyMap<string, { used: number; hardLimit: number }>;

/** The Quota objects of a snapshot, in id order. */
export function quotasOf(snapshot: QuotaSnapshot): Quota[] {
  return TEMPLATES.flatMap(({ code: _code, ...fixed }) => {
    const values = snapshot.get(fixed.id);
    return values === undefined ? [] : [{ ...fixed, ...values }];
  });
}

/**
 * RFC 9425 §4 (RFC 8620 §1.5): the Quota state is the snapshot itself ("c12-1000.o5000-10000"),
 * so /changes and /queryChanges are computed from the state the client holds, with no change log:
 * usage moves with every delivery, and there are at most two objects.
 */
export function quotaState(snapshot: QuotaSnapshot): string {
  const parts = TEMPLATES.flatMap(({ code, id }) => {
    const values = snapshot.get(id);
    return values === undefined ? [] : [`${code}${values.used}-${values.hardLimit}`];
  });
  return parts.length === 0 ? 'none' : parts.join('.');
}

/** The snapshot a state names, or null when it is not a state of ours. */
export function parseQuotaState(state: string): QuotaSnapshot | null {
  if (state === 'none') return new Map();
  const snapshot = new Map<string, { used: number; hardLimit: number }>();
  for (const part of state.split('.')) {
    const match = /^([a-z])(\d{1,16})-(\d{1,16})$/.exec(part);
    const id = TEMPLATES.find((template) => template.code === match?.[1])?.id;
    if (!match || id === undefined || snapshot.has(id)) return null;
    snapshot.set(id, { used: Number(match[2]), hardLimit: Number(match[3]) });
  }
  // The canonical spelling only, so that one snapshot has one state.
  return quotaState(snapshot) === state ? snapshot : null;
}

/**
 * The account's quotas now: one Quota per limit that is set (RFC 9425 §4.1: an account without
 * limits has no Quota objects). One store read, so the state always matches the objects.
 */
export async function currentQuotas(
  store: Pick<MailStore, 'getQuota'>,
  accountId: AccountId,
): Promise<QuotaSnapshot> {
  const stored = await store.getQuota(accountId);
  const snapshot = new Map<string, { used: number; hardLimit: number }>();
  if (stored.maxEmails !== null)
    snapshot.set('count', { used: stored.usedEmails, hardLimit: stored.maxEmails });
  if (stored.maxBytes !== null)
    snapshot.set('octets', { used: stored.usedBytes, hardLimit: stored.maxBytes });
  return snapshot;
}

/** RFC 8620 §5.2 / §5.6: the snapshot of a client's (query) state; one not of ours is cannotCalculateChanges. */
export function snapshotSince(state: string): QuotaSnapshot {
  const snapshot = parseQuotaState(state);
  if (snapshot === null)
    throw new MethodFailure(
      MethodErrorType.CannotCalculateChanges,
      `Cannot calculate Quota changes since state "${state}": fetch again.`,
    );
  return snapshot;
}
