import { useEffect } from 'react';
import { Button } from '@colibri/ui';
import { useLobbyTicket } from '../api/lobby-ticket';
import type { JoinGrant } from '../api/meet-http';
import { meetMessages } from '../messages';

const t = meetMessages.lobby;

export interface LobbyWaitProps {
  ticket: string;
  onAdmitted: (grant: JoinGrant) => void;
  onCancel: () => void;
}

/** A guest in the waiting room: asks every 2 s until the organiser admits or refuses them. */
export function LobbyWait({ ticket, onAdmitted, onCancel }: LobbyWaitProps) {
  const status = useLobbyTicket(ticket);
  const answer = status.data;
  useEffect(() => {
    if (answer?.status === 'joined') onAdmitted(answer.grant);
  }, [answer, onAdmitted]);

  if (answer?.status === 'refused') {
    return (
      <main className="meet-ended">
        <p role="alert">{t.refused}</p>
      </main>
    );
  }
  return (
    <main className="meet-ended" aria-busy="true">
      <p role="status">{t.waiting}</p>
      <p className="meet-hint">{t.waitingHint}</p>
      {status.isError && (
        <p className="meet-error" role="alert">
          {t.lost}
        </p>
      )}
      <Button onClick={onCancel}>{t.cancel}</Button>
    </main>
  );
}
