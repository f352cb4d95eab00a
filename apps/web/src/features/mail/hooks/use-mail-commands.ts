import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useOptionalComposeLauncher } from '../../../lib/compose-launcher';
import { useJmapClient } from '../../../lib/jmap';
import { queryAllEmailIds } from '../api/query-email-ids';
import type { Id, MailboxRights, MailboxRole } from '@colibri/jmap-types';
import { formatFullDate } from '../lib/format';
import { useToastActions } from '../../../lib/toast-store';
import type { MailboxSummary } from '../api/get-mailboxes';
import { emailListParams, mailKeys } from '../api/keys';
import { flag, markRead } from '../lib/email-action';
import type { EmailAction } from '../lib/email-action';
import type { EmailListData } from '../lib/email-window';
import { loadedIds, rowAfterRemoval, rowIndexOf } from '../lib/row-index';
import { actionTargets } from '../lib/selection';
import type { MailCommand } from '../lib/shortcuts';
import { may } from '../lib/shared-accounts';
import { mailMessages } from '../messages';
import { sharingMessages } from '../sharing-messages';
import { useMailUiActions } from '../stores/mail-ui-store';
import { readSelection, useSelectionActions } from '../stores/selection-store';
import { useEmailAction } from './use-email-action';

export type BulkAction = 'archive' | 'delete' | 'read' | 'unread' | 'flag' | 'unflag';

interface MailCommandContext {
  accountId: Id;
  mailboxes: readonly MailboxSummary[];
  mailboxId: Id;
  conversations: boolean;
  openEmailId: Id | undefined;
  /** Set when the account is another person's, shared with the user (RFC 9670). */
  sharedAccountId?: Id;
}

/** RFC 8620 §1.4: a UTCDate, to the second (the server's snooze precision). */
const utcDate = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A mailbox (and message) of the user's own account, or of an account shared with them. */
export const mailPathOf = (mailboxId: Id, emailId?: Id, sharedAccountId?: Id) =>
  `/mail/${sharedAccountId ? `shared/${encodeURIComponent(sharedAccountId)}/` : ''}${encodeURIComponent(mailboxId)}${
    emailId ? `/${encodeURIComponent(emailId)}` : ''
  }`;

/**
 * Everything the mail screen can do to its list, in one place: the toolbar, the keyboard
 * shortcuts and drag-and-drop all call these, so they behave the same. Actions apply to the
 * selection, else to the cursor row, else to the open message.
 */
export function useMailCommands(context: MailCommandContext) {
  const { accountId, mailboxes, mailboxId, conversations, openEmailId, sharedAccountId } = context;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const runAction = useEmailAction(accountId);
  const client = useJmapClient();
  const selection = useSelectionActions();
  const { shortcutsHelpToggled, snoozeMenuToggled } = useMailUiActions();
  const { toastShown } = useToastActions();
  const mailPath = (mailbox: Id, emailId?: Id) => mailPathOf(mailbox, emailId, sharedAccountId);
  // RFC 8621 §2 myRights of the open folder: what a sharee may not do is refused with a message.
  const rights = mailboxes.find((m) => m.id === mailboxId)?.myRights;
  const allowed = (right: keyof MailboxRights) => {
    if (may(rights, right)) return true;
    toastShown({ tone: 'error', message: sharingMessages.notAllowed });
    return false;
  };
  // Read when a command runs, not subscribed: the screen does not re-render per loaded window.
  const list = () =>
    queryClient.getQueryData<EmailListData>(
      mailKeys.emailList(
        accountId,
        emailListParams(
          { id: mailboxId, role: mailboxes.find((m) => m.id === mailboxId)?.role ?? null },
          conversations,
        ),
      ),
    );
  const rows = () => rowIndexOf(list());
  const byRole = (role: MailboxRole) => mailboxes.find((m) => m.role === role);

  const targets = (): Id[] => {
    const ids = actionTargets(readSelection());
    return ids.length > 0 ? ids : openEmailId ? [openEmailId] : [];
  };

  const launchComposer = useOptionalComposeLauncher();
  const open = (emailId: Id) => {
    selection.cursorPlaced(emailId);
    // A draft opens where it is edited: the composer (as Gmail and Fastmail do).
    if (launchComposer && byRole('drafts')?.id === mailboxId) {
      launchComposer({ mode: 'draft', emailId });
      return;
    }
    navigate(mailPath(mailboxId, emailId), { replace: Boolean(openEmailId) });
  };

  /** Rows leave the list: the selection forgets them and the reader moves on to the next one. */
  const leave = (ids: readonly Id[]) => {
    const removed = new Set(ids);
    const next = rowAfterRemoval(list(), removed);
    selection.rowsRemoved(removed, next);
    if (openEmailId && removed.has(openEmailId)) {
      navigate(next ? mailPath(mailboxId, next) : mailPath(mailboxId), { replace: true });
    }
  };

  const move = (ids: readonly Id[], to: Id, done: (count: number) => string, what: string) => {
    if (!allowed('mayRemoveItems')) return undefined;
    if (ids.length === 0) return toastShown({ tone: 'info', message: mailMessages.nothingSelected });
    if (to === mailboxId) return toastShown({ tone: 'info', message: mailMessages.alreadyThere });
    leave(ids);
    const action: EmailAction = { kind: 'move', from: mailboxId, to };
    runAction({ rowIds: ids, action, conversations, what, done });
    return undefined;
  };

  /** Archive and delete: a move to the mailbox with that role (RFC 8621 §2), when there is one. */
  const toRole = (
    role: MailboxRole,
    ids: readonly Id[],
    done: (count: number) => string,
    what: string,
    missing: string,
  ) => {
    if (!allowed('mayRemoveItems')) return undefined;
    const target = byRole(role);
    if (!target) return toastShown({ tone: 'error', message: missing });
    return move(ids, target.id, done, what);
  };

  const bulk = (kind: BulkAction, ids: readonly Id[] = targets()) => {
    const keyword = (action: EmailAction, what: string, right: 'maySetSeen' | 'maySetKeywords') => {
      if (!allowed(right)) return undefined;
      if (ids.length === 0) return toastShown({ tone: 'info', message: mailMessages.nothingSelected });
      runAction({ rowIds: ids, action, conversations, what });
      return undefined;
    };
    switch (kind) {
      case 'archive':
        return toRole(
          'archive',
          ids,
          mailMessages.archived,
          mailMessages.actionWhat.archive,
          mailMessages.noArchive,
        );
      case 'delete':
        return toRole(
          'trash',
          ids,
          mailMessages.deleted,
          mailMessages.actionWhat.delete,
          mailMessages.noTrash,
        );
      case 'read':
        return keyword(markRead(true), mailMessages.actionWhat.read, 'maySetSeen');
      case 'unread':
        // As in Gmail, the open message closes: left open, the reader would read it again.
        if (openEmailId && ids.includes(openEmailId)) navigate(mailPath(mailboxId));
        return keyword(markRead(false), mailMessages.actionWhat.unread, 'maySetSeen');
      case 'flag':
        return keyword(flag(true), mailMessages.actionWhat.flag, 'maySetKeywords');
      case 'unflag':
        return keyword(flag(false), mailMessages.actionWhat.unflag, 'maySetKeywords');
      default: {
        const never: never = kind;
        throw new Error(`Unknown action ${String(never)}`);
      }
    }
  };

  const moveTo = (to: Id, ids: readonly Id[] = targets()) => {
    const name = mailboxes.find((m) => m.id === to)?.name ?? '';
    move(ids, to, (count) => mailMessages.moved(count, name), mailMessages.actionWhat.move);
  };

  /**
   * Snoozes the targets until `until` (Email `snoozed`): they leave the list at once, and the
   * toast's Undo wakes them now. In the Snoozed mailbox it only moves their wake-up time.
   */
  const snooze = (until: Date, ids: readonly Id[] = targets()) => {
    snoozeMenuToggled(null);
    if (!allowed('mayRemoveItems')) return undefined;
    if (ids.length === 0) return toastShown({ tone: 'info', message: mailMessages.nothingSelected });
    const leaves = byRole('snoozed')?.id !== mailboxId;
    if (leaves) leave(ids);
    const when = formatFullDate(until.toISOString(), mailMessages.locale);
    const action: EmailAction = { kind: 'snooze', from: mailboxId, until: utcDate(until), leaves };
    runAction({
      rowIds: ids,
      action,
      conversations,
      what: mailMessages.actionWhat.snooze,
      done: (count) => mailMessages.snoozed(count, when),
    });
    return undefined;
  };

  /** `b`: the snooze menu of the open message, else of the list's selection. */
  const openSnoozeMenu = () =>
    snoozeMenuToggled(openEmailId && actionTargets(readSelection()).length === 0 ? 'reader' : 'toolbar');

  /** `s`: flags the targets, or unflags them when all already are. */
  const toggleFlag = () => {
    const ids = targets();
    const allFlagged = ids.length > 0 && ids.every((id) => list()?.emails[id]?.keywords.$flagged);
    bulk(allFlagged ? 'unflag' : 'flag', ids);
  };

  const step = (by: number) => {
    selection.cursorMoved(rows(), list()?.total ?? 0, by);
    const cursor = readSelection().cursor;
    // With a message open, moving on opens the next one, as in Gmail.
    if (openEmailId && cursor && cursor !== openEmailId) open(cursor);
  };

  const go = (role: MailboxRole) => {
    const target = byRole(role);
    if (target) navigate(mailPath(target.id));
  };

  const command = (name: MailCommand) => {
    switch (name) {
      case 'next':
        return step(1);
      case 'previous':
        return step(-1);
      case 'open': {
        const cursor = readSelection().cursor ?? rows().idAt(0);
        return cursor ? open(cursor) : undefined;
      }
      case 'backToList':
        return openEmailId ? navigate(mailPath(mailboxId)) : undefined;
      case 'archive':
        return bulk('archive');
      case 'delete':
        return bulk('delete');
      case 'flag':
        return toggleFlag();
      case 'markRead':
        return bulk('read');
      case 'markUnread':
        return bulk('unread');
      case 'snooze':
        return openSnoozeMenu();
      case 'toggleSelect':
        if (readSelection().cursor === null && openEmailId) selection.cursorPlaced(openEmailId);
        return selection.cursorToggled();
      case 'selectAll':
        return selection.allToggled(loadedIds(list()));
      case 'clearSelection':
        return selection.selectionCleared();
      case 'goInbox':
        return go('inbox');
      case 'goSent':
        return go('sent');
      case 'goDrafts':
        return go('drafts');
      case 'showHelp':
        return shortcutsHelpToggled(true);
      default: {
        const never: never = name;
        throw new Error(`Unknown command ${String(never)}`);
      }
    }
  };

  /** Beyond the loaded rows: every message of the list (up to MAX_BULK_SELECTION). */
  const selectEverything = () =>
    queryAllEmailIds(client, accountId, { mailboxId, collapseThreads: conversations })
      .then((ids) => selection.allSelected(ids))
      .catch((error: unknown) =>
        toastShown({
          tone: 'error',
          message: mailMessages.actionFailed(
            mailMessages.actionWhat.selectAll,
            error instanceof Error ? error.message : String(error),
          ),
        }),
      );

  return { command, bulk, moveTo, snooze, open, step, rows, selectEverything };
}
