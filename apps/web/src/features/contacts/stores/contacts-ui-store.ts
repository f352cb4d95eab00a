import { create } from 'zustand';
import type { Id } from '@colibri/jmap-types';

/** What the side pane selected: every card, one address book, or one group. */
export type ContactsScope =
  | { kind: 'all' }
  /** `accountId` for a book of another account shared with the user (RFC 9670). */
  | { kind: 'book'; id: Id; accountId?: Id }
  | { kind: 'group'; id: Id };

/** The right pane: nothing, a card, the editor (of a new card or of one), the import, or duplicates. */
export type ContactsPane =
  | { kind: 'none' }
  | { kind: 'card'; id: Id }
  | { kind: 'edit'; id: Id | null }
  | { kind: 'import' }
  | { kind: 'duplicates' };

interface ContactsUiState {
  scope: ContactsScope;
  search: string;
  pane: ContactsPane;
  actions: {
    scopeChosen: (scope: ContactsScope) => void;
    searchChanged: (search: string) => void;
    cardOpened: (id: Id) => void;
    editorOpened: (id: Id | null) => void;
    importOpened: () => void;
    duplicatesOpened: () => void;
    paneClosed: () => void;
  };
}

const accountOf = (scope: ContactsScope) => (scope.kind === 'book' ? scope.accountId : undefined);

/** UI state of the contacts screen (STYLE 19); the cards themselves live in TanStack Query. */
export const useContactsUiStore = create<ContactsUiState>()((set) => ({
  scope: { kind: 'all' },
  search: '',
  pane: { kind: 'none' },
  actions: {
    // A book of another account: the open card (of this account) closes.
    scopeChosen: (scope) =>
      set((state) =>
        accountOf(state.scope) === accountOf(scope) ? { scope } : { scope, pane: { kind: 'none' } },
      ),
    searchChanged: (search) => set({ search }),
    cardOpened: (id) => set({ pane: { kind: 'card', id } }),
    editorOpened: (id) => set({ pane: { kind: 'edit', id } }),
    importOpened: () => set({ pane: { kind: 'import' } }),
    duplicatesOpened: () => set({ pane: { kind: 'duplicates' } }),
    paneClosed: () => set({ pane: { kind: 'none' } }),
  },
}));

export const useContactsScope = () => useContactsUiStore((state) => state.scope);
export const useContactsSearch = () => useContactsUiStore((state) => state.search);
export const useContactsPane = () => useContactsUiStore((state) => state.pane);
export const useContactsActions = () => useContactsUiStore((state) => state.actions);
