import type { AccountId } from '../model.js';

/**
 * What a port suite needs of the metadata backend beside the port itself: its write transaction
 * (the port's `Tx`) and accounts to keep apart.
 */
export interface PortBackend<Tx> {
  /** Runs `fn` in one write transaction: committed when it returns, rolled back when it throws. */
  transact<T>(fn: (tx: Tx) => T | Promise<T>): Promise<T>;
  /** A new account, with nothing logged or indexed yet. */
  newAccount(): Promise<AccountId>;
  /** Closes the backend and removes its data. */
  cleanup(): Promise<void>;
}

/** Continues after a port call whichever its mode: at once for a value, later for a promise. */
export function andThen<T, U>(value: T | Promise<T>, next: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
