import { useId } from 'react';
import { meetMessages } from '../messages';
import type { TileView } from './participant-tile';

const t = meetMessages.room;

/** Everyone in the room, with their microphone and hand. */
export function ParticipantList({ people }: { people: readonly TileView[] }) {
  const id = useId();
  return (
    <section className="meet-panel" aria-labelledby={id}>
      <h2 id={id}>{t.participantCount(people.length)}</h2>
      <ul className="meet-people">
        {people.map((person) => (
          <li key={person.key}>
            <span dir="auto">{person.isLocal ? t.you(person.name) : person.name}</span>
            {person.hand && <span className="meet-badge">{t.handRaised}</span>}
            {person.muted && <span className="meet-badge">{t.muted}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
