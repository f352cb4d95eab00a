import { create } from 'zustand';

/*
 * Preferences of this device (issue 5): theme, density and desktop notifications live in
 * localStorage, not on the server, since a phone and a desktop rarely want the same ones. The
 * language is beside them in lib/i18n (it is read before any module renders).
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

export interface DevicePreferences {
  theme: Theme;
  density: Density;
  /** The user turned desktop notifications on (the browser's permission is asked separately). */
  notifications: boolean;
}

export const PREFERENCES_STORAGE_KEY = 'colibri.preferences';
const defaults: DevicePreferences = { theme: 'system', density: 'comfortable', notifications: false };

/** The saved preferences, each invalid or missing one replaced by its default. */
export function readPreferences(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): DevicePreferences {
  let saved: Partial<Record<keyof DevicePreferences, unknown>> = {};
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(PREFERENCES_STORAGE_KEY) ?? '{}');
    if (typeof parsed === 'object' && parsed !== null) saved = parsed;
  } catch {
    // Unreadable or disabled storage: the defaults.
  }
  return {
    theme: THEMES.includes(saved.theme as Theme) ? (saved.theme as Theme) : defaults.theme,
    density: DENSITIES.includes(saved.density as Density) ? (saved.density as Density) : defaults.density,
    notifications: typeof saved.notifications === 'boolean' ? saved.notifications : defaults.notifications,
  };
}

/**
 * Shows the theme and density on <html>: `data-theme` only for an explicit choice, so that
 * "system" leaves @colibri/ui's tokens to follow prefers-color-scheme live; `data-density`
 * switches the row and tree sizes (app.css).
 */
export function applyAppearance(
  preferences: DevicePreferences,
  root: HTMLElement = document.documentElement,
) {
  if (preferences.theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preferences.theme);
  root.setAttribute('data-density', preferences.density);
}

interface PreferencesStore extends DevicePreferences {
  preferenceChanged: (change: Partial<DevicePreferences>) => void;
}

const usePreferencesStore = create<PreferencesStore>((set, get) => ({
  ...readPreferences(),
  preferenceChanged: (change) => {
    set(change);
    const { theme, density, notifications } = get();
    const next = { theme, density, notifications };
    try {
      globalThis.localStorage.setItem(PREFERENCES_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or disabled: the choice holds until the page is reloaded.
    }
    if (typeof document !== 'undefined') applyAppearance(next);
  },
}));

export const useTheme = () => usePreferencesStore((s) => s.theme);
export const useDensity = () => usePreferencesStore((s) => s.density);
export const useNotificationsEnabled = () => usePreferencesStore((s) => s.notifications);
export const usePreferenceChanged = () => usePreferencesStore((s) => s.preferenceChanged);
/** For code outside React (the push handler): the current choice, read when needed. */
export const notificationsEnabled = () => usePreferencesStore.getState().notifications;
