import type { MeetingMessages } from './meeting-messages';

/** French strings of video meetings and invitations; the type makes every English key required. */
export const meetingMessagesFr: MeetingMessages = {
  addMeeting: 'Ajouter une visioconférence',
  addingMeeting: 'Création de la réunion…',
  removeMeeting: 'Retirer la visioconférence',
  meetingAdded: 'Visioconférence',
  meetingFailed: 'La visioconférence n’a pas pu être créée. Réessayez.',
  locationName: 'Visioconférence Colibri',
  descriptionLine: 'Rejoindre la visioconférence',
  join: 'Rejoindre',
  joinLabel: (title: string) => `Rejoindre la visioconférence : ${title}`,
  invitation: {
    label: 'Invitation',
    methods: {
      request: 'Invitation',
      cancel: 'Annulé',
      counter: 'Nouvel horaire proposé',
      declinecounter: 'Proposition refusée',
    },
    when: 'Quand',
    organizer: 'Organisateur',
    noTitle: '(Sans titre)',
    rsvpQuestion: 'Vous participez ?',
    accept: 'Accepter',
    tentative: 'Peut-être',
    decline: 'Refuser',
    answered: {
      accepted: 'Vous avez accepté.',
      tentative: 'Vous avez répondu peut-être.',
      declined: 'Vous avez refusé.',
    },
    notInCalendar:
      'Cette invitation n’est pas dans votre agenda (elle vient peut-être d’un expéditeur non vérifié).',
    cancelledNote: 'L’organisateur a annulé cet événement.',
    counterNote: 'Voyez la proposition dans votre agenda.',
    declineCounterNote: 'L’organisateur a refusé l’horaire proposé.',
    failed: 'Votre réponse n’a pas pu être envoyée. Réessayez.',
    unreadable: 'Cette invitation n’a pas pu être lue.',
  },
};
