import { useId, useState } from 'react';
import { Button } from '@colibri/ui';
import type { Id } from '@colibri/jmap-types';
import { availabilityProblemOf, useAvailabilities } from '../api/availability';
import { useRooms } from '../api/rooms';
import type { Room } from '../api/rooms';
import { busyBlocksOf, overlaps } from '../lib/availability';
import { draftSlot } from '../lib/draft-slot';
import type { EventDraft, RoomDraft } from '../lib/event-draft';
import { roomMessages as m } from '../room-messages';

const utc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

type RoomState = keyof typeof m.state;

export interface RoomFieldProps {
  /** The account availability is asked of (JMAP Calendars §2.2). */
  accountId: Id;
  draft: EventDraft;
  onChange: (patch: Partial<EventDraft>) => void;
}

/**
 * The rooms of the event: those booked, with "Remove", and on demand the organisation's rooms
 * (RFC 9670 principals of type location), each free or busy over the event's time (JMAP
 * Calendars §2.2 Principal/getAvailability) with "Add". A room added becomes the event's
 * location when it has none; the room answers the invitation itself (its booking policy).
 */
export function RoomField({ accountId, draft, onChange }: RoomFieldProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const booked = draft.rooms ?? [];
  const isBooked = (email: string) => booked.some((r) => r.email.toLowerCase() === email.toLowerCase());

  const add = (room: Room) => {
    if (isBooked(room.email)) return;
    const added: RoomDraft = { email: room.email, name: room.name, calendarAddress: room.calendarAddress };
    onChange({
      rooms: [...booked, added],
      // RFC 8984 §4.2.5 locations: the room is where the event is, unless a place is given already.
      ...(draft.location.trim() === '' ? { location: room.name } : {}),
    });
  };
  const remove = (email: string) =>
    onChange({ rooms: booked.filter((r) => r.email.toLowerCase() !== email.toLowerCase()) });

  return (
    <fieldset className="calendar-editor__rooms">
      <legend>{m.rooms}</legend>
      {booked.length === 0 ? (
        <p className="calendar-editor__hint">{m.none}</p>
      ) : (
        <ul aria-label={m.booked}>
          {booked.map((room) => (
            <li key={room.email}>
              <bdi>{room.name}</bdi>{' '}
              <Button variant="ghost" aria-label={m.remove(room.name)} onClick={() => remove(room.email)}>
                {m.removeShort}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Button aria-expanded={open} aria-controls={`${id}-list`} onClick={() => setOpen(!open)}>
        {open ? m.hide : m.show}
      </Button>
      {open ? (
        <div id={`${id}-list`}>
          <RoomList accountId={accountId} draft={draft} isBooked={isBooked} onAdd={add} onRemove={remove} />
        </div>
      ) : null}
    </fieldset>
  );
}

interface RoomListProps {
  accountId: Id;
  draft: EventDraft;
  isBooked: (email: string) => boolean;
  onAdd: (room: Room) => void;
  onRemove: (email: string) => void;
}

/** The organisation's rooms, each free or busy over the event's span (the first occurrence). */
function RoomList({ accountId, draft, isBooked, onAdd, onRemove }: RoomListProps) {
  const rooms = useRooms();
  const span = draftSlot(draft)?.slot ?? null;
  const list = rooms.data ?? [];
  const availabilities = useAvailabilities(
    accountId,
    span ? list.map((r) => r.id) : [],
    span ? { utcStart: utc(span.start), utcEnd: utc(span.end) } : { utcStart: '', utcEnd: '' },
  );
  if (rooms.isPending) return <p role="status">{m.loading}</p>;
  if (rooms.isError) return <p role="alert">{m.failed}</p>;
  if (list.length === 0) return <p>{m.noRooms}</p>;

  const stateOf = (index: number): RoomState => {
    const result = availabilities[index];
    if (!span) return 'unknown';
    if (!result || result.isPending) return 'loading';
    if (result.isError) return availabilityProblemOf(result.error);
    return busyBlocksOf(result.data).some((b) => overlaps(b, span)) ? 'busy' : 'free';
  };

  return (
    <ul className="calendar-editor__room-list" aria-label={m.available}>
      {list.map((room, index) => {
        const state = stateOf(index);
        const booked = isBooked(room.email);
        return (
          <li key={room.id} aria-label={room.name} data-state={state}>
            <bdi>{room.name}</bdi>{' '}
            <span className={`calendar-editor__room-state calendar-editor__room-state--${state}`}>
              {m.state[state]}
            </span>{' '}
            {booked ? (
              <Button variant="ghost" aria-label={m.remove(room.name)} onClick={() => onRemove(room.email)}>
                {m.removeShort}
              </Button>
            ) : (
              <Button aria-label={m.add(room.name)} onClick={() => onAdd(room)}>
                {m.addShort}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
