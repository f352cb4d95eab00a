import { describe, expect, it } from 'vitest';
import { mailboxDisplayName, withDisplayNames } from './mailbox-names';

const mailboxes = [
  { id: 'm1', name: 'Inbox', role: 'inbox' as const },
  { id: 'm2', name: 'Sent', role: 'sent' as const },
  { id: 'm3', name: 'Drafts', role: 'drafts' as const },
  { id: 'm4', name: 'Trash', role: 'trash' as const },
  { id: 'm5', name: 'Junk', role: 'junk' as const },
  { id: 'm6', name: 'Archive', role: 'archive' as const },
  { id: 'm7', name: 'Projects', role: null },
];

describe('mailbox display names', () => {
  it('French: the special-use mailboxes get their French names, other folders keep theirs', () => {
    expect(withDisplayNames(mailboxes, 'fr').map((m) => m.name)).toEqual([
      'Boîte de réception',
      'Envoyés',
      'Brouillons',
      'Corbeille',
      'Indésirables',
      'Archives',
      'Projects',
    ]);
    expect(mailboxDisplayName({ name: 'Snoozed', role: 'snoozed' }, 'fr')).toBe('En attente');
    // The server's objects are not changed (display only).
    expect(mailboxes[0]!.name).toBe('Inbox');
  });
  it('English: the server names', () => {
    expect(withDisplayNames(mailboxes, 'en')).toBe(mailboxes);
    expect(mailboxDisplayName({ name: 'Boîte', role: 'inbox' }, 'en')).toBe('Boîte');
  });
});
