/**
 * Query keys of the meetings feature (STYLE 18). Not JMAP data: the BFF's `/meet` endpoints, keyed
 * by room and by lobby ticket.
 */
export const meetKeys = {
  all: ['meet'] as const,
  room: (roomId: string) => [...meetKeys.all, 'room', roomId] as const,
  /** The admin's view of who waits to be let in. */
  roomLobby: (roomId: string) => [...meetKeys.room(roomId), 'lobby'] as const,
  /** A guest's place in the lobby. */
  ticket: (ticket: string) => [...meetKeys.all, 'ticket', ticket] as const,
};
