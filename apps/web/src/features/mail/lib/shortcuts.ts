/**
 * The keyboard shortcuts of the mail screen, in Gmail's spirit, as data: the help dialog lists
 * them and the matcher reads them, so the two cannot disagree. Pure (no DOM) for the tests.
 */
export type MailCommand =
  | 'next'
  | 'previous'
  | 'open'
  | 'backToList'
  | 'archive'
  | 'delete'
  | 'flag'
  | 'markRead'
  | 'markUnread'
  | 'snooze'
  | 'toggleSelect'
  | 'selectAll'
  | 'clearSelection'
  | 'goInbox'
  | 'goSent'
  | 'goDrafts'
  | 'showHelp';

export interface Shortcut {
  /** What the user types, one key per step: `['g', 'i']` is "g then i". */
  keys: readonly string[];
  command: MailCommand;
}

export const MAIL_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], command: 'next' },
  { keys: ['k'], command: 'previous' },
  { keys: ['o'], command: 'open' },
  { keys: ['Enter'], command: 'open' },
  { keys: ['u'], command: 'backToList' },
  { keys: ['e'], command: 'archive' },
  { keys: ['#'], command: 'delete' },
  { keys: ['s'], command: 'flag' },
  { keys: ['I'], command: 'markRead' },
  { keys: ['U'], command: 'markUnread' },
  // Gmail's key for snooze.
  { keys: ['b'], command: 'snooze' },
  { keys: ['x'], command: 'toggleSelect' },
  { keys: ['*', 'a'], command: 'selectAll' },
  { keys: ['Escape'], command: 'clearSelection' },
  { keys: ['g', 'i'], command: 'goInbox' },
  { keys: ['g', 's'], command: 'goSent' },
  { keys: ['g', 'd'], command: 'goDrafts' },
  { keys: ['?'], command: 'showHelp' },
];

/** How long the second key of a sequence ("g then i") may wait for, as in Gmail. */
export const SEQUENCE_TIMEOUT_MS = 1500;

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * A stateful matcher: feed it every key press, it answers the command a press completes, or
 * null. Presses with ctrl, cmd or alt belong to the browser and the system, never to us.
 */
export function createShortcutMatcher(shortcuts: readonly Shortcut[] = MAIL_SHORTCUTS) {
  let pending: string[] = [];
  let pendingAt = 0;
  const complete = (typed: string[]) =>
    shortcuts.find((s) => s.keys.length === typed.length && s.keys.every((k, i) => k === typed[i]));
  const begins = (typed: string[]) =>
    shortcuts.some((s) => s.keys.length > typed.length && typed.every((k, i) => s.keys[i] === k));
  return (press: KeyPress, now: number): MailCommand | null => {
    if (press.ctrlKey || press.metaKey || press.altKey) {
      pending = [];
      return null;
    }
    if (pending.length > 0 && now - pendingAt > SEQUENCE_TIMEOUT_MS) pending = [];
    // A wrong second key starts over from that key alone ("g x" then "g i" still works).
    const attempts = pending.length > 0 ? [[...pending, press.key], [press.key]] : [[press.key]];
    pending = [];
    for (const typed of attempts) {
      const match = complete(typed);
      if (match) return match.command;
      if (begins(typed)) {
        pending = typed;
        pendingAt = now;
        return null;
      }
    }
    return null;
  };
}

/** The shortcut keys as people read them: "g then i", "Shift+I". */
export function describeKeys(keys: readonly string[]): string {
  return keys
    .map((key) => (key.length === 1 && key !== key.toLowerCase() ? `Shift+${key}` : key))
    .join(' then ');
}
