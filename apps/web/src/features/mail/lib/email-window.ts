import type { Email, Id } from '@colibri/jmap-types';

export const EMAIL_LIST_PROPERTIES = [
  'id',
  'threadId',
  'mailboxIds',
  'from',
  'subject',
  'preview',
  'receivedAt',
  'keywords',
  'hasAttachment',
] as const;
/** A row; `snoozed` only in the Snoozed mailbox's list (`EmailListParams.withSnoozed`). */
export type EmailListItem = Pick<Email, (typeof EMAIL_LIST_PROPERTIES)[number] | 'snoozed'>;

/**
 * A mailbox list as the client holds it: the query's total, the ids of the positions a window
 * was fetched for (and back, id to position), and the rows' properties by id. One window of a
 * 100,000-message mailbox costs one request; the rest stays unknown until scrolled to. Maps of
 * the known rows only, so that a merge or a removal costs what was loaded, not the total.
 */
export interface EmailListData {
  total: number;
  ids: ReadonlyMap<number, Id>;
  positions: ReadonlyMap<Id, number>;
  emails: Readonly<Record<Id, EmailListItem>>;
  /** RFC 8621 §4.4: positions are only comparable within one queryState. */
  queryState: string;
}

/** One fetched window: Email/query at `position` and Email/get of its ids. */
export interface EmailWindow {
  position: number;
  ids: Id[];
  emails: EmailListItem[];
  total: number;
  queryState: string;
}

/**
 * Adds a window to the list. A window from another queryState means the mailbox changed in
 * between: the positions held so far may be wrong, so the list starts over from this window.
 */
export function mergeWindow(data: EmailListData | undefined, window: EmailWindow): EmailListData {
  const fresh = !data || data.queryState !== window.queryState;
  const ids = new Map(fresh ? [] : data.ids);
  const positions = new Map(fresh ? [] : data.positions);
  window.ids.forEach((id, offset) => {
    const position = window.position + offset;
    const previous = ids.get(position);
    if (previous !== undefined && positions.get(previous) === position) positions.delete(previous);
    ids.set(position, id);
    positions.set(id, position);
  });
  const emails: Record<Id, EmailListItem> = fresh ? {} : { ...data.emails };
  for (const email of window.emails) emails[email.id] = email;
  return { total: window.total, ids, positions, emails, queryState: window.queryState };
}

/** The start positions of the windows to fetch so that rows `start..end` are all known. */
export function missingWindows(
  data: EmailListData | undefined,
  start: number,
  end: number,
  windowSize: number,
): number[] {
  if (!data) return [];
  const last = Math.min(end, data.total - 1);
  const starts: number[] = [];
  for (
    let block = Math.floor(Math.max(0, start) / windowSize) * windowSize;
    block <= last;
    block += windowSize
  ) {
    for (let i = Math.max(block, start); i <= Math.min(last, block + windowSize - 1); i++) {
      if (!data.ids.has(i)) {
        starts.push(block);
        break;
      }
    }
  }
  return starts;
}

/**
 * The list without some rows (moved or deleted): later rows, known or not, move up, as they
 * will on the server. Used for optimistic updates; the server's answer replaces it after.
 */
export function withoutEmails(data: EmailListData, removed: ReadonlySet<Id>): EmailListData {
  const gone = [...removed]
    .map((id) => data.positions.get(id))
    .filter((p): p is number => p !== undefined)
    .sort((a, b) => a - b);
  if (gone.length === 0) return data;
  // How many removed rows sit before a position: binary search in the sorted removed positions.
  const shiftBefore = (position: number) => {
    let lo = 0;
    let hi = gone.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((gone[mid] ?? Infinity) < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ids = new Map<number, Id>();
  const positions = new Map<Id, number>();
  for (const [position, id] of data.ids) {
    if (removed.has(id)) continue;
    const moved = position - shiftBefore(position);
    ids.set(moved, id);
    positions.set(id, moved);
  }
  return { ...data, total: data.total - gone.length, ids, positions };
}
/** The list with some rows' properties changed (keywords), the rest untouched. */
export function withEmailsUpdated(
  data: EmailListData,
  ids: ReadonlySet<Id>,
  update: (email: EmailListItem) => EmailListItem,
): EmailListData {
  let changed = false;
  const emails: Record<Id, EmailListItem> = { ...data.emails };
  for (const id of ids) {
    const email = emails[id];
    if (email) {
      emails[id] = update(email);
      changed = true;
    }
  }
  return changed ? { ...data, emails } : data;
}
