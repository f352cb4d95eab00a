import { useEffect, useState } from 'react';

/** Seconds left until `until` (a Date.now() timestamp), updated every second; 0 once passed. */
export function useCountdown(until: number | null, now: () => number = Date.now): number {
  const secondsLeft = () => (until === null ? 0 : Math.max(0, Math.ceil((until - now()) / 1000)));
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const update = () => setLeft(until === null ? 0 : Math.max(0, Math.ceil((until - now()) / 1000)));
    update();
    if (until === null) return undefined;
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  }, [until, now]);
  return left;
}
