import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n';

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.resetModules();
});

/** The language is picked when the catalogues are first imported: a fresh module graph per case. */
async function appearanceSectionIn(language: 'en' | 'fr') {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  vi.resetModules();
  const { AppearanceSection } = await import('./components/appearance-section');
  render(<AppearanceSection />);
}

describe('the settings in French', () => {
  it('renders every label from the French catalogue', async () => {
    await appearanceSectionIn('fr');
    expect(screen.getByRole('heading', { name: 'Apparence et langue' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Sombre' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Compacte' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Appliquer et recharger' })).toBeTruthy();
    // The current language is selected, each language named in itself.
    expect((screen.getByRole('combobox', { name: 'Langue' }) as HTMLSelectElement).value).toBe('fr');
    expect(screen.getByRole('option', { name: 'English' })).toBeTruthy();
  });

  it('and in English when English is chosen', async () => {
    await appearanceSectionIn('en');
    expect(screen.getByRole('heading', { name: 'Appearance and language' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeTruthy();
  });
});
