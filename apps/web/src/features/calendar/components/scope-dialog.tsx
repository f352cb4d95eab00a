import { Button } from '@colibri/ui';
import type { EditScope } from '../api/write-events';
import { calendarMessages } from '../messages';
import { ModalDialog } from './modal-dialog';

const m = calendarMessages.scope;

/** "This occurrence, this and following, or all?" for a change or a delete of a recurring event. */
export function ScopeDialog({
  open,
  action,
  onChoose,
  onCancel,
}: {
  open: boolean;
  action: 'edit' | 'delete';
  onChoose: (scope: EditScope) => void;
  onCancel: () => void;
}) {
  return (
    <ModalDialog
      open={open}
      onClose={onCancel}
      labelledBy="calendar-scope-title"
      className="calendar-dialog calendar-scope"
    >
      <h2 id="calendar-scope-title">{m.title}</h2>
      <p>{action === 'edit' ? m.editQuestion : m.deleteQuestion}</p>
      <div className="calendar-dialog__actions">
        <Button variant="primary" onClick={() => onChoose('occurrence')}>
          {m.occurrence}
        </Button>
        <Button onClick={() => onChoose('following')}>{m.following}</Button>
        <Button onClick={() => onChoose('series')}>{m.series}</Button>
        <Button variant="ghost" onClick={onCancel}>
          {m.cancel}
        </Button>
      </div>
    </ModalDialog>
  );
}
