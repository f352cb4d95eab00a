import type { QuotaSnapshot } from './quotas.js';

export type QuotaChange = { id: string; kind: 'created' | 'updated' | 'destroyed'; usedOnly: boolean };

/** The Quota objects that differ between two snapshots, in id order. */
export function diffQuotas(before: QuotaSnapshot, after: QuotaSnapshot): QuotaChange[] {
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  return ids.flatMap((id): QuotaChange[] => {
    const old = before.get(id);
    const now = after.get(id);
    if (old === undefined) return [{ id, kind: 'created', usedOnly: false }];
    if (now === undefined) return [{ id, kind: 'destroyed', usedOnly: false }];
    if (old.used === now.used && old.hardLimit === now.hardLimit) return [];
    return [{ id, kind: 'updated', usedOnly: old.hardLimit === now.hardLimit }];
  });
}

/** `before` with the given changes applied from `after`: an intermediate state (RFC 8620 §5.2). */
export function applyChanges(
  before: QuotaSnapshot,
  after: QuotaSnapshot,
  changes: readonly QuotaChange[],
): QuotaSnapshot {
  const next = new Map(before);
  for (const { id } of changes) {
    const now = after.get(id);
    if (now === undefined) next.delete(id);
    else next.set(id, now);
  }
  return next;
}
