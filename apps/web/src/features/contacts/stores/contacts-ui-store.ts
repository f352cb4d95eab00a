import { create } from 'zustand';
import type { Id } from '@colibri/jmap-types';

/** What the side pane selected: every card, one address book, or one group. */
export type ContactsScope = { kind: 'all' } | { kind: 'book'; id: Id } | { kind: 'group'; id: Id };

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

/** UI state of the contacts screen (STYLE 19); the cards themselves live in TanStack Query. */
export const useContactsUiStore = create<ContactsUiState>()((set) => ({
  scope: { kind: 'all' },
  search: '',
  pane: { kind: 'none' },
  actions: {
    scopeChosen: (scope) => set({ scope }),
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
