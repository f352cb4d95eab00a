import { createContext, createElement, useContext } from 'react';
import type { ReactNode } from 'react';

/**
 * How any screen asks the calendar for a new event, without importing the calendar feature (a
 * feature never imports another, STYLE 6): "Invite to a meeting" on a contact. The shell hands
 * the request over (`handOverNewEvent`) and opens `/calendar`, whose screen takes it once
 * (`takeNewEventRequest`) and opens its new-event editor with it.
 */
export interface NewEventRequest {
  title?: string;
  /** The attendees' email addresses (the organiser is the user). */
  attendees: string[];
}

export type OpenNewEvent = (request: NewEventRequest) => void;

const EventLauncherContext = createContext<OpenNewEvent | null>(null);

/** Provided by the app shell (app/feature-bridges.tsx). */
export function EventLauncherProvider({ open, children }: { open: OpenNewEvent; children: ReactNode }) {
  return createElement(EventLauncherContext, { value: open }, children);
}

/** The launcher when a shell provides one, else null (components rendered on their own, in tests). */
export function useOptionalEventLauncher(): OpenNewEvent | null {
  return useContext(EventLauncherContext);
}

/** Explicit limit, the calendar's own (features/calendar MAX_ATTENDEES). */
const MAX_ATTENDEES = 200;

let pending: NewEventRequest | null = null;

/** The shell's side: keeps the request for the calendar screen, which is about to mount. */
export function handOverNewEvent(request: NewEventRequest): void {
  pending = { ...request, attendees: request.attendees.slice(0, MAX_ATTENDEES) };
}

/** The calendar's side: the request handed over, once (a second call answers null). */
export function takeNewEventRequest(): NewEventRequest | null {
  const request = pending;
  pending = null;
  return request;
}
