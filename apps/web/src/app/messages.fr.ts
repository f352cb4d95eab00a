import type { ShellMessages } from './messages';

/** French strings of the shell; the type makes every English key required. */
export const shellMessagesFr: ShellMessages = {
  settings: 'Paramètres',
  navLabel: 'Applications',
  mail: 'Courrier',
  calendar: 'Agenda',
  contacts: 'Contacts',
  toastsLabel: 'Notifications',
  dismiss: 'Fermer',
  errorTitle: 'Une erreur s’est produite',
  errorText: 'Colibri a rencontré une erreur inattendue sur cet écran.',
  errorBack: 'Retour au courrier',
};
