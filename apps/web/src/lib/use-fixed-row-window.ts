import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';
import { rowWindow } from './row-window';
import type { RowWindow } from './row-window';

interface Viewport {
  top: number;
  height: number;
}

/**
 * Which rows of a list of `count` fixed-height rows are in view in `scrollRef` (plus `overscan`
 * each way), following scrolling and resizing. Work per update is the rows in view, whatever
 * `count` is (a 100,000-message mailbox costs what a 10-message one does).
 *
 * Until the element's size is known, the window's height stands in for it: the first render
 * already shows the top rows, without reading layout in an effect.
 */
export function useFixedRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow & { scrollToIndex: (index: number) => void } {
  const [viewport, setViewport] = useState<Viewport>(() => ({
    top: 0,
    height: typeof window === 'undefined' ? 0 : window.innerHeight,
  }));

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const read = (height: number) =>
      setViewport((old) =>
        old.top === element.scrollTop && old.height === height ? old : { top: element.scrollTop, height },
      );
    // Rendered in the scroll event itself, so that fast scrolling never shows blank rows.
    const onScroll = () => flushSync(() => read(element.clientHeight));
    element.addEventListener('scroll', onScroll, { passive: true });
    if (typeof ResizeObserver === 'undefined') {
      read(element.clientHeight);
      return () => element.removeEventListener('scroll', onScroll);
    }
    const observer = new ResizeObserver(([entry]) => read(entry?.contentRect.height ?? element.clientHeight));
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const top = index * rowHeight;
      // As little as brings the row into view ("nearest"), as the keyboard expects.
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + element.clientHeight)
        element.scrollTop = top + rowHeight - element.clientHeight;
    },
    [scrollRef, rowHeight],
  );

  return { ...rowWindow(count, rowHeight, overscan, viewport.top, viewport.height), scrollToIndex };
}
