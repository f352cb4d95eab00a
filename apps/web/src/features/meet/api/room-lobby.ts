import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../lib/http';
import { useJmapHeaders } from '../../../lib/jmap';
import { meetKeys } from './keys';

/** A guest waiting to be let in, as the room's admin sees it. */
export interface WaitingGuest {
  ticket: string;
  name: string;
  /** When the guest asked (ISO 8601). */
  since: string;
}

/** How often an admin's list of waiting guests is refreshed while the meeting runs. */
export const ROOM_LOBBY_POLL_MS = 3_000;

export async function getRoomLobby(roomId: string, fetchImpl: typeof fetch = fetch): Promise<WaitingGuest[]> {
  const body = await requestJson<{ waiting?: unknown }>(
    `/meet/rooms/${encodeURIComponent(roomId)}/lobby`,
    {},
    fetchImpl,
  );
  const waiting = Array.isArray(body?.waiting) ? (body.waiting as unknown[]) : [];
  return waiting.filter(
    (entry): entry is WaitingGuest =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as WaitingGuest).ticket === 'string' &&
      typeof (entry as WaitingGuest).name === 'string',
  );
}

/** `POST /meet/rooms/<roomId>/lobby/<ticket>`: lets the guest in, or turns them away. */
export async function answerGuest(
  roomId: string,
  ticket: string,
  admit: boolean,
  headers: Record<string, string>,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  await requestJson(
    `/meet/rooms/${encodeURIComponent(roomId)}/lobby/${encodeURIComponent(ticket)}`,
    { method: 'POST', body: { admit }, headers },
    fetchImpl,
  );
}

/** The guests waiting for this room; only an admin may ask (`enabled`). */
export function useRoomLobby(roomId: string, enabled: boolean) {
  return useQuery({
    queryKey: meetKeys.roomLobby(roomId),
    queryFn: () => getRoomLobby(roomId),
    enabled,
    refetchInterval: ROOM_LOBBY_POLL_MS,
  });
}

export function useAnswerGuest(roomId: string) {
  const queryClient = useQueryClient();
  const headers = useJmapHeaders();
  return useMutation({
    mutationFn: ({ ticket, admit }: { ticket: string; admit: boolean }) =>
      answerGuest(roomId, ticket, admit, headers()),
    onSuccess: (_nothing, { ticket }) =>
      queryClient.setQueryData<WaitingGuest[]>(meetKeys.roomLobby(roomId), (list) =>
        list?.filter((guest) => guest.ticket !== ticket),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetKeys.roomLobby(roomId) }),
  });
}
