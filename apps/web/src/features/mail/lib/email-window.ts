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
export type EmailListItem = Pick<Email, (typeof EMAIL_LIST_PROPERTIES)[number]>;

/**
 * A mailbox list as the client holds it: the query's total, the ids by position where a window
 * was fetched (holes elsewhere) and the rows' properties by id. One window of a 100,000-message
 * mailbox costs one request; the rest stays unknown until scrolled to.
 */
export interface EmailListData {
  total: number;
  ids: (Id | undefined)[];
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
  const ids = fresh ? [] : data.ids.slice(0, window.total);
  ids.length = window.total;
  window.ids.forEach((id, offset) => {
    ids[window.position + offset] = id;
  });
  const emails: Record<Id, EmailListItem> = fresh ? {} : { ...data.emails };
  for (const email of window.emails) emails[email.id] = email;
  return { total: window.total, ids, emails, queryState: window.queryState };
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
      if (data.ids[i] === undefined) {
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
  // filter() would drop the holes too: rebuild the sparse array from the known positions.
  const sparse: (Id | undefined)[] = [];
  let shift = 0;
  for (let i = 0; i < data.ids.length; i++) {
    const id = data.ids[i];
    if (id !== undefined && removed.has(id)) {
      shift += 1;
      continue;
    }
    if (id !== undefined) sparse[i - shift] = id;
  }
  sparse.length = data.total - shift;
  return { ...data, total: data.total - shift, ids: sparse };
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
