import { createContext, createElement, useContext } from 'react';
import type { ComponentType, ReactNode } from 'react';

/**
 * What other features show in the mail reader, without the mail feature importing them (STYLE 6):
 * the app shell fills these places, e.g. the calendar's invitation card and "Meet now".
 */
export interface ReaderAddons {
  /** Shown above a message's body: the message as the reader loaded it (RFC 8621 Email). */
  Message?: ComponentType<ReaderMessageAddonProps>;
  /** Shown with the reader's actions on the open thread. */
  ThreadAction?: ComponentType<ReaderThreadAddonProps>;
}

/** The body parts of an email the add-ons look at (RFC 8621 §4.1.4 EmailBodyPart). */
export interface ReaderMessagePart {
  partId?: string | null;
  blobId?: string | null;
  type?: string;
  charset?: string | null;
  size?: number;
}

export interface ReaderMessageAddonProps {
  accountId: string;
  email: { id: string; subject?: string | null; attachments?: readonly ReaderMessagePart[] | null };
}

export interface ReaderThreadAddonProps {
  accountId: string;
  emailId: string;
}

const ReaderAddonsContext = createContext<ReaderAddons>({});

export function ReaderAddonsProvider({ addons, children }: { addons: ReaderAddons; children: ReactNode }) {
  return createElement(ReaderAddonsContext, { value: addons }, children);
}

/** The add-ons the shell provides; none when the reader is rendered on its own (tests, stories). */
export function useReaderAddons(): ReaderAddons {
  return useContext(ReaderAddonsContext);
}
