import { create } from 'zustand';

/** Reading pane beside the list, or the list alone (a message then takes its place). */
export type MailLayout = 'split' | 'list';
/** One row per conversation (RFC 8621 §4.4 collapseThreads) or per message. */
export type ListMode = 'conversations' | 'messages';
/** Which snooze menu is open: the list toolbar's (the selection) or the reader's (its message). */
export type SnoozeMenuPlace = 'toolbar' | 'reader';

const LAYOUT_KEY = 'colibri.mail.layout';
const LIST_MODE_KEY = 'colibri.mail.listMode';

function remembered<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const value = globalThis.localStorage?.getItem(key);
    return allowed.find((a) => a === value) ?? fallback;
  } catch {
    return fallback; // Storage may be disabled (private mode); the default will do.
  }
}

function remember(key: string, value: string) {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered across reloads; the choice still holds for this visit.
  }
}

/**
 * UI state of the mail screen (STYLE 19). Which mailbox and message are open lives in the URL
 * (`/mail/:mailboxId/:emailId`), so that links, reloads and the back button work; this store
 * holds what the URL should not: the layout, the list mode, the drawer, the help dialog and
 * which snooze menu is open.
 */
interface MailUiState {
  mailboxPaneOpen: boolean;
  layout: MailLayout;
  listMode: ListMode;
  shortcutsHelpOpen: boolean;
  snoozeMenu: SnoozeMenuPlace | null;
  /** Actions, named as events; a stable object, so selecting it never re-renders. */
  actions: {
    mailboxPaneToggled: () => void;
    mailboxChosen: () => void;
    layoutChosen: (layout: MailLayout) => void;
    listModeChosen: (mode: ListMode) => void;
    shortcutsHelpToggled: (open: boolean) => void;
    snoozeMenuToggled: (place: SnoozeMenuPlace | null) => void;
  };
}

export const useMailUiStore = create<MailUiState>()((set) => ({
  mailboxPaneOpen: false,
  layout: remembered<MailLayout>(LAYOUT_KEY, ['split', 'list'], 'split'),
  listMode: remembered<ListMode>(LIST_MODE_KEY, ['conversations', 'messages'], 'messages'),
  shortcutsHelpOpen: false,
  snoozeMenu: null,
  actions: {
    mailboxPaneToggled: () => set((state) => ({ mailboxPaneOpen: !state.mailboxPaneOpen })),
    // Picking a mailbox on a narrow screen hides the pane again, to show the list.
    mailboxChosen: () => set({ mailboxPaneOpen: false }),
    layoutChosen: (layout) => {
      remember(LAYOUT_KEY, layout);
      set({ layout });
    },
    listModeChosen: (listMode) => {
      remember(LIST_MODE_KEY, listMode);
      set({ listMode });
    },
    shortcutsHelpToggled: (shortcutsHelpOpen) => set({ shortcutsHelpOpen }),
    snoozeMenuToggled: (snoozeMenu) => set({ snoozeMenu }),
  },
}));

export const useMailboxPaneOpen = () => useMailUiStore((state) => state.mailboxPaneOpen);
export const useMailLayout = () => useMailUiStore((state) => state.layout);
export const useListMode = () => useMailUiStore((state) => state.listMode);
/** The list mode outside React (the prefetch asks for the list the screen will show). */
export const readListMode = (): ListMode => useMailUiStore.getState().listMode;
export const useShortcutsHelpOpen = () => useMailUiStore((state) => state.shortcutsHelpOpen);
export const useSnoozeMenu = () => useMailUiStore((state) => state.snoozeMenu);
export const useMailUiActions = () => useMailUiStore((state) => state.actions);
