import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The undo-send delays offered, in seconds (0: send at once, no undo). */
export const UNDO_DELAYS = [0, 5, 10, 20, 30] as const;
export const DEFAULT_UNDO_DELAY = 10;

interface SendSettings {
  /** How long the server holds a sent message so that it can still be undone (its sendAt). */
  undoDelaySeconds: number;
  actions: { undoDelayChosen: (seconds: number) => void };
}

export const useSendSettingsStore = create<SendSettings>()(
  persist(
    (set) => ({
      undoDelaySeconds: DEFAULT_UNDO_DELAY,
      actions: {
        undoDelayChosen: (seconds) =>
          set({
            undoDelaySeconds: (UNDO_DELAYS as readonly number[]).includes(seconds)
              ? seconds
              : DEFAULT_UNDO_DELAY,
          }),
      },
    }),
    {
      name: 'colibri.compose.settings',
      partialize: (state) => ({ undoDelaySeconds: state.undoDelaySeconds }),
    },
  ),
);

export const useUndoDelay = () => useSendSettingsStore((state) => state.undoDelaySeconds);
export const useSendSettingsActions = () => useSendSettingsStore((state) => state.actions);
