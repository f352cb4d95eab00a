import { MethodErrorType } from '@colibri/jmap-types';
import type { AccountId, EmailFilter, EmailId, EmailSort, MailStore } from '@colibri/mail-store';
import { MethodFailure } from '../../method-failure.js';
import { toEmailId } from '../shared/ids.js';

export interface WindowRequest {
  position: number;
  anchor: string | null;
  anchorOffset: number;
  limit: number;
}

export interface WindowResult {
  ids: EmailId[];
  position: number;
  total: number;
}

/**
 * RFC 8620 §5.5: the slice of the sorted results to return. A position is paged by the store (a
 * negative one counts from the end, clamped to 0, once the total is known); an anchor needs the
 * ordered list to find it in (up to the store's own page cap).
 */
export async function queryWindow(
  store: MailStore,
  accountId: AccountId,
  filter: EmailFilter,
  sort: EmailSort[] | undefined,
  window: WindowRequest,
): Promise<WindowResult> {
  const query = sort === undefined ? { filter } : { filter, sort };
  if (window.anchor === null) {
    let position = window.position;
    if (position < 0) {
      const { total } = await store.queryEmails(accountId, { ...query, position: 0, limit: 0 });
      position = Math.max(0, total + position);
    }
    const page = await store.queryEmails(accountId, { ...query, position, limit: window.limit });
    return { ids: page.ids, position, total: page.total };
  }
  const { ids: all, total } = await store.queryEmails(accountId, query);
  const anchor = toEmailId(window.anchor);
  const index = anchor === null ? -1 : all.indexOf(anchor);
  if (index === -1) throw new MethodFailure(MethodErrorType.AnchorNotFound);
  // The position argument is ignored when an anchor is given; the offset may be negative.
  const start = Math.max(0, index + window.anchorOffset);
  return { ids: all.slice(start, start + window.limit), position: start, total };
}
