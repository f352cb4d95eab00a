import { randomBytes } from 'node:crypto';

export const lobbyLimits = {
  /** People waiting in one room at once; one more is told the lobby is full. */
  maxWaitingPerRoom: 50,
  /** Tickets in all rooms at once (bounds memory under a flood of knocks). */
  maxTickets: 10_000,
  /** A ticket, admitted or not, is forgotten after this long. */
  ticketTtlMs: 10 * 60 * 1000,
  /** A waiting guest who has not polled for this long has left: the admins no longer see them. */
  goneAfterMs: 30 * 1000,
} as const;

export type TicketStatus = 'waiting' | 'admitted' | 'refused';

export interface LobbyTicket {
  ticket: string;
  roomId: string;
  name: string;
  since: number;
  status: TicketStatus;
  /** The signed-in user who knocked (not the owner nor an invitee), or null for a guest. */
  accountId: string | null;
}

interface Entry extends LobbyTicket {
  lastSeen: number;
}

/**
 * The waiting room of every meeting, in memory: someone who may not enter directly gets a ticket
 * (128 random bits, the only thing that identifies them), polls it, and is let in or refused by
 * an admin of that room. A restart empties it; the guests then knock again.
 */
export class Lobby {
  readonly #tickets = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** A new ticket, or null when the room's lobby (or the whole lobby) is full. */
  enter(roomId: string, name: string, accountId: string | null): LobbyTicket | null {
    const now = this.#now();
    this.#sweep(now);
    if (this.#tickets.size >= lobbyLimits.maxTickets) return null;
    if (this.waiting(roomId).length >= lobbyLimits.maxWaitingPerRoom) return null;
    const ticket = randomBytes(16).toString('base64url');
    const entry: Entry = { ticket, roomId, name, since: now, status: 'waiting', accountId, lastSeen: now };
    this.#tickets.set(ticket, entry);
    return publicView(entry);
  }

  /** The ticket's state, noting that its holder is still there; null once unknown or expired. */
  poll(ticket: string): LobbyTicket | null {
    const now = this.#now();
    const entry = this.#live(ticket, now);
    if (!entry) return null;
    entry.lastSeen = now;
    return publicView(entry);
  }

  /** Who waits for this room now, first come first. */
  waiting(roomId: string): LobbyTicket[] {
    const now = this.#now();
    return [...this.#tickets.values()]
      .filter(
        (e) =>
          e.roomId === roomId &&
          e.status === 'waiting' &&
          now - e.lastSeen <= lobbyLimits.goneAfterMs &&
          now - e.since <= lobbyLimits.ticketTtlMs,
      )
      .map(publicView);
  }

  /** Lets in or refuses a waiting ticket of this room; false when there is no such one. */
  decide(roomId: string, ticket: string, admit: boolean): boolean {
    const entry = this.#live(ticket, this.#now());
    if (!entry || entry.roomId !== roomId || entry.status !== 'waiting') return false;
    entry.status = admit ? 'admitted' : 'refused';
    return true;
  }

  #live(ticket: string, now: number): Entry | undefined {
    const entry = this.#tickets.get(ticket);
    if (entry && now - entry.since > lobbyLimits.ticketTtlMs) {
      this.#tickets.delete(ticket);
      return undefined;
    }
    return entry;
  }

  #sweep(now: number): void {
    for (const [ticket, entry] of this.#tickets)
      if (now - entry.since > lobbyLimits.ticketTtlMs) this.#tickets.delete(ticket);
  }
}

function publicView({ ticket, roomId, name, since, status, accountId }: Entry): LobbyTicket {
  return { ticket, roomId, name, since, status, accountId };
}
