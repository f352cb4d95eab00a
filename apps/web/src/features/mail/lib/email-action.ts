import { Keyword } from '@colibri/jmap-types';
import type { Id, PatchObject } from '@colibri/jmap-types';

/**
 * What a bulk action does to each email, as an RFC 8620 §5.3 patch. A snooze (Colibri's
 * `snoozed` Email property, in Cyrus's shape) moves the emails out of `from` until `until` (a
 * UTCDate); unsnooze puts them back now. `from` is the list's mailbox: in conversation mode, the
 * emails of the thread in it are the ones acted on. `leaves`: the snooze takes them out of that
 * list (not so in the Snoozed mailbox, where snoozing again only moves the wake-up time).
 */
export type EmailAction =
  | { kind: 'move'; from: Id; to: Id }
  | { kind: 'keyword'; keyword: string; value: boolean }
  | { kind: 'snooze'; from: Id; until: string; leaves: boolean }
  | { kind: 'unsnooze'; from: Id; until: string; leaves: boolean };

export const markRead = (value: boolean): EmailAction => ({ kind: 'keyword', keyword: Keyword.Seen, value });
export const flag = (value: boolean): EmailAction => ({ kind: 'keyword', keyword: Keyword.Flagged, value });

/**
 * RFC 8621 §4.6 through RFC 8620 §5.3 patches: a move removes the one mailbox and adds the
 * other, leaving any other mailbox the email is in; a keyword sets or removes only that keyword.
 */
export function actionPatch(action: EmailAction): PatchObject {
  switch (action.kind) {
    case 'move':
      return { [`mailboxIds/${action.from}`]: null, [`mailboxIds/${action.to}`]: true };
    case 'keyword':
      return { [`keywords/${action.keyword}`]: action.value ? true : null };
    case 'snooze':
      return { snoozed: { until: action.until } };
    case 'unsnooze':
      return { snoozed: null };
    default: {
      const never: never = action;
      throw new Error(`Unknown action ${JSON.stringify(never)}`);
    }
  }
}

/** The action that puts things back (the toast's Undo). */
export function inverseAction(action: EmailAction): EmailAction {
  switch (action.kind) {
    case 'move':
      return { kind: 'move', from: action.to, to: action.from };
    case 'keyword':
      return { ...action, value: !action.value };
    case 'snooze':
      return { ...action, kind: 'unsnooze' };
    case 'unsnooze':
      return { ...action, kind: 'snooze' };
    default: {
      const never: never = action;
      throw new Error(`Unknown action ${JSON.stringify(never)}`);
    }
  }
}

/** The mailbox whose emails a conversation-mode action is limited to, if any. */
export function actionSource(action: EmailAction): Id | null {
  return action.kind === 'keyword' ? null : action.from;
}

/** Whether an action takes the emails out of the list of `mailboxId`. */
export function removesFrom(action: EmailAction, mailboxId: Id): boolean {
  if (action.kind === 'snooze') return action.leaves && action.from === mailboxId;
  return action.kind === 'move' && action.from === mailboxId && action.to !== mailboxId;
}

/** The keywords of an email after a keyword action (for the optimistic update). */
export function applyKeyword(keywords: Record<string, true>, action: EmailAction): Record<string, true> {
  if (action.kind !== 'keyword') return keywords;
  const next = { ...keywords };
  if (action.value) next[action.keyword] = true;
  else delete next[action.keyword];
  return next;
}
