import { describe, expect, it } from 'vitest';
import {
  actionTargets,
  allToggled,
  cursorMoved,
  cursorToggled,
  emptySelection,
  rowClicked,
  rowsRemoved,
} from './selection';
import type { RowIndex, SelectionState } from './selection';

// Six rows, the fourth not loaded yet (a virtualised list's hole).
const ids = ['a', 'b', 'c', undefined, 'e', 'f'];
const rows: RowIndex = { idAt: (i) => ids[i], indexOf: (id) => ids.indexOf(id) };
const plain = { range: false, toggle: false };
const sorted = (state: SelectionState) => [...state.selected].sort();

describe('selection model', () => {
  it('a plain click moves the cursor and clears the selection', () => {
    const state = rowClicked({ selected: new Set(['a', 'b']), anchor: 'a', cursor: 'a' }, rows, 'c', plain);
    expect(state).toEqual({ selected: new Set(), anchor: 'c', cursor: 'c' });
  });

  it('ctrl/cmd-click adds and removes single rows, keeping the row the cursor was on', () => {
    let state = rowClicked(emptySelection, rows, 'b', plain);
    state = rowClicked(state, rows, 'e', { range: false, toggle: true });
    expect(sorted(state)).toEqual(['b', 'e']);
    state = rowClicked(state, rows, 'b', { range: false, toggle: true });
    expect(sorted(state)).toEqual(['e']);
  });

  it('shift-click selects from the anchor to the row, either way, skipping rows not loaded', () => {
    let state = rowClicked(emptySelection, rows, 'b', plain);
    state = rowClicked(state, rows, 'f', { range: true, toggle: false });
    expect(sorted(state)).toEqual(['b', 'c', 'e', 'f']);
    // The anchor stays: a second shift-click re-draws the range from it.
    state = rowClicked(state, rows, 'a', { range: true, toggle: false });
    expect(sorted(state)).toEqual(['a', 'b']);
  });

  it('ctrl+shift-click adds a range to what was selected', () => {
    let state = rowClicked(emptySelection, rows, 'f', { range: false, toggle: true });
    state = { ...state, anchor: 'a' };
    state = rowClicked(state, rows, 'b', { range: true, toggle: true });
    expect(sorted(state)).toEqual(['a', 'b', 'f']);
  });

  it('x toggles the cursor row; the cursor moves within bounds', () => {
    let state = cursorMoved(emptySelection, rows, ids.length, 1);
    expect(state.cursor).toBe('a');
    state = cursorToggled(state);
    state = cursorMoved(state, rows, ids.length, 1);
    state = cursorToggled(state);
    expect(sorted(state)).toEqual(['a', 'b']);
    expect(cursorMoved(state, rows, ids.length, -10).cursor).toBe('a');
    expect(cursorMoved(state, rows, ids.length, 10).cursor).toBe('f');
  });

  it('select all selects every loaded row, then none', () => {
    const all = allToggled(emptySelection, ['a', 'b', 'c']);
    expect(sorted(all)).toEqual(['a', 'b', 'c']);
    expect(allToggled(all, ['a', 'b', 'c']).selected.size).toBe(0);
  });

  it('actions apply to the selection, else to the cursor row', () => {
    expect(actionTargets({ selected: new Set(['b']), anchor: null, cursor: 'a' })).toEqual(['b']);
    expect(actionTargets({ selected: new Set(), anchor: null, cursor: 'a' })).toEqual(['a']);
    expect(actionTargets(emptySelection)).toEqual([]);
  });

  it('rows that leave the list leave the selection, and the cursor moves on', () => {
    const state = rowsRemoved(
      { selected: new Set(['a', 'b']), anchor: 'a', cursor: 'b' },
      new Set(['a', 'b']),
      'c',
    );
    expect(state).toEqual({ selected: new Set(), anchor: 'c', cursor: 'c' });
  });
});
