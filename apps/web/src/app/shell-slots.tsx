import { SearchBox } from '../features/search';

/*
 * Places in the banner that other parts of the app fill. Each is its own component so that the
 * search and compose work can replace one of them without touching the shell's layout.
 */

/** The search box (features/search). */
export function ShellSearchSlot() {
  return <SearchBox />;
}

/** The "Compose" button goes here (features/compose). */
export function ShellComposeSlot() {
  return <div className="app-shell__compose" />;
}
