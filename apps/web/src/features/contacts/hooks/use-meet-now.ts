import { useMutation } from '@tanstack/react-query';
import { useMeetingRooms } from '../../../lib/meeting-rooms';
import { useToastActions } from '../../../lib/toast-store';
import { contactsMessages } from '../messages';

const openInNewTab = (url: string) => {
  window.open(url, '_blank', 'noopener');
};

/**
 * "Meet now" on a card (issue 8): an instant room titled with the contact's name, through the
 * shell's rooms service (lib/meeting-rooms, the meetings feature's `POST /meet/rooms`), opened in
 * a new tab. Null when no rooms service is provided (the button is not shown then).
 */
export function useMeetNow(open: (url: string) => void = openInNewTab) {
  const rooms = useMeetingRooms();
  const { toastShown } = useToastActions();
  const create = useMutation({
    mutationFn: (title: string) => rooms!.create({ title }),
    onSuccess: (room) => {
      if (room.ok) open(room.url);
      else toastShown({ tone: 'error', message: contactsMessages.meetNowFailed });
    },
    onError: () => toastShown({ tone: 'error', message: contactsMessages.meetNowFailed }),
  });
  return rooms ? create : null;
}
