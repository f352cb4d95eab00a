import { create } from 'zustand';

/**
 * UI state of the mail screen (STYLE 19). Which mailbox and message are open lives in the URL
 * (`/mail/:mailboxId/:emailId`), so that links, reloads and the back button work; this store
 * holds what the URL should not: whether the mailbox pane is shown on narrow screens.
 */
interface MailUiState {
  mailboxPaneOpen: boolean;
  /** Actions, named as events; a stable object, so selecting it never re-renders. */
  actions: {
    mailboxPaneToggled: () => void;
    mailboxChosen: () => void;
  };
}

export const useMailUiStore = create<MailUiState>()((set) => ({
  mailboxPaneOpen: false,
  actions: {
    mailboxPaneToggled: () => set((state) => ({ mailboxPaneOpen: !state.mailboxPaneOpen })),
    // Picking a mailbox on a narrow screen hides the pane again, to show the list.
    mailboxChosen: () => set({ mailboxPaneOpen: false }),
  },
}));

export const useMailboxPaneOpen = () => useMailUiStore((state) => state.mailboxPaneOpen);
export const useMailUiActions = () => useMailUiStore((state) => state.actions);
