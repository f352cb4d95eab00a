import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { Button } from '@colibri/ui';
import {
  DENSITIES,
  THEMES,
  usePreferenceChanged,
  useDensity,
  useTheme,
} from '../../../lib/device-preferences';
import type { Density, Theme } from '../../../lib/device-preferences';
import { LANGUAGES, changeLanguage, currentLanguage } from '../../../lib/i18n';
import type { Language } from '../../../lib/i18n';
import { settingsMessages } from '../messages';
import { SettingsSection } from './settings-section';

const t = settingsMessages.appearance;

/** Each language named in itself, as language pickers do, whatever the UI's language. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  label,
  onChange,
  hint,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChange: (value: T) => void;
  hint?: string;
}) {
  return (
    <fieldset className="settings-choice">
      <legend>{legend}</legend>
      {hint && <p className="settings-hint">{hint}</p>}
      {options.map((option) => (
        <label key={option} className="settings-check">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value as T)}
          />
          {label(option)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The language applies on reload (lib/i18n), so it is chosen, then applied with a button: a radio
 * group or a select would reload at the first arrow key.
 */
function LanguageChoice() {
  const [language, setLanguage] = useState<Language>(currentLanguage);
  const id = useId();
  return (
    <div className="settings-choice">
      <label className="settings-label" htmlFor={id}>
        {t.language}
      </label>
      <p id={`${id}-hint`} className="settings-hint">
        {t.languageHint}
      </p>
      <div className="settings-form__actions">
        <select
          id={id}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
          aria-describedby={`${id}-hint`}
        >
          {LANGUAGES.map((option) => (
            <option key={option} value={option} lang={option}>
              {LANGUAGE_NAMES[option]}
            </option>
          ))}
        </select>
        <Button onClick={() => changeLanguage(language)} disabled={language === currentLanguage}>
          {t.applyLanguage}
        </Button>
      </div>
    </div>
  );
}

/** Theme, density and language: preferences of this device (lib/device-preferences, lib/i18n). */
export function AppearanceSection() {
  const theme = useTheme();
  const density = useDensity();
  const preferenceChanged = usePreferenceChanged();
  return (
    <SettingsSection heading={t.heading} intro={t.intro}>
      <Choice<Theme>
        legend={t.theme}
        name="theme"
        options={THEMES}
        value={theme}
        label={(option) => t.themes[option]}
        onChange={(next) => preferenceChanged({ theme: next })}
      />
      <Choice<Density>
        legend={t.density}
        name="density"
        options={DENSITIES}
        value={density}
        label={(option) => t.densities[option]}
        onChange={(next) => preferenceChanged({ density: next })}
      />
      <LanguageChoice />
    </SettingsSection>
  );
}
