import { create } from 'zustand';
import type { Id } from '@colibri/jmap-types';
import {
  allToggled,
  cursorMoved,
  cursorToggled,
  emptySelection,
  rowClicked,
  rowsRemoved,
} from '../lib/selection';
import type { ClickModifiers, RowIndex, SelectionState } from '../lib/selection';

/** The message list's selection and keyboard cursor (UI state, STYLE 19); rules in lib/selection. */
interface SelectionStore extends SelectionState {
  actions: {
    rowClicked: (rows: RowIndex, id: Id, modifiers: ClickModifiers) => void;
    cursorMoved: (rows: RowIndex, count: number, step: number) => void;
    cursorPlaced: (id: Id) => void;
    cursorToggled: () => void;
    allToggled: (ids: readonly Id[]) => void;
    allSelected: (ids: readonly Id[]) => void;
    rowsRemoved: (removed: ReadonlySet<Id>, nextCursor: Id | null) => void;
    selectionCleared: () => void;
    listChanged: () => void;
  };
}

export const useSelectionStore = create<SelectionStore>()((set) => ({
  ...emptySelection,
  actions: {
    rowClicked: (rows, id, modifiers) => set((state) => rowClicked(state, rows, id, modifiers)),
    cursorMoved: (rows, count, step) => set((state) => cursorMoved(state, rows, count, step)),
    cursorPlaced: (id) => set({ cursor: id, anchor: id }),
    cursorToggled: () => set((state) => cursorToggled(state)),
    allToggled: (ids) => set((state) => allToggled(state, ids)),
    allSelected: (ids) => set({ selected: new Set(ids) }),
    rowsRemoved: (removed, nextCursor) => set((state) => rowsRemoved(state, removed, nextCursor)),
    selectionCleared: () => set({ selected: new Set() }),
    // Another mailbox or list mode: nothing selected carries over.
    listChanged: () => set(emptySelection),
  },
}));

export const useSelectedIds = () => useSelectionStore((state) => state.selected);
export const useCursor = () => useSelectionStore((state) => state.cursor);
export const useSelectionActions = () => useSelectionStore((state) => state.actions);
/** The state as it is now, for event handlers that must not re-render on every change. */
export const readSelection = (): SelectionState => useSelectionStore.getState();
