import { describe, expect, it } from 'vitest';
import { Lobby, lobbyLimits } from './lobby.js';
import { JoinRateLimit, joinRateLimits } from './join-rate-limit.js';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('meeting lobby', () => {
  it('queues a knock until an admin admits or refuses it, per room', () => {
    const time = clock();
    const lobby = new Lobby(time);
    const guest = lobby.enter('room1', 'Guest', null)!;
    const user = lobby.enter('room1', 'Ben', 'B')!;
    lobby.enter('room2', 'Other', null);
    expect(guest.ticket).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(lobby.waiting('room1').map((t) => t.name)).toEqual(['Guest', 'Ben']);
    expect(lobby.poll(guest.ticket)?.status).toBe('waiting');
    // Another room's admin cannot decide for this one.
    expect(lobby.decide('room2', guest.ticket, true)).toBe(false);
    expect(lobby.decide('room1', guest.ticket, true)).toBe(true);
    expect(lobby.decide('room1', user.ticket, false)).toBe(true);
    expect(lobby.decide('room1', user.ticket, true)).toBe(false);
    expect(lobby.poll(guest.ticket)?.status).toBe('admitted');
    expect(lobby.poll(user.ticket)).toMatchObject({ status: 'refused', accountId: 'B' });
    expect(lobby.waiting('room1')).toEqual([]);
    expect(lobby.poll('unknown')).toBeNull();
  });

  it('forgets guests who stopped polling and tickets past their lifetime', () => {
    const time = clock();
    const lobby = new Lobby(time);
    const gone = lobby.enter('r', 'Gone', null)!;
    const stays = lobby.enter('r', 'Stays', null)!;
    time.advance(lobbyLimits.goneAfterMs - 1000);
    lobby.poll(stays.ticket);
    time.advance(2000);
    expect(lobby.waiting('r').map((t) => t.name)).toEqual(['Stays']);
    expect(lobby.poll(gone.ticket)?.status).toBe('waiting');
    time.advance(lobbyLimits.ticketTtlMs);
    expect(lobby.poll(stays.ticket)).toBeNull();
    expect(lobby.decide('r', stays.ticket, true)).toBe(false);
  });

  it(`holds at most ${lobbyLimits.maxWaitingPerRoom} people waiting per room`, () => {
    const lobby = new Lobby(clock());
    for (let i = 0; i < lobbyLimits.maxWaitingPerRoom; i++)
      expect(lobby.enter('r', `g${i}`, null)).not.toBeNull();
    expect(lobby.enter('r', 'one too many', null)).toBeNull();
    expect(lobby.enter('other', 'elsewhere', null)).not.toBeNull();
  });
});

describe('join rate limit', () => {
  it(`allows ${joinRateLimits.perWindow} attempts per address per window, then says when to retry`, () => {
    const time = clock();
    const limit = new JoinRateLimit(time);
    for (let i = 0; i < joinRateLimits.perWindow; i++) expect(limit.take('1.2.3.4').allowed).toBe(true);
    const refused = limit.take('1.2.3.4');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limit.take('5.6.7.8').allowed).toBe(true);
    time.advance(joinRateLimits.windowMs);
    expect(limit.take('1.2.3.4').allowed).toBe(true);
  });
});
