import { pickCatalogue } from '../../lib/i18n';
import type { Catalogue } from '../../lib/i18n';
import { settingsMessagesFr } from './messages.fr';

/** English strings of the settings feature, in one place so that the French catalogue follows it. */
const en = {
  locale: 'en-GB',
  title: 'Settings',
  loading: 'Loading…',
  loadError: 'The settings could not be loaded.',
  retry: 'Try again',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  cancel: 'Cancel',
  refused: (detail: string) => `The server refused the change: ${detail}`,
  refusedType: (type: string, properties: string[] | undefined, description: string | undefined): string => {
    if (type === 'forbiddenFrom')
      return 'You may not send from this address: it is not one of your account’s.';
    if (type === 'forbidden') return description ?? 'This change is not allowed.';
    if (type === 'invalidProperties')
      return `Invalid ${properties?.length ? properties.join(', ') : 'values'}${description ? ` (${description})` : ''}.`;
    if (type === 'overQuota') return 'You have reached the maximum number allowed.';
    return description ?? type;
  },
  network: 'The server could not be reached. Nothing was saved.',
  vacation: {
    heading: 'Vacation responder',
    intro: 'Answer the mail you receive automatically, once per sender per week, while you are away.',
    enabled: 'Send an automatic reply',
    from: 'From (optional)',
    to: 'Until (optional)',
    dateHint: 'Your local time. Leave empty to start now or never stop.',
    subject: 'Subject',
    subjectHint: 'Empty: “Auto:” followed by the subject of the message received.',
    textBody: 'Message',
    htmlBody: 'Message in HTML (optional)',
    htmlHint: 'Sent alongside the plain text for mail apps that show formatting.',
    badRange: 'The end must come after the start.',
    emptyBody: 'Write the message to send while the responder is on.',
    status: (on: boolean) => (on ? 'On' : 'Off'),
  },
  identities: {
    heading: 'Identities and signatures',
    intro: 'The names and addresses you send from, each with its signature.',
    listLabel: 'Identities',
    empty: 'No identity yet.',
    add: 'Add an identity',
    editShort: 'Edit',
    edit: (name: string) => `Edit ${name}`,
    removeShort: 'Delete',
    remove: (name: string) => `Delete ${name}`,
    confirmRemove: (name: string) => `Delete the identity “${name}”?`,
    default: 'Default',
    newTitle: 'New identity',
    editTitle: (name: string) => `Editing ${name}`,
    name: 'Name',
    email: 'Email address',
    emailHint: 'Only addresses of your account are accepted.',
    replyTo: 'Reply-to (optional)',
    replyToHint: 'Addresses separated by commas.',
    textSignature: 'Signature (plain text)',
    htmlSignature: 'Signature (HTML, optional)',
    badReplyTo: (entry: string) => `“${entry}” is not an email address.`,
    emailRequired: 'Enter the address to send from.',
    noName: '(no name)',
  },
  appearance: {
    heading: 'Appearance and language',
    intro: 'Stored on this device only.',
    theme: 'Theme',
    themes: { system: 'Same as the system', light: 'Light', dark: 'Dark' },
    density: 'Density',
    densities: { comfortable: 'Comfortable', compact: 'Compact' },
    language: 'Language',
    languageHint: 'Colibri reloads to switch language.',
    applyLanguage: 'Apply and reload',
  },
  notifications: {
    heading: 'Notifications',
    intro: 'Stored on this device only.',
    desktop: 'Desktop notifications for new mail in the Inbox',
    blocked:
      'Blocked by the browser. Allow notifications for this site in the browser’s settings, then try again.',
    unsupported: 'This browser cannot show desktop notifications.',
    granted: 'Allowed by the browser.',
    asking: 'Waiting for the browser’s permission…',
  },
  apiTokens: {
    heading: 'API tokens',
    intro:
      'For other mail apps and scripts that speak JMAP: they send a token instead of your password (Authorization: Bearer). Revoke a token to cut its access at once.',
    none: 'No API tokens yet.',
    loading: 'Loading the tokens…',
    loadError: 'The tokens could not be loaded.',
    name: 'Name of the new token',
    create: 'Create a token',
    created: (name: string) => `Token “${name}” created. Copy it now: it is shown only this once.`,
    secretLabel: 'New token',
    copy: 'Copy',
    copied: 'Copied.',
    done: 'Done',
    revoke: 'Revoke',
    revokeLabel: (name: string) => `Revoke the token ${name}`,
    createdOn: (date: string) => `Created ${date}`,
    lastUsed: (date: string) => `last used ${date}`,
    neverUsed: 'never used',
    failed: (reason: string) => `That did not work: ${reason}`,
  },
} as const;

export type SettingsMessages = Catalogue<typeof en>;

/** The catalogue of this page load's language (lib/i18n). */
export const settingsMessages: SettingsMessages = pickCatalogue<typeof en>({ en, fr: settingsMessagesFr });
