import type { MailboxRole } from '@colibri/jmap-types';
import { currentLanguage } from './i18n';
import type { Language } from './i18n';

/**
 * Names of the special-use mailboxes (RFC 8621 §2 roles) per language. The server names them in
 * English once, when the account is made; the UI shows them in the reader's language instead.
 * Display only: the server's names stay (renaming, `in:` by name and other clients see them).
 */
const ROLE_NAMES: Record<Language, Partial<Record<MailboxRole, string>>> = {
  // English: the server's own names.
  en: {},
  fr: {
    inbox: 'Boîte de réception',
    sent: 'Envoyés',
    drafts: 'Brouillons',
    trash: 'Corbeille',
    junk: 'Indésirables',
    archive: 'Archives',
    snoozed: 'En attente',
  },
};

/** The name to show for a mailbox: its role's name in the UI language, else its own. */
export function mailboxDisplayName(
  mailbox: { name: string; role: string | null },
  language: Language = currentLanguage,
): string {
  return (mailbox.role && ROLE_NAMES[language][mailbox.role as MailboxRole]) || mailbox.name;
}

/** The same list with display names; the list itself when nothing changes. */
export function withDisplayNames<M extends { name: string; role: string | null }>(
  mailboxes: M[],
  language: Language = currentLanguage,
): M[] {
  if (!mailboxes.some((m) => mailboxDisplayName(m, language) !== m.name)) return mailboxes;
  return mailboxes.map((m) => {
    const name = mailboxDisplayName(m, language);
    return name === m.name ? m : { ...m, name };
  });
}
