import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { roomMessagesFr } from './room-messages.fr';

/** English strings of room booking (beside `messages.ts`, with a French catalogue). */
const en = {
  rooms: 'Rooms',
  booked: 'Rooms booked',
  none: 'No room booked.',
  show: 'Book a room',
  hide: 'Hide rooms',
  available: 'Available rooms',
  add: (name: string) => `Add ${name}`,
  remove: (name: string) => `Remove ${name}`,
  addShort: 'Add',
  removeShort: 'Remove',
  state: {
    free: 'Free',
    busy: 'Busy',
    loading: 'Loading…',
    unknown: 'Unknown',
    forbidden: 'Not shared with you',
    failed: 'Could not be loaded',
  },
  loading: 'Loading rooms…',
  failed: 'The rooms could not be loaded.',
  noRooms: 'This organisation has no rooms.',
  room: 'room',
} as const;

export type RoomMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const roomMessages: RoomMessages = pickCatalogue<typeof en>({ en, fr: roomMessagesFr });
