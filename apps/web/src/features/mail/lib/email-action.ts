import { Keyword } from '@colibri/jmap-types';
import type { Id, PatchObject } from '@colibri/jmap-types';

/** What a bulk action does to each email, as an RFC 8620 §5.3 patch. */
export type EmailAction =
  { kind: 'move'; from: Id; to: Id } | { kind: 'keyword'; keyword: string; value: boolean };

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
    default: {
      const never: never = action;
      throw new Error(`Unknown action ${JSON.stringify(never)}`);
    }
  }
}

/** The action that puts things back (the toast's Undo). */
export function inverseAction(action: EmailAction): EmailAction {
  return action.kind === 'move'
    ? { kind: 'move', from: action.to, to: action.from }
    : { ...action, value: !action.value };
}

/** Whether an action takes the emails out of the list of `mailboxId`. */
export function removesFrom(action: EmailAction, mailboxId: Id): boolean {
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
