import { useEffect } from 'react';
import type { Id } from '@colibri/jmap-types';
import { useComposerStore } from '../stores/composer-store';

interface SavedComposer {
  draftEmailId: Id;
  minimised: boolean;
}

const storageKey = (accountId: Id) => `colibri.compose.open.${accountId}`;

/** The open composers' draft ids, as written by `usePersistComposers`. */
export function readSavedComposers(storage: Storage, accountId: Id): SavedComposer[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(accountId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is SavedComposer =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as SavedComposer).draftEmailId === 'string',
    );
  } catch {
    return [];
  }
}

/** Accounts whose composers were restored in this page already (StrictMode runs effects twice). */
const restored = new Set<Id>();

/**
 * Open composers survive a reload or a crash: their draft ids go to localStorage (per account)
 * at every change, and at start each is opened again; the content comes from the server's draft.
 * A composer never saved has nothing to restore.
 */
export function usePersistComposers(accountId: Id | undefined) {
  useEffect(() => {
    if (!accountId) return;
    if (!restored.has(accountId)) {
      restored.add(accountId);
      const { composerOpened } = useComposerStore.getState().actions;
      for (const saved of readSavedComposers(localStorage, accountId))
        composerOpened({ mode: 'draft', emailId: saved.draftEmailId, minimised: true });
    }
    return useComposerStore.subscribe((state) => {
      const open: SavedComposer[] = state.composers.flatMap((c) =>
        c.draftEmailId && c.status !== 'error'
          ? [{ draftEmailId: c.draftEmailId, minimised: c.minimised }]
          : [],
      );
      try {
        localStorage.setItem(storageKey(accountId), JSON.stringify(open));
      } catch {
        // Storage full or denied: the drafts are on the server all the same.
      }
    });
  }, [accountId]);
}
