import { ComposeEntry } from '../features/compose';
import { SearchBox } from '../features/search';

/*
 * Places in the banner that other features fill, each its own component so that a feature's
 * entry can change without touching the shell's layout.
 */

/** The search box (features/search). */
export function ShellSearchSlot() {
  return <SearchBox />;
}

/** The "Compose" button, the composers and the scheduled list (features/compose). */
export function ShellComposeSlot() {
  return <ComposeEntry />;
}
