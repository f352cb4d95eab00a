import { randomBytes } from 'node:crypto';
import type { LiveKitConfig } from './livekit-config.js';

/**
 * A join token is only good for entering: LiveKit checks it when the client connects and then
 * refreshes the connection's own. Ten minutes covers a slow pre-join screen, and a leaked token
 * is soon worthless.
 */
export const JOIN_TOKEN_TTL_SECONDS = 10 * 60;

export interface JoinGrant {
  room: string;
  /** Shown to the other participants. */
  name: string;
  /** The room's owner: may mute and remove participants, and admits from the lobby. */
  admin: boolean;
  /** The user's account id; null for a guest. */
  accountId: string | null;
}

export interface JoinToken {
  token: string;
  identity: string;
}

/**
 * Mints a LiveKit access token (a JWT signed with the API secret) for one room. The identity is
 * unique per join, so the same person in two tabs is two participants rather than one evicting
 * the other; who they are travels in the attributes, which participants cannot change.
 */
export async function mintJoinToken(config: LiveKitConfig, grant: JoinGrant): Promise<JoinToken> {
  // Loaded at the first join rather than at every start of the server.
  const { AccessToken } = await import('livekit-server-sdk');
  const suffix = randomBytes(6).toString('base64url');
  const identity = grant.accountId === null ? `guest-${suffix}` : `${grant.accountId}-${suffix}`;
  const token = new AccessToken(config.apiKey, config.apiSecret, {
    identity,
    name: grant.name,
    ttl: JOIN_TOKEN_TTL_SECONDS,
    attributes: {
      'colibri.role': grant.admin ? 'admin' : 'participant',
      'colibri.guest': grant.accountId === null ? 'true' : 'false',
    },
  });
  token.addGrant({
    room: grant.room,
    roomJoin: true,
    roomAdmin: grant.admin,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    canUpdateOwnMetadata: false,
  });
  return { token: await token.toJwt(), identity };
}
