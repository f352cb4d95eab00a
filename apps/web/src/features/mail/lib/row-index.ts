import type { Id } from '@colibri/jmap-types';
import type { EmailListData } from './email-window';
import type { RowIndex } from './selection';

/** The selection model's view of a (partly loaded) list. */
export function rowIndexOf(data: EmailListData | undefined): RowIndex {
  return {
    idAt: (index) => data?.ids[index],
    indexOf: (id) => data?.ids.indexOf(id) ?? -1,
  };
}

/** The loaded rows' ids in order (what "select all" selects). */
export function loadedIds(data: EmailListData | undefined): Id[] {
  return data ? data.ids.filter((id): id is Id => id !== undefined) : [];
}

/**
 * Where the cursor goes when rows leave the list: the first remaining row after the last one
 * removed, else the last remaining one before, as mail clients advance after archiving.
 */
export function rowAfterRemoval(data: EmailListData | undefined, removed: ReadonlySet<Id>): Id | null {
  if (!data) return null;
  let last = -1;
  data.ids.forEach((id, index) => {
    if (id !== undefined && removed.has(id)) last = index;
  });
  if (last === -1) return null;
  for (let i = last + 1; i < data.ids.length; i++) {
    const id = data.ids[i];
    if (id !== undefined && !removed.has(id)) return id;
  }
  for (let i = last - 1; i >= 0; i--) {
    const id = data.ids[i];
    if (id !== undefined && !removed.has(id)) return id;
  }
  return null;
}
