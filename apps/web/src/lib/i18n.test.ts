import { describe, expect, it } from 'vitest';
import type { AuthMessages } from '../features/auth/messages';
import { authMessagesFr } from '../features/auth/messages.fr';
import { browserLanguage, pickCatalogue, savedLanguage } from './i18n';
import type { Catalogue } from './i18n';

const storage = (value: string | null) => ({ getItem: () => value });

describe('language of the page', () => {
  it('takes the saved choice first, and ignores a value that is not one of ours', () => {
    expect(savedLanguage(storage('fr'))).toBe('fr');
    expect(savedLanguage(storage('de'))).toBeNull();
    expect(savedLanguage(storage(null))).toBeNull();
  });

  it('else the first browser language we have, by its base ("fr-CA" is French), else English', () => {
    expect(browserLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(browserLanguage(['de-DE', 'en-US'])).toBe('en');
    expect(browserLanguage(['de-DE'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });

  it('picks the catalogue of the language', () => {
    const en = { hello: 'Hello', count: (n: number) => `${n} items` } as const;
    const fr: Catalogue<typeof en> = { hello: 'Bonjour', count: (n: number) => `${n} éléments` };
    expect(pickCatalogue({ en, fr }, 'fr').count(2)).toBe('2 éléments');
    expect(pickCatalogue({ en, fr }, 'en').hello).toBe('Hello');
  });
});

describe('French catalogues are complete (checked by tsc -b, which compiles this file)', () => {
  it('refuses a catalogue with a missing key', () => {
    const { retry: _retry, ...withoutRetry } = authMessagesFr;
    // @ts-expect-error: `retry` is missing, so this is not an AuthMessages.
    const incomplete: AuthMessages = withoutRetry;
    expect(Object.keys(incomplete)).not.toContain('retry');
  });

  it('refuses a function with other arguments than the English one', () => {
    // @ts-expect-error: retryIn takes the number of seconds.
    const wrong: AuthMessages['retryIn'] = (seconds: string) => seconds;
    expect(typeof wrong).toBe('function');
  });
});
