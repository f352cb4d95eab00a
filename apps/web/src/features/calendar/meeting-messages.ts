import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { meetingMessagesFr } from './meeting-messages.fr';

/** English strings of video meetings and invitations (beside `messages.ts`, with a French catalogue). */
const en = {
  addMeeting: 'Add a video meeting',
  addingMeeting: 'Creating the meeting…',
  removeMeeting: 'Remove the video meeting',
  meetingAdded: 'Video meeting',
  meetingFailed: 'The video meeting could not be created. Try again.',
  /** The virtual location's name (RFC 8984 §4.2.6), as other calendars show it. */
  locationName: 'Colibri video meeting',
  /** The description's line with the link, for calendars that ignore virtual locations. */
  descriptionLine: 'Join the video meeting',
  join: 'Join',
  joinLabel: (title: string) => `Join the video meeting: ${title}`,
  invitation: {
    label: 'Invitation',
    methods: {
      request: 'Invitation',
      cancel: 'Cancelled',
      counter: 'New time proposed',
      declinecounter: 'Proposal declined',
    },
    when: 'When',
    organizer: 'Organiser',
    noTitle: '(No title)',
    rsvpQuestion: 'Going?',
    accept: 'Accept',
    tentative: 'Maybe',
    decline: 'Decline',
    answered: {
      accepted: 'You accepted.',
      tentative: 'You said maybe.',
      declined: 'You declined.',
    },
    notInCalendar: 'This invitation is not in your calendar (it may come from an unverified sender).',
    cancelledNote: 'The organiser cancelled this event.',
    counterNote: 'See the proposal in your calendar.',
    declineCounterNote: 'The organiser declined the proposed time.',
    failed: 'Your answer could not be sent. Try again.',
    unreadable: 'This invitation could not be read.',
  },
} as const;

export type MeetingMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const meetingMessages: MeetingMessages = pickCatalogue<typeof en>({ en, fr: meetingMessagesFr });
