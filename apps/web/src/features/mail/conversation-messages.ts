import type { RemoteContentCounts } from './lib/sanitize-email-html';
import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { conversationMessagesFr } from './conversation-messages.fr';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** English strings of the conversation reader (beside mail's `messages.ts`, for a French catalogue). */
const en = {
  conversationLabel: 'Conversation',
  messageLabel: (sender: string, date: string) => `Message from ${sender}, ${date}`,
  messageCount: (count: number) => plural(count, 'message', 'messages'),
  hiddenInBins: (count: number) =>
    `${plural(count, 'message', 'messages')} in Trash or Junk not shown. Open the conversation from there to see ${count === 1 ? 'it' : 'them'}.`,
  omitted: (count: number) =>
    `${plural(count, 'older message', 'older messages')} of this long conversation not shown.`,
  expand: (sender: string) => `Show the message from ${sender}`,
  addToContacts: 'Add to contacts',
  addToContactsLabel: (address: string) => `Add to contacts: ${address}`,
  collapse: 'Collapse',
  draft: 'Draft',
  showQuoted: 'Show quoted text',
  hideQuoted: 'Hide quoted text',
  /** The kinds of remote content blocked, in words ("2 remote images", …). */
  remoteContentParts: (counts: RemoteContentCounts): string[] =>
    [
      counts.images > 0 && plural(counts.images, 'remote image', 'remote images'),
      counts.cssUrls > 0 &&
        plural(counts.cssUrls, 'remote background or font', 'remote backgrounds or fonts'),
      counts.styleSheets > 0 && plural(counts.styleSheets, 'remote style sheet', 'remote style sheets'),
      counts.other > 0 && plural(counts.other, 'other remote resource', 'other remote resources'),
    ].filter((part): part is string => typeof part === 'string'),
  remoteContentBlocked: (parts: string[]) =>
    `${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]} blocked to protect your privacy.`,
  showRemoteOnce: 'Show images',
  showRemoteAlways: (sender: string) => `Always show images from ${sender}`,
  reply: 'Reply',
  replyAll: 'Reply all',
  forward: 'Forward',
  moreActions: 'More actions',
  viewSource: 'View source',
  viewSourceError: 'The source of this message could not be opened.',
  unsubscribe: 'Unsubscribe',
  unsubscribeOneClick: 'Unsubscribe',
  unsubscribeSent: 'Unsubscribe request sent.',
  unsubscribeFailed: 'The unsubscribe request could not be sent. Try the link in the message.',
  unsubscribeConfirm: (list: string) => `Unsubscribe from ${list}?`,
  authLabel: 'Sender checks',
  authMethod: { dkim: 'DKIM', spf: 'SPF', dmarc: 'DMARC' } as const,
  authResult: (method: string, result: string) => `${method}: ${result}`,
  authFailed:
    'This message failed the sender checks: it may not come from who it says. Be careful with its links and attachments.',
  lookalikePunycode: (domain: string) =>
    `The sender's domain “${domain}” uses letters that can imitate another domain.`,
  lookalikeMixedScript: (domain: string) =>
    `The sender's domain “${domain}” mixes alphabets, a trick to imitate another domain.`,
  lookalikeNameAddress: (shown: string, actual: string) =>
    `The sender's name shows the address ${shown}, but the message comes from ${actual}.`,
  openPdf: (name: string) => `Open ${name} in a new tab`,
  previewOf: (name: string) => `Preview of ${name}`,
  openError: 'The attachment could not be opened.',
} as const;

export type ConversationMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const conversationMessages: ConversationMessages = pickCatalogue<typeof en>({
  en,
  fr: conversationMessagesFr,
});
