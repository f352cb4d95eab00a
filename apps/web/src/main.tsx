import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@colibri/ui/tokens.css';
import './styles/app.css';
import { App } from './app/app';
import { warmUpListFormats } from './features/mail/lib/format';
import { mailMessages } from './features/mail/messages';
import { applyAppearance, readPreferences } from './lib/device-preferences';
import { currentLanguage } from './lib/i18n';

// Before the first render, so that the first paint has the right theme and language.
document.documentElement.lang = currentLanguage;
applyAppearance(readPreferences());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Off the first list's path: built while the login page (or the first request) waits.
const whenIdle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
whenIdle(() => warmUpListFormats(mailMessages.locale));
