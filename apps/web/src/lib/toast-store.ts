import { create } from 'zustand';

/** A short message at the bottom of the screen, with at most one action (Undo). */
export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** Toasts stay this long unless dismissed; errors and Undo offers get longer to be read and used. */
export const TOAST_MS = { info: 6000, error: 10_000 } as const;
/** More at once would cover the list on a phone; the oldest go first. */
const MAX_TOASTS = 3;

interface ToastState {
  toasts: Toast[];
  actions: {
    toastShown: (toast: Omit<Toast, 'id'>) => number;
    toastDismissed: (id: number) => void;
  };
}

let nextId = 1;

/** App-wide UI state (STYLE 19): any feature may announce an outcome and offer to undo it. */
export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  actions: {
    toastShown: (toast) => {
      const id = nextId++;
      set((state) => ({ toasts: [...state.toasts, { ...toast, id }].slice(-MAX_TOASTS) }));
      return id;
    },
    toastDismissed: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  },
}));

export const useToasts = () => useToastStore((state) => state.toasts);
export const useToastActions = () => useToastStore((state) => state.actions);
