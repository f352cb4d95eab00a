import type { NotificationMessages } from './notification-messages';

/** French strings of the desktop notifications; the type makes every English key required. */
export const notificationMessagesFr: NotificationMessages = {
  one: (sender: string) => `Nouveau message de ${sender}`,
  many: (count: number) => `${count} nouveaux messages`,
  manyBody: (senders: string) => `De ${senders}`,
  noSubject: '(sans objet)',
  unknownSender: '(expéditeur inconnu)',
};
