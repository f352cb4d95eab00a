import { useId } from 'react';
import { Button } from '@colibri/ui';
import { useAnswerGuest, useRoomLobby } from '../api/room-lobby';
import { meetMessages } from '../messages';

const t = meetMessages.lobby;
const time = new Intl.DateTimeFormat(meetMessages.locale, { timeStyle: 'short' });

/** For the room's admin: the guests in the waiting room, each to admit or refuse. */
export function LobbyPanel({ roomId }: { roomId: string }) {
  const lobby = useRoomLobby(roomId, true);
  const answer = useAnswerGuest(roomId);
  const id = useId();
  const waiting = lobby.data ?? [];
  return (
    <section className="meet-panel" aria-labelledby={id}>
      <h2 id={id}>{t.heading}</h2>
      {waiting.length === 0 ? (
        <p className="meet-hint">{t.empty}</p>
      ) : (
        <ul className="meet-people">
          {waiting.map((guest) => (
            <li key={guest.ticket}>
              <span dir="auto">{t.waitingSince(guest.name, time.format(new Date(guest.since)))}</span>
              <Button
                variant="primary"
                aria-label={t.admitLabel(guest.name)}
                disabled={answer.isPending}
                onClick={() => answer.mutate({ ticket: guest.ticket, admit: true })}
              >
                {t.admit}
              </Button>
              <Button
                aria-label={t.refuseLabel(guest.name)}
                disabled={answer.isPending}
                onClick={() => answer.mutate({ ticket: guest.ticket, admit: false })}
              >
                {t.refuse}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {answer.isError && (
        <p role="alert" className="meet-error">
          {t.actionFailed}
        </p>
      )}
    </section>
  );
}
