import { pickCatalogue } from '../lib/i18n';
import type { Catalogue } from '../lib/i18n';
import { shellMessagesFr } from './messages.fr';

/** English strings of the shell (banner, error screen, toasts, desktop notifications). */
const en = {
  settings: 'Settings',
  navLabel: 'Apps',
  mail: 'Mail',
  calendar: 'Calendar',
  contacts: 'Contacts',
  toastsLabel: 'Notifications',
  dismiss: 'Dismiss',
  errorTitle: 'Something went wrong',
  errorText: 'Colibri hit an unexpected error on this screen.',
  errorBack: 'Back to the mail',
} as const;

export type ShellMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const shellMessages: ShellMessages = pickCatalogue<typeof en>({ en, fr: shellMessagesFr });
