import { useMutation } from '@tanstack/react-query';
import { requestJson } from '../../../lib/http';
import { useJmapHeaders } from '../../../lib/jmap';
import { grantOf, meetFailureOf } from './meet-http';
import type { JoinGrant, MeetFailure } from './meet-http';

/** What asking to join gives: a grant, a place in the lobby, or why not. */
export type JoinResult =
  | { status: 'joined'; grant: JoinGrant }
  | { status: 'waiting'; ticket: string }
  | { status: 'failed'; failure: MeetFailure };

/**
 * `POST /meet/rooms/<roomId>/join`: invitees and the organiser are let in (200), anyone else
 * waits in the lobby (202) or is refused when the meeting is for invitees only (403). `name` is
 * required for guests without a session.
 */
export async function joinRoom(
  roomId: string,
  name: string | undefined,
  headers: Record<string, string>,
  fetchImpl: typeof fetch = fetch,
): Promise<JoinResult> {
  try {
    const body = await requestJson<Record<string, unknown>>(
      `/meet/rooms/${encodeURIComponent(roomId)}/join`,
      { method: 'POST', body: name ? { name } : {}, headers },
      fetchImpl,
    );
    if (body?.status === 'waiting' && typeof body.ticket === 'string') {
      return { status: 'waiting', ticket: body.ticket };
    }
    const grant = body?.status === 'joined' ? grantOf(body) : null;
    return grant ? { status: 'joined', grant } : { status: 'failed', failure: 'server' };
  } catch (error) {
    return { status: 'failed', failure: meetFailureOf(error) };
  }
}

export function useJoinRoom(roomId: string) {
  const headers = useJmapHeaders();
  return useMutation({ mutationFn: (name: string | undefined) => joinRoom(roomId, name, headers()) });
}
