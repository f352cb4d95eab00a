import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { sharingMessagesFr } from './sharing-messages.fr';

/** English strings of folder sharing (RFC 9670): the shared accounts in the tree, the Share dialog. */
const en = {
  sharedWithMe: (owner: string) => `Shared with me by ${owner}`,
  sharedLoading: 'Loading shared folders…',
  sharedError: 'The shared folders could not be loaded.',
  share: 'Share…',
  shareTitle: (folder: string) => `Share “${folder}”`,
  person: 'Person',
  personHint: 'Name or address of someone in your organisation',
  access: 'Access',
  rightsLabel: 'Rights',
  presets: {
    read: 'Can read',
    organise: 'Can read and organise',
    full: 'Full access',
    custom: 'Custom',
  },
  rights: {
    mayReadItems: 'Read messages',
    mayAddItems: 'Add messages',
    mayRemoveItems: 'Remove messages',
    maySetSeen: 'Mark read or unread',
    maySetKeywords: 'Flag and tag',
    mayCreateChild: 'Create subfolders',
    mayRename: 'Rename the folder',
    mayDelete: 'Delete the folder',
    maySubmit: 'Send from the folder',
  },
  shareButton: 'Share',
  sharedWith: 'Shared with',
  notShared: 'Not shared with anyone yet.',
  accessOf: (who: string) => `Access of ${who}`,
  remove: 'Remove',
  removeWho: (who: string) => `Stop sharing with ${who}`,
  close: 'Close',
  unknownPerson: (text: string) => `Nobody in your organisation is called “${text}”.`,
  shared: (who: string) => `Shared with ${who}`,
  unshared: (who: string) => `No longer shared with ${who}`,
  shareFailed: (reason: string) => `The sharing could not be changed: ${reason}`,
  notAllowed: 'You do not have the right to do this in this shared folder.',
};

export type SharingMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const sharingMessages: SharingMessages = pickCatalogue<typeof en>({ en, fr: sharingMessagesFr });
