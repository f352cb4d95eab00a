/**
 * Languages of the UI. The language is chosen once, at startup (the saved choice, else the
 * browser's): every feature's catalogue is picked when its `messages.ts` is first imported, and
 * changing the language reloads the page. That keeps components reading plain constants
 * (`mailMessages.x`) instead of subscribing to a context on every render.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The per-device choice in localStorage (issue 5: appearance, language, notifications are per device). */
export const LANGUAGE_STORAGE_KEY = 'colibri.language';

/** BCP 47 locale of each language, for Intl dates and numbers. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The saved language, or null when the user never chose one. */
export function savedLanguage(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Language | null {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // Storage disabled: the browser's language decides.
  }
}

/** The browser's preferred language among ours ("fr-CA" -> fr), English otherwise. */
export function browserLanguage(
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The language of this page load; fixed until the next load. */
export const currentLanguage: Language = savedLanguage() ?? browserLanguage();

/**
 * The shape a translation must have: the English catalogue's keys, with strings (not the English
 * literals) and functions of the same arguments. A missing key is a compile error.
 */
export type Catalogue<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => infer R
      ? (...args: A) => R extends string ? string : R extends readonly string[] ? string[] : R
      : Catalogue<T[K]>;
};

/** The catalogue of the current language (English is the source; the others follow its type). */
export function pickCatalogue<T>(
  catalogues: { en: T; fr: Catalogue<T> },
  language = currentLanguage,
): Catalogue<T> {
  return catalogues[language] as Catalogue<T>;
}

/** Saves the choice and reloads, so that every catalogue is picked again (see above). */
export function changeLanguage(language: Language, reload: () => void = () => globalThis.location.reload()) {
  globalThis.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  reload();
}
