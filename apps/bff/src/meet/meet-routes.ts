import express from 'express';
import type { Request, Response, Router } from 'express';
import { InvalidInputError, NotFoundError } from '@colibri/mail-store';
import type { MailStore, MeetingRoom } from '@colibri/mail-store';
import { authOf, csrfMatches, requireAuth, resolveAuth } from '../auth/authenticate.js';
import type { AuthServices } from '../auth/authenticate.js';
import { publicBaseUrl } from '../http/base-url.js';
import type { Logger } from '../logger.js';
import { mintJoinToken } from './join-token.js';
import type { LiveKitConfig } from './livekit-config.js';
import { Lobby } from './lobby.js';
import { admissionOf, type Entrant } from './room-access.js';
import { JoinRateLimit } from './join-rate-limit.js';

/** What the meeting routes need to know of calendar events; see `storeMeetingEvents`. */
export interface MeetingEvents {
  /** Whether the account has this event (a room is only tied to an event of its owner). */
  exists(accountId: string, eventId: string): Promise<boolean>;
  /** The accounts of the room's event's participants; empty without an event. */
  inviteeAccounts(room: MeetingRoom): Promise<ReadonlySet<string>>;
}

/** Until calendars are served: no room has an event, so only owners enter without the lobby. */
export const noMeetingEvents: MeetingEvents = {
  exists: async () => false,
  inviteeAccounts: async () => new Set(),
};

export interface MeetOptions {
  store: MailStore;
  auth: AuthServices;
  /** Null when no LiveKit server is configured: rooms can be made, joining answers 503. */
  livekit: LiveKitConfig | null;
  events: MeetingEvents;
  publicUrl: string | null;
  log: Logger;
  lobby?: Lobby;
  rateLimit?: JoinRateLimit;
}

const BODY_LIMIT = '4kb';
const MAX_NAME_CHARS = 64;

function error(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: code, message });
}

/** A display name: 1 to 64 characters, no control characters, trimmed; null if not one. */
function displayName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim();
  return name.length > 0 && name.length <= MAX_NAME_CHARS && !/\p{Cc}/u.test(name) ? name : null;
}

function bodyObject(req: Request): Record<string, unknown> | null {
  const body: unknown = req.body;
  if (body === undefined || !req.is('application/json')) return {};
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null;
}

/**
 * Video meetings (issue 8), beside JMAP: rooms are created by signed-in users (for an event or
 * "meet now"); anyone holding a room's link may ask to join, and gets a LiveKit token when the
 * room's rules let them in directly, or a lobby ticket to poll until an admin decides.
 *
 * - `POST /meet/rooms` `{ eventId?, title?, inviteesOnly? }` → 201 `{ roomId, url, title, inviteesOnly }`
 * - `POST /meet/rooms/:roomId/join` `{ name? }` → 200 joined | 202 waiting | 403 | 404 | 429 | 503
 * - `GET /meet/lobby/:ticket` → waiting | joined (with a token) | refused; 404 once expired
 * - `GET /meet/rooms/:roomId/lobby`, `POST /meet/rooms/:roomId/lobby/:ticket` `{ admit }` (admins)
 * - `PATCH /meet/rooms/:roomId` `{ inviteesOnly?, eventId? }`, `DELETE /meet/rooms/:roomId` (the owner)
 */
export function meetRoutes(options: MeetOptions): Router {
  const { store, auth, livekit, events, log } = options;
  const lobby = options.lobby ?? new Lobby();
  const rateLimit = options.rateLimit ?? new JoinRateLimit();
  const router = express.Router();
  router.use('/meet', express.json({ limit: BODY_LIMIT, type: 'application/json' }));
  router.use('/meet', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const joined = async (
    res: Response,
    room: MeetingRoom,
    name: string,
    admin: boolean,
    accountId: string | null,
  ) => {
    const { token, identity } = await mintJoinToken(livekit!, { room: room.id, name, admin, accountId });
    res.json({
      status: 'joined',
      token,
      serverUrl: livekit!.url,
      identity,
      isAdmin: admin,
      title: room.title,
    });
  };

  /** The room, when the request's user owns it; otherwise answers 404 (another's room is unknown). */
  const ownedRoom = async (req: Request, res: Response): Promise<MeetingRoom | null> => {
    const room = await store.getMeetingRoom(String(req.params.roomId));
    if (room === null || room.accountId !== authOf(req).principal.accountId) {
      error(res, 404, 'notFound', 'No such meeting room.');
      return null;
    }
    return room;
  };

  router.post('/meet/rooms', requireAuth(auth), async (req: Request, res: Response) => {
    const body = bodyObject(req);
    if (body === null) return error(res, 400, 'badRequest', 'Send a JSON object.');
    const { principal } = authOf(req);
    const { eventId, title, inviteesOnly } = body;
    if (inviteesOnly !== undefined && typeof inviteesOnly !== 'boolean')
      return error(res, 400, 'badRequest', '"inviteesOnly" must be true or false.');
    if (eventId !== undefined && typeof eventId !== 'string')
      return error(res, 400, 'badRequest', '"eventId" must be a string.');
    if (title !== undefined && typeof title !== 'string')
      return error(res, 400, 'badRequest', '"title" must be a string.');
    if (eventId !== undefined && !(await events.exists(principal.accountId, eventId)))
      return error(res, 404, 'notFound', 'No such event in your calendars.');
    try {
      const room = await store.createMeetingRoom(principal.accountId, {
        title: (title ?? '').trim(),
        eventId: eventId ?? null,
        inviteesOnly: inviteesOnly ?? false,
      });
      const url = `${publicBaseUrl(req, options.publicUrl)}/meet/${room.id}`;
      res.status(201).json({ roomId: room.id, url, title: room.title, inviteesOnly: room.inviteesOnly });
    } catch (e) {
      if (e instanceof InvalidInputError) return error(res, 400, 'badRequest', e.message);
      throw e;
    }
  });

  router.post('/meet/rooms/:roomId/join', async (req: Request, res: Response) => {
    const verdict = rateLimit.take(req.ip ?? 'unknown');
    if (!verdict.allowed) {
      res.set('Retry-After', String(verdict.retryAfterSeconds));
      return error(res, 429, 'tooManyAttempts', 'Too many attempts to join. Try again later.');
    }
    const body = bodyObject(req);
    if (body === null) return error(res, 400, 'badRequest', 'Send a JSON object.');
    const outcome = await resolveAuth(auth, req);
    if (outcome.kind === 'invalid' || outcome.kind === 'throttled')
      return error(
        res,
        401,
        'unauthenticated',
        'These credentials are not valid; sign in again, or join as a guest without them.',
      );
    // A signed-in browser proves the request is its own, as for every other change it makes.
    if (
      outcome.kind === 'authenticated' &&
      outcome.auth.via === 'cookie' &&
      !csrfMatches(req, outcome.auth.session)
    )
      return error(res, 403, 'csrf', 'A valid X-CSRF-Token header is required.');
    const room = await store.getMeetingRoom(String(req.params.roomId));
    if (room === null)
      return error(res, 404, 'notFound', 'This meeting link is not valid (or the meeting was deleted).');
    if (livekit === null)
      return error(res, 503, 'notConfigured', 'Video meetings are not set up on this server.');

    let entrant: Entrant = { kind: 'guest' };
    let name = displayName(body.name);
    if (outcome.kind === 'authenticated') {
      const { principal } = outcome.auth;
      entrant = { kind: 'user', accountId: principal.accountId, username: principal.username };
      const account = await store.getAccount(principal.accountId);
      name ??= displayName(account?.displayName) ?? principal.username;
    } else if (name === null) {
      return error(res, 400, 'nameRequired', `Enter your name (1 to ${MAX_NAME_CHARS} characters) to join.`);
    }
    const admission = admissionOf(room, entrant, await events.inviteeAccounts(room));
    if (admission === 'refused')
      return error(res, 403, 'inviteesOnly', 'This meeting is for invited people only.');
    if (admission === 'admin' || admission === 'invitee') {
      return joined(
        res,
        room,
        name!,
        admission === 'admin',
        entrant.kind === 'user' ? entrant.accountId : null,
      );
    }
    const ticket = lobby.enter(room.id, name!, entrant.kind === 'user' ? entrant.accountId : null);
    if (ticket === null)
      return error(res, 503, 'lobbyFull', 'Too many people are waiting to join. Try again in a moment.');
    log.info('meeting lobby knock', { room: room.id, guest: entrant.kind === 'guest' });
    res.status(202).json({ status: 'waiting', ticket: ticket.ticket });
  });

  router.get('/meet/lobby/:ticket', async (req: Request, res: Response) => {
    const ticket = lobby.poll(String(req.params.ticket));
    if (ticket === null) return error(res, 404, 'notFound', 'This request to join has expired. Ask again.');
    if (ticket.status !== 'admitted') return void res.json({ status: ticket.status });
    const room = await store.getMeetingRoom(ticket.roomId);
    if (room === null || livekit === null)
      return error(res, 404, 'notFound', 'This meeting link is not valid (or the meeting was deleted).');
    return joined(res, room, ticket.name, false, ticket.accountId);
  });

  router.get('/meet/rooms/:roomId/lobby', requireAuth(auth), async (req: Request, res: Response) => {
    const room = await ownedRoom(req, res);
    if (room === null) return;
    res.json({
      waiting: lobby.waiting(room.id).map((t) => ({
        ticket: t.ticket,
        name: t.name,
        since: new Date(t.since).toISOString(),
        guest: t.accountId === null,
      })),
    });
  });

  router.post('/meet/rooms/:roomId/lobby/:ticket', requireAuth(auth), async (req: Request, res: Response) => {
    const body = bodyObject(req);
    if (body === null || typeof body.admit !== 'boolean')
      return error(res, 400, 'badRequest', 'Send { "admit": true } or { "admit": false }.');
    const room = await ownedRoom(req, res);
    if (room === null) return;
    if (!lobby.decide(room.id, String(req.params.ticket), body.admit))
      return error(res, 404, 'notFound', 'Nobody with this request is waiting any more.');
    res.status(204).end();
  });

  router.patch('/meet/rooms/:roomId', requireAuth(auth), async (req: Request, res: Response) => {
    const body = bodyObject(req);
    const { inviteesOnly, eventId } = body ?? {};
    if (
      body === null ||
      (inviteesOnly === undefined && eventId === undefined) ||
      (inviteesOnly !== undefined && typeof inviteesOnly !== 'boolean') ||
      (eventId !== undefined && typeof eventId !== 'string')
    )
      return error(
        res,
        400,
        'badRequest',
        'Send { "inviteesOnly": true or false } and/or { "eventId": "<an event of yours>" }.',
      );
    let room = await ownedRoom(req, res);
    if (room === null) return;
    // A room made while its event was being created is tied to it once the event exists.
    if (typeof eventId === 'string') {
      if (!(await events.exists(room.accountId, eventId)))
        return error(res, 404, 'notFound', 'No such event in your calendars.');
      room = await store.setMeetingRoomEvent(room.accountId, room.id, eventId);
    }
    if (typeof inviteesOnly === 'boolean')
      room = await store.setMeetingRoomInviteesOnly(room.accountId, room.id, inviteesOnly);
    res.json({ roomId: room.id, title: room.title, inviteesOnly: room.inviteesOnly, eventId: room.eventId });
  });

  router.delete('/meet/rooms/:roomId', requireAuth(auth), async (req: Request, res: Response) => {
    try {
      await store.deleteMeetingRoom(authOf(req).principal.accountId, String(req.params.roomId));
      res.status(204).end();
    } catch (e) {
      if (e instanceof NotFoundError) return error(res, 404, 'notFound', 'No such meeting room.');
      throw e;
    }
  });

  return router;
}
