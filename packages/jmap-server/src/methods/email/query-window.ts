import { MethodErrorType } from '@colibri/jmap-types';
import type { AccountId, EmailFilter, EmailId, EmailQuery, EmailSort, MailStore } from '@colibri/mail-store';
import { StoreError } from '@colibri/mail-store';
import { MethodFailure } from '../../method-failure.js';
import { toEmailId } from '../shared/ids.js';

export interface WindowRequest {
  position: number;
  anchor: string | null;
  anchorOffset: number;
  limit: number;
  collapseThreads: boolean;
  calculateTotal: boolean;
}

export interface WindowResult {
  ids: EmailId[];
  position: number;
  total: number | null;
}

/** The store's query failures as RFC 8620 §5.5 method errors. */
const queryErrors: Partial<Record<StoreError['code'], MethodErrorType>> = {
  unsupportedFilter: MethodErrorType.UnsupportedFilter,
  unsupportedSort: MethodErrorType.UnsupportedSort,
  anchorNotFound: MethodErrorType.AnchorNotFound,
  invalid: MethodErrorType.InvalidArguments,
};

/**
 * RFC 8620 §5.5: the slice of the sorted results to return. The store pages by position (a
 * negative one counts from the end) or by anchor + anchorOffset (position then ignored).
 */
export async function queryWindow(
  store: MailStore,
  accountId: AccountId,
  filter: EmailFilter | undefined,
  sort: EmailSort[] | undefined,
  window: WindowRequest,
): Promise<WindowResult> {
  const query: EmailQuery = { position: window.position, limit: window.limit };
  if (filter !== undefined) query.filter = filter;
  if (sort !== undefined) query.sort = sort;
  if (window.collapseThreads) query.collapseThreads = true;
  if (!window.calculateTotal) query.calculateTotal = false;
  if (window.anchor !== null) {
    const anchor = toEmailId(window.anchor);
    if (anchor === null) throw new MethodFailure(MethodErrorType.AnchorNotFound);
    query.anchor = anchor;
    query.anchorOffset = window.anchorOffset;
  }
  try {
    return await store.queryEmails(accountId, query);
  } catch (error) {
    const type = error instanceof StoreError ? queryErrors[error.code] : undefined;
    if (type === undefined) throw error;
    throw new MethodFailure(type, (error as Error).message);
  }
}
