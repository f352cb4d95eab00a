import { HttpError } from '../../../lib/http';

/** What the BFF grants a participant: a LiveKit access token for its server. */
export interface JoinGrant {
  token: string;
  serverUrl: string;
  identity: string;
  isAdmin: boolean;
}

/**
 * Why a room cannot be created or joined, as values (STYLE 10): the BFF's error codes, a room
 * that does not exist, a missing guest name, or no answer at all.
 */
export type MeetFailure =
  'notConfigured' | 'inviteesOnly' | 'notFound' | 'nameRequired' | 'unauthorized' | 'network' | 'server';

/** The longest display name a guest may give (the BFF checks it too). */
export const MAX_GUEST_NAME = 100;

/** Maps a failed `/meet` request to its failure value; anything unexpected is 'server'. */
export function meetFailureOf(error: unknown): MeetFailure {
  if (!(error instanceof HttpError)) return 'network';
  const code = error.body?.error;
  if (error.status === 503 && code === 'notConfigured') return 'notConfigured';
  if (error.status === 403 && code === 'inviteesOnly') return 'inviteesOnly';
  if (error.status === 404) return 'notFound';
  if (error.status === 401) return 'unauthorized';
  if (error.status === 400 && code === 'nameRequired') return 'nameRequired';
  return 'server';
}

/** A grant as the server sent it, checked: a token for a server we can connect to. */
export function grantOf(body: Record<string, unknown>): JoinGrant | null {
  const { token, serverUrl, identity, isAdmin } = body;
  if (typeof token !== 'string' || typeof serverUrl !== 'string' || typeof identity !== 'string') return null;
  if (!/^(wss?|https?):\/\//.test(serverUrl)) return null;
  return { token, serverUrl, identity, isAdmin: isAdmin === true };
}
