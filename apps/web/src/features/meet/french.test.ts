import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n';

afterEach(() => {
  localStorage.clear();
  vi.resetModules();
});

describe('the meetings catalogue in French', () => {
  it('is picked when French is the language, with French plurals', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    vi.resetModules();
    const { meetMessages } = await import('./messages');
    expect(meetMessages.prejoin.join).toBe('Rejoindre');
    expect(meetMessages.room.participantCount(1)).toBe('1 participant');
    expect(meetMessages.room.participantCount(3)).toBe('3 participants');
    expect(meetMessages.lobby.admitLabel('Grace')).toBe('Admettre Grace');
  });
});
