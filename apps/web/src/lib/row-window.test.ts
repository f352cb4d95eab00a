import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window';

describe('rowWindow', () => {
  it('renders the rows in view plus the overscan, within the list', () => {
    expect(rowWindow(100_000, 80, 3, 0, 400)).toEqual({
      firstVisible: 0,
      lastVisible: 4,
      start: 0,
      end: 7,
      totalHeight: 8_000_000,
    });
    // Scrolled to a row that is half in view at the top.
    expect(rowWindow(100_000, 80, 3, 8_040, 400)).toMatchObject({
      firstVisible: 100,
      lastVisible: 105,
      start: 97,
      end: 108,
    });
  });

  it('stops at the last row', () => {
    expect(rowWindow(10, 80, 3, 600, 400)).toMatchObject({
      firstVisible: 7,
      lastVisible: 9,
      start: 4,
      end: 9,
    });
  });

  it('has nothing to render for an empty list or before the viewport has a height', () => {
    expect(rowWindow(0, 80, 3, 0, 400)).toEqual({
      firstVisible: -1,
      lastVisible: -1,
      start: 0,
      end: -1,
      totalHeight: 0,
    });
    expect(rowWindow(50, 80, 3, 0, 0)).toMatchObject({ firstVisible: 0, lastVisible: 0, start: 0, end: 3 });
  });
});
