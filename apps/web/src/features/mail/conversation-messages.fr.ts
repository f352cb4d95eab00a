import type { ConversationMessages } from './conversation-messages';
import type { RemoteContentCounts } from './lib/sanitize-email-html';

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** French strings of the conversation reader; the type makes every English key required. */
export const conversationMessagesFr: ConversationMessages = {
  conversationLabel: 'Conversation',
  messageLabel: (sender: string, date: string) => `Message de ${sender}, ${date}`,
  messageCount: (count: number) => plural(count, 'message', 'messages'),
  hiddenInBins: (count: number) =>
    `${plural(count, 'message de la Corbeille ou des Indésirables masqué', 'messages de la Corbeille ou des Indésirables masqués')}. Ouvrez la conversation depuis ce dossier pour ${count > 1 ? 'les' : 'le'} voir.`,
  omitted: (count: number) =>
    `${plural(count, 'message plus ancien', 'messages plus anciens')} de cette longue conversation ${count > 1 ? 'ne sont pas affichés' : 'n’est pas affiché'}.`,
  expand: (sender: string) => `Afficher le message de ${sender}`,
  addToContacts: 'Ajouter aux contacts',
  addToContactsLabel: (address: string) => `Ajouter aux contacts : ${address}`,
  collapse: 'Replier',
  draft: 'Brouillon',
  showQuoted: 'Afficher le texte cité',
  hideQuoted: 'Masquer le texte cité',
  remoteContentParts: (counts: RemoteContentCounts): string[] =>
    [
      counts.images > 0 && plural(counts.images, 'image distante', 'images distantes'),
      counts.cssUrls > 0 &&
        plural(counts.cssUrls, 'arrière-plan ou police distant', 'arrière-plans ou polices distants'),
      counts.styleSheets > 0 &&
        plural(counts.styleSheets, 'feuille de style distante', 'feuilles de style distantes'),
      counts.other > 0 && plural(counts.other, 'autre ressource distante', 'autres ressources distantes'),
    ].filter((part): part is string => typeof part === 'string'),
  remoteContentBlocked: (parts: string[]) =>
    `Bloqué pour protéger votre vie privée\u00a0: ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}` : parts[0]}.`,
  showRemoteOnce: 'Afficher les images',
  showRemoteAlways: (sender: string) => `Toujours afficher les images de ${sender}`,
  reply: 'Répondre',
  replyAll: 'Répondre à tous',
  forward: 'Transférer',
  moreActions: 'Autres actions',
  viewSource: 'Afficher la source',
  viewSourceError: 'La source de ce message n’a pas pu être ouverte.',
  unsubscribe: 'Se désabonner',
  unsubscribeOneClick: 'Se désabonner',
  unsubscribeSent: 'Demande de désabonnement envoyée.',
  unsubscribeFailed: 'La demande de désabonnement n’a pas pu être envoyée. Essayez le lien du message.',
  unsubscribeConfirm: (list: string) => `Se désabonner de ${list}\u202f?`,
  authLabel: 'Vérifications de l’expéditeur',
  authMethod: { dkim: 'DKIM', spf: 'SPF', dmarc: 'DMARC' },
  authResult: (method: string, result: string) => `${method}\u00a0: ${result}`,
  authFailed:
    'Ce message a échoué aux vérifications de l’expéditeur\u00a0: il ne vient peut-être pas de la personne indiquée. Méfiez-vous de ses liens et pièces jointes.',
  lookalikePunycode: (domain: string) =>
    `Le domaine de l’expéditeur «\u00a0${domain}\u00a0» utilise des lettres qui peuvent imiter un autre domaine.`,
  lookalikeMixedScript: (domain: string) =>
    `Le domaine de l’expéditeur «\u00a0${domain}\u00a0» mélange plusieurs alphabets, une ruse pour imiter un autre domaine.`,
  lookalikeNameAddress: (shown: string, actual: string) =>
    `Le nom de l’expéditeur affiche l’adresse ${shown}, mais le message vient de ${actual}.`,
  openPdf: (name: string) => `Ouvrir ${name} dans un nouvel onglet`,
  previewOf: (name: string) => `Aperçu de ${name}`,
  openError: 'La pièce jointe n’a pas pu être ouverte.',
};
