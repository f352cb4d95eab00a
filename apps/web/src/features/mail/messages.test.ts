import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n';

afterEach(() => {
  localStorage.clear();
  vi.resetModules();
});

describe('the mail catalogue in French', () => {
  it('counts and formats numbers the French way (1 message, 12 345 messages)', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    vi.resetModules();
    const { mailMessages } = await import('./messages');
    expect(mailMessages.locale).toBe('fr-FR');
    // fr-FR groups thousands with a narrow no-break space (Intl).
    expect(mailMessages.messageCount(12345)).toBe('12\u202f345 messages');
    expect(mailMessages.messageCount(1)).toBe('1 message');
    expect(mailMessages.unreadCount(2)).toBe('2 non lus');
  });
});
