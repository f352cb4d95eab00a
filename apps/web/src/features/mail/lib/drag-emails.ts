import type { Id } from '@colibri/jmap-types';

/** Our own drag type, so that a mailbox accepts only rows of the list (not files or links). */
export const EMAIL_DRAG_TYPE = 'application/x-colibri-email-ids';

/** What a dragged row carries: the email ids, and a text for drops outside the app. */
export function writeDraggedEmails(transfer: DataTransfer, ids: readonly Id[], label: string) {
  transfer.effectAllowed = 'move';
  transfer.setData(EMAIL_DRAG_TYPE, JSON.stringify(ids));
  transfer.setData('text/plain', label);
}

/** Whether a drag over a mailbox carries email rows (the data itself is readable only on drop). */
export function carriesEmails(transfer: DataTransfer): boolean {
  return Array.from(transfer.types).includes(EMAIL_DRAG_TYPE);
}

/** The dragged email ids, or none when the drop is not ours or not well-formed. */
export function readDraggedEmails(transfer: DataTransfer): Id[] {
  try {
    const value: unknown = JSON.parse(transfer.getData(EMAIL_DRAG_TYPE) || '[]');
    return Array.isArray(value) ? value.filter((id): id is Id => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
