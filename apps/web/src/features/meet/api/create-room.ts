import { useMutation } from '@tanstack/react-query';
import { requestJson } from '../../../lib/http';
import { useJmapHeaders } from '../../../lib/jmap';
import { meetFailureOf } from './meet-http';
import type { MeetFailure } from './meet-http';

export interface CreatedRoom {
  roomId: string;
  /** The shareable join link, `/meet/<roomId>` on our origin. */
  url: string;
}

export type CreateRoomResult = ({ ok: true } & CreatedRoom) | { ok: false; failure: MeetFailure };

export interface CreateRoomInput {
  /** The calendar event the room belongs to, for rights derived from its invitation. */
  eventId?: string;
  title?: string;
}

/** `POST /meet/rooms` (signed-in users only): a new room and its join link. */
export async function createRoom(
  input: CreateRoomInput,
  headers: Record<string, string>,
  fetchImpl: typeof fetch = fetch,
): Promise<CreateRoomResult> {
  try {
    const body = await requestJson<CreatedRoom>(
      '/meet/rooms',
      { method: 'POST', body: input, headers },
      fetchImpl,
    );
    if (!body || typeof body.roomId !== 'string' || typeof body.url !== 'string') {
      return { ok: false, failure: 'server' };
    }
    return { ok: true, roomId: body.roomId, url: body.url };
  } catch (error) {
    return { ok: false, failure: meetFailureOf(error) };
  }
}

/** Creates a room with the login's CSRF header (the same as JMAP's). */
export function useCreateRoom() {
  const headers = useJmapHeaders();
  return useMutation({ mutationFn: (input: CreateRoomInput) => createRoom(input, headers()) });
}
