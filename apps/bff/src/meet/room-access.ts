import type { MeetingRoom } from '@colibri/mail-store';

/** Who is asking to enter a room: a signed-in user (their account), or a guest with a name. */
export type Entrant = { kind: 'user'; accountId: string; username: string } | { kind: 'guest' };

/**
 * What happens when someone opens a room's link (issue 8): the owner (the event's organiser, or
 * whoever started the meeting) enters as its admin; the event's invitees enter directly; anyone
 * else waits in the lobby until an admin lets them in, or is refused when the room is for
 * invitees only.
 */
export type Admission = 'admin' | 'invitee' | 'lobby' | 'refused';

/**
 * `inviteeAccounts` are the accounts of the event's participants (an address of ours resolved to
 * its account, so aliases count); external invitees have none and come in as guests, through the
 * lobby like anyone holding the link.
 */
export function admissionOf(
  room: MeetingRoom,
  entrant: Entrant,
  inviteeAccounts: ReadonlySet<string>,
): Admission {
  if (entrant.kind === 'user') {
    if (entrant.accountId === room.accountId) return 'admin';
    if (inviteeAccounts.has(entrant.accountId)) return 'invitee';
  }
  return room.inviteesOnly ? 'refused' : 'lobby';
}
