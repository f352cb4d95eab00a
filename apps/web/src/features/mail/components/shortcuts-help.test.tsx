import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { LANGUAGE_STORAGE_KEY } from '../../../lib/i18n';

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.resetModules();
});

/** The language is picked when the catalogues are first imported: a fresh module graph per case. */
async function sequencesIn(language: 'en' | 'fr') {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  vi.resetModules();
  const { ShortcutsHelp } = await import('./shortcuts-help');
  const { container } = render(<ShortcutsHelp open={false} onClose={() => {}} />);
  // The rows of key sequences ("g then i"): the ones with more than one key.
  return [...container.querySelectorAll('th')]
    .filter((th) => th.querySelectorAll('kbd').length > 1)
    .map((th) => th.textContent);
}

describe('the shortcuts help', () => {
  it('joins the keys of a sequence with the French word in French', async () => {
    const rows = await sequencesIn('fr');
    expect(rows).toContain('g puis i');
    expect(rows.join(' ')).not.toContain('then');
  });

  it('and with "then" in English', async () => {
    expect(await sequencesIn('en')).toContain('g then i');
  });
});
