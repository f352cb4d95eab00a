import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { findTimeMessagesFr } from './find-time-messages.fr';

/** English strings of "find a time" (beside `messages.ts`, with a French catalogue). */
const en = {
  open: 'Find a time',
  close: 'Hide availability',
  heading: 'Availability',
  previousDay: 'Previous day',
  nextDay: 'Next day',
  nextFree: 'Next free slot for everyone',
  searching: 'Looking for a free slot…',
  noFreeSlot: (days: number) => `No slot is free for everyone in the next ${days} days.`,
  pick: (time: string) => `Pick ${time}`,
  people: 'People',
  you: (name: string) => `${name} (you)`,
  busy: (range: string) => `Busy ${range}`,
  tentative: (range: string) => `Maybe busy ${range}`,
  state: {
    free: 'Free at this time',
    busy: 'Busy at this time',
    loading: 'Loading availability…',
    unknown: 'Availability unknown',
    forbidden: 'Availability not shared with you',
    failed: 'Availability could not be loaded',
  },
  summary: {
    allFree: 'Everyone whose availability is known is free at this time.',
    someBusy: (names: string) => `Busy at this time: ${names}.`,
  },
  tooMany: (max: number) => `Only the first ${max} people are shown.`,
} as const;

export type FindTimeMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const findTimeMessages: FindTimeMessages = pickCatalogue<typeof en>({ en, fr: findTimeMessagesFr });
