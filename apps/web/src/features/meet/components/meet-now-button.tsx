import { Button } from '@colibri/ui';
import type { ButtonProps } from '@colibri/ui';
import { useCreateRoom } from '../api/create-room';
import type { CreateRoomInput } from '../api/create-room';
import { meetMessages } from '../messages';

const t = meetMessages.meetNow;

export interface MeetNowButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  /** What the room is about (a thread's subject, a contact's name) and its event, if any. */
  room?: CreateRoomInput;
  /** Opens the join link; by default in a new tab, so the mail stays where it was. */
  open?: (url: string) => void;
}

const openInNewTab = (url: string) => {
  window.open(url, '_blank', 'noopener');
};

/** "Meet now": creates an instant room (`POST /meet/rooms`) and opens its join link. */
export function MeetNowButton({ room = {}, open = openInNewTab, ...buttonProps }: MeetNowButtonProps) {
  const create = useCreateRoom();
  const result = create.data;
  return (
    <>
      <Button
        {...buttonProps}
        disabled={create.isPending || buttonProps.disabled}
        aria-busy={create.isPending}
        onClick={() =>
          create.mutate(room, {
            onSuccess: (created) => {
              if (created.ok) open(created.url);
            },
          })
        }
      >
        {create.isPending ? t.creating : t.label}
      </Button>
      {result && !result.ok && (
        <span role="alert" className="meet-error">
          {result.failure === 'notConfigured' ? t.notConfigured : t.failed}
        </span>
      )}
    </>
  );
}
