import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';
import type { EmailAddress } from '@colibri/jmap-types';

/**
 * How any screen adds a person to the address book without importing the contacts feature (a
 * feature never imports another, STYLE 6): the reader's "Add to contacts" on a sender. Resolves
 * once the card is stored; the contacts feature announces the outcome itself (a toast).
 */
export type AddToContacts = (address: EmailAddress) => Promise<void>;

const ContactsLauncherContext = createContext<AddToContacts | null>(null);

/** Provided by the app shell with the contacts feature's `useAddToContacts()`. */
export function ContactsLauncherProvider({ add, children }: { add: AddToContacts; children: ReactNode }) {
  return createElement(ContactsLauncherContext, { value: add }, children);
}

/** The launcher when a shell provides one, else null (components rendered on their own, in stories). */
export function useOptionalAddToContacts(): AddToContacts | null {
  return useContext(ContactsLauncherContext);
}
