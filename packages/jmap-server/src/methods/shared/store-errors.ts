import { StoreError } from '@colibri/mail-store';

/** The store's "start over" answer for /changes (an unknown, malformed or pruned state). */
export function isCannotCalculateChanges(error: unknown): boolean {
  return error instanceof StoreError && error.code === 'cannotCalculateChanges';
}
