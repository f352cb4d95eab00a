import type { Id } from '@colibri/jmap-types';
import type { EmailListData } from './email-window';
import type { RowIndex } from './selection';

/** The selection model's view of a (partly loaded) list. */
export function rowIndexOf(data: EmailListData | undefined): RowIndex {
  return {
    idAt: (index) => data?.ids.get(index),
    indexOf: (id) => data?.positions.get(id) ?? -1,
  };
}

/** The position of a known row, or -1. */
export function positionOf(data: EmailListData | undefined, id: Id): number {
  return data?.positions.get(id) ?? -1;
}

/** The loaded rows' ids in order (what "select all" selects). */
export function loadedIds(data: EmailListData | undefined): Id[] {
  if (!data) return [];
  return [...data.ids.entries()].sort(([a], [b]) => a - b).map(([, id]) => id);
}

/**
 * Where the cursor goes when rows leave the list: the first remaining row after the last one
 * removed, else the last remaining one before, as mail clients advance after archiving.
 */
export function rowAfterRemoval(data: EmailListData | undefined, removed: ReadonlySet<Id>): Id | null {
  if (!data) return null;
  const order = loadedIds(data);
  let last = -1;
  order.forEach((id, index) => {
    if (removed.has(id)) last = index;
  });
  if (last === -1) return null;
  const after = order.slice(last + 1).find((id) => !removed.has(id));
  if (after !== undefined) return after;
  return (
    order
      .slice(0, last)
      .reverse()
      .find((id) => !removed.has(id)) ?? null
  );
}
