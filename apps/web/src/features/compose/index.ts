// The compose feature's public entry: the shell renders ComposeEntry; the app wires
// useOpenComposer into lib/compose-launcher for the other features (reply, forward, drafts).
export { ComposeEntry } from './components/compose-entry';
export { useOpenComposer } from './stores/composer-store';
export type { OpenComposerRequest } from './stores/composer-store';
