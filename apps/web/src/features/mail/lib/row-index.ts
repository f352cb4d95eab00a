import type { Id } from '@colibri/jmap-types';
import type { EmailListData } from './email-window';
import type { RowIndex } from './selection';

const positionCache = new WeakMap<EmailListData, Map<Id, number>>();

/**
 * The position of a known row, in constant time: built once per list state (cache entries are
 * immutable), from the known ids only, so a scroll frame never walks 100,000 slots.
 */
export function positionOf(data: EmailListData | undefined, id: Id): number {
  if (!data) return -1;
  let positions = positionCache.get(data);
  if (!positions) {
    positions = new Map();
    data.ids.forEach((known, index) => positions?.set(known as Id, index));
    positionCache.set(data, positions);
  }
  return positions.get(id) ?? -1;
}

/** The selection model's view of a (partly loaded) list. */
export function rowIndexOf(data: EmailListData | undefined): RowIndex {
  return {
    idAt: (index) => data?.ids[index],
    indexOf: (id) => positionOf(data, id),
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
