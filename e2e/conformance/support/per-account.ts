import type { JmapAccount } from './jmap-raw.js';

/**
 * Data a spec file's tests share (e.g. one imported message), made on first use for the file's
 * account. Not set up by the first test: Playwright restarts the worker after a failure, and the
 * next test must still find its data (it then gets a new account and makes the data again).
 */
export function perAccount<T>(
  make: (account: JmapAccount) => Promise<T>,
): (account: JmapAccount) => Promise<T> {
  const made = new WeakMap<JmapAccount, Promise<T>>();
  return (account) => {
    let value = made.get(account);
    if (!value) {
      value = make(account);
      made.set(account, value);
    }
    return value;
  };
}
