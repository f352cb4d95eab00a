import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { notificationMessagesFr } from './notification-messages.fr';

/** English strings of the desktop notifications of new mail (beside mail's `messages.ts`). */
const en = {
  one: (sender: string) => `New message from ${sender}`,
  many: (count: number) => `${count} new messages`,
  manyBody: (senders: string) => `From ${senders}`,
  noSubject: '(no subject)',
  unknownSender: '(unknown sender)',
} as const;

export type NotificationMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const notificationMessages: NotificationMessages = pickCatalogue<typeof en>({
  en,
  fr: notificationMessagesFr,
});
