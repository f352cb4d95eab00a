import { create } from 'zustand';
import type { Id } from '@colibri/jmap-types';

/** A message handed to the server, shown until it has gone (or been undone). */
export interface SendToast {
  submissionId: Id;
  emailId: Id;
  sendAt: string;
  /** undo: a short hold for undo send; scheduled: send later. */
  kind: 'undo' | 'scheduled';
  state: 'pending' | 'sent' | 'canceling' | 'canceled' | 'failed';
  message: string | null;
}

interface SendToastStore {
  toasts: SendToast[];
  actions: {
    sendQueued: (toast: Omit<SendToast, 'state' | 'message'>, state?: SendToast['state']) => void;
    toastChanged: (submissionId: Id, patch: Partial<SendToast>) => void;
    toastDismissed: (submissionId: Id) => void;
  };
}

export const useSendToastStore = create<SendToastStore>()((set) => ({
  toasts: [],
  actions: {
    sendQueued: (toast, initial = 'pending') =>
      set((state) => ({ toasts: [...state.toasts, { ...toast, state: initial, message: null }] })),
    toastChanged: (submissionId, patch) =>
      set((state) => ({
        toasts: state.toasts.map((t) => (t.submissionId === submissionId ? { ...t, ...patch } : t)),
      })),
    toastDismissed: (submissionId) =>
      set((state) => ({ toasts: state.toasts.filter((t) => t.submissionId !== submissionId) })),
  },
}));

export const useSendToasts = () => useSendToastStore((state) => state.toasts);
export const useSendToastActions = () => useSendToastStore((state) => state.actions);
