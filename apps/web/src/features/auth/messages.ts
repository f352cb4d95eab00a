import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { authMessagesFr } from './messages.fr';

/** English strings of the auth feature, in one place so that a French catalogue can slot in. */
const en = {
  loginTitle: 'Sign in to Colibri',
  loginSubtitle: 'Mail, calendar and contacts on your own server.',
  emailLabel: 'Email address',
  passwordLabel: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  wrongCredentials: 'Wrong email address or password.',
  tooManyAttempts: 'Too many failed attempts.',
  retryIn: (seconds: number) => `You can try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  badRequest: 'Enter your email address and password.',
  network: 'Colibri could not be reached. Check your connection and try again.',
  unexpected: 'Something went wrong on our side. Please try again.',
  logout: 'Log out',
  loggingOut: 'Logging out…',
  checkingSession: 'Loading Colibri…',
  retry: 'Try again',
} as const;

export type AuthMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const authMessages: AuthMessages = pickCatalogue<typeof en>({ en, fr: authMessagesFr });
