/** The rows of a fixed-height list to render for a viewport. */
export interface RowWindow {
  /** First and last rows at least partly in view (-1 when none). */
  firstVisible: number;
  lastVisible: number;
  /** First and last rows to render: the visible ones plus the overscan, within the list. */
  start: number;
  end: number;
  /** The list's full height, in pixels. */
  totalHeight: number;
}

/**
 * Rows `start..end` to render when the viewport shows `height` pixels from `top` of a list of
 * `count` rows of `rowHeight` pixels each. Constant time, whatever the count.
 */
export function rowWindow(
  count: number,
  rowHeight: number,
  overscan: number,
  top: number,
  height: number,
): RowWindow {
  const totalHeight = Math.max(0, count) * rowHeight;
  if (count <= 0 || rowHeight <= 0)
    return { firstVisible: -1, lastVisible: -1, start: 0, end: -1, totalHeight };
  const clampRow = (row: number) => Math.min(count - 1, Math.max(0, row));
  const firstVisible = clampRow(Math.floor(Math.max(0, top) / rowHeight));
  const lastVisible = clampRow(Math.ceil((Math.max(0, top) + Math.max(0, height)) / rowHeight) - 1);
  return {
    firstVisible,
    lastVisible: Math.max(firstVisible, lastVisible),
    start: clampRow(firstVisible - overscan),
    end: clampRow(Math.max(firstVisible, lastVisible) + overscan),
    totalHeight,
  };
}
