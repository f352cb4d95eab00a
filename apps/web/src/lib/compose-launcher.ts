import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import type { EmailAddress } from '@colibri/jmap-types';

/**
 * How any screen asks for a composer, without importing the compose feature (a feature never
 * imports another, STYLE 6): a new message, an answer or forward of an email, or a saved draft.
 */
export type ComposeRequest =
  /** A new message, addressed to `to` when given (e.g. "Write a mail" on a contact). */
  | { mode: 'new'; to?: EmailAddress[] }
  | {
      mode: 'reply' | 'replyAll' | 'forward';
      emailId: string;
      /** The account the email is in when it is not the user's own (shared with them, RFC 9670). */
      sourceAccountId?: string;
    }
  | { mode: 'draft'; emailId: string; minimised?: boolean };

export type OpenComposer = (request: ComposeRequest) => void;

const ComposeLauncherContext = createContext<OpenComposer | null>(null);

/** Provided by the app shell with the compose feature's `useOpenComposer()`. */
export function ComposeLauncherProvider({ open, children }: { open: OpenComposer; children: ReactNode }) {
  return createElement(ComposeLauncherContext, { value: open }, children);
}

/** Opens a composer, e.g. `openComposer({ mode: 'reply', emailId })` from the reader. */
export function useComposeLauncher(): OpenComposer {
  const open = useContext(ComposeLauncherContext);
  if (!open) throw new Error('useComposeLauncher() needs a <ComposeLauncherProvider> above it.');
  return open;
}

/** The launcher when a shell provides one, else null (components rendered on their own, in tests). */
export function useOptionalComposeLauncher(): OpenComposer | null {
  return useContext(ComposeLauncherContext);
}
