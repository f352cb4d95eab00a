import type { Id } from '@colibri/jmap-types';

/**
 * The message list's selection model, pure so that it is tested without a DOM. The cursor is
 * the row the keyboard is on (and the one actions apply to when nothing is selected); the anchor
 * is where a shift-click range starts. Rows are known by id; positions come from the list, which
 * may be only partly loaded (a virtualised window), so a range covers the rows whose id is known.
 */
export interface SelectionState {
  selected: ReadonlySet<Id>;
  anchor: Id | null;
  cursor: Id | null;
}

export const emptySelection: SelectionState = { selected: new Set(), anchor: null, cursor: null };

/** How the list answers "which row is at i" and "where is this id" for the loaded rows. */
export interface RowIndex {
  idAt: (index: number) => Id | undefined;
  indexOf: (id: Id) => number;
}

export interface ClickModifiers {
  /** Shift: extend from the anchor to this row. */
  range: boolean;
  /** Ctrl (Cmd on macOS): add or remove this row alone. */
  toggle: boolean;
}

/** The ids between two positions, both included, that the list has loaded. */
export function idsBetween(rows: RowIndex, from: number, to: number): Id[] {
  const ids: Id[] = [];
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    const id = rows.idAt(i);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/**
 * A click on a row. A plain click moves the cursor and clears the selection (the row is then
 * opened by the caller); ctrl/cmd adds or removes one row, and the first such click also keeps
 * the row the cursor was on, as mail clients do; shift selects from the anchor to the row.
 */
export function rowClicked(
  state: SelectionState,
  rows: RowIndex,
  id: Id,
  modifiers: ClickModifiers,
): SelectionState {
  if (modifiers.range && state.anchor !== null && rows.indexOf(state.anchor) !== -1) {
    const range = idsBetween(rows, rows.indexOf(state.anchor), rows.indexOf(id));
    const selected = modifiers.toggle ? new Set([...state.selected, ...range]) : new Set(range);
    return { selected, anchor: state.anchor, cursor: id };
  }
  if (modifiers.toggle || modifiers.range) {
    const selected = new Set(state.selected);
    if (selected.size === 0 && state.cursor !== null && state.cursor !== id) selected.add(state.cursor);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: id, cursor: id };
  }
  return { selected: new Set(), anchor: id, cursor: id };
}

/** `x`: the cursor row joins or leaves the selection. */
export function cursorToggled(state: SelectionState): SelectionState {
  if (state.cursor === null) return state;
  const selected = new Set(state.selected);
  if (selected.has(state.cursor)) selected.delete(state.cursor);
  else selected.add(state.cursor);
  return { ...state, selected, anchor: state.cursor };
}

/** j/k and the arrow keys: the cursor moves by `step` rows, staying within the list. */
export function cursorMoved(
  state: SelectionState,
  rows: RowIndex,
  count: number,
  step: number,
): SelectionState {
  if (count === 0) return state;
  const current = state.cursor === null ? -1 : rows.indexOf(state.cursor);
  const start = current === -1 ? (step > 0 ? -1 : count) : current;
  const next = Math.min(count - 1, Math.max(0, start + step));
  const id = rows.idAt(next);
  return id === undefined ? state : { ...state, cursor: id, anchor: id };
}

/** Every loaded row is selected (or, when all already were, none). */
export function allToggled(state: SelectionState, ids: readonly Id[]): SelectionState {
  const all = ids.length > 0 && ids.every((id) => state.selected.has(id));
  return { ...state, selected: all ? new Set() : new Set(ids) };
}

/** The rows an action applies to: the selection, else the cursor row. */
export function actionTargets(state: SelectionState): Id[] {
  if (state.selected.size > 0) return [...state.selected];
  return state.cursor === null ? [] : [state.cursor];
}

/** Rows that left the list (moved, deleted) leave the selection too. */
export function rowsRemoved(
  state: SelectionState,
  removed: ReadonlySet<Id>,
  nextCursor: Id | null,
): SelectionState {
  const selected = new Set([...state.selected].filter((id) => !removed.has(id)));
  const cursor = state.cursor !== null && removed.has(state.cursor) ? nextCursor : state.cursor;
  const anchor = state.anchor !== null && removed.has(state.anchor) ? cursor : state.anchor;
  return { selected, anchor, cursor };
}
