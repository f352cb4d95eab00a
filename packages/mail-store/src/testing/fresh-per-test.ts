import { afterEach, beforeEach } from 'vitest';

/**
 * Opens a fresh fixture per test (beforeEach) and cleans it up after (afterEach), so that no test
 * sees another's data whatever the backend; the getter returns the current one.
 */
export function useFreshPerTest<F extends { cleanup(): Promise<void> }>(factory: () => Promise<F>): () => F {
  let current: F | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    await done?.cleanup();
  });
  return () => {
    if (!current) throw new Error('The fixture is only available inside a test');
    return current;
  };
}
