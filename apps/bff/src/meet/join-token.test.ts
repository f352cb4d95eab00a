import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenVerifier } from 'livekit-server-sdk';
import { JOIN_TOKEN_TTL_SECONDS, mintJoinToken } from './join-token.js';

const config = { url: 'ws://127.0.0.1:7880', apiKey: 'APItest', apiSecret: 'x'.repeat(40) };
const verifier = new TokenVerifier(config.apiKey, config.apiSecret);

afterEach(() => vi.useRealTimers());

describe('LiveKit join tokens', () => {
  it("grants the organiser admin rights on that room only, signed with the server's secret", async () => {
    const { token, identity } = await mintJoinToken(config, {
      room: 'abcdefghijklmnopqrstuvwxyz',
      name: 'Ann Example',
      admin: true,
      accountId: 'A1',
    });
    const claims = await verifier.verify(token);
    expect(claims.sub).toBe(identity);
    expect(identity).toMatch(/^A1-[A-Za-z0-9_-]{8}$/);
    expect(claims.name).toBe('Ann Example');
    expect(claims.video).toMatchObject({
      room: 'abcdefghijklmnopqrstuvwxyz',
      roomJoin: true,
      roomAdmin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
    });
    expect(claims.video?.roomCreate).toBeFalsy();
    expect(claims.video?.roomList).toBeFalsy();
    expect(claims.attributes).toEqual({ 'colibri.role': 'admin', 'colibri.guest': 'false' });
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(JOIN_TOKEN_TTL_SECONDS);
  });

  it('gives an invitee or a guest no admin right, and each join its own identity', async () => {
    const grant = { room: 'r'.repeat(26), name: 'Guest', admin: false, accountId: null };
    const first = await mintJoinToken(config, grant);
    const second = await mintJoinToken(config, grant);
    expect(first.identity).toMatch(/^guest-/);
    expect(first.identity).not.toBe(second.identity);
    const claims = await verifier.verify(first.token);
    expect(claims.video?.roomAdmin).toBe(false);
    expect(claims.attributes?.['colibri.guest']).toBe('true');
  });

  it('is refused once expired, when tampered with, or when signed with another secret', async () => {
    const { token } = await mintJoinToken(config, {
      room: 'r'.repeat(26),
      name: 'N',
      admin: false,
      accountId: 'B',
    });
    // Tampered: the payload claims admin rights, the signature no longer matches.
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      video: Record<string, unknown>;
    };
    claims.video.roomAdmin = true;
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await expect(verifier.verify(forged)).rejects.toThrow();
    await expect(new TokenVerifier(config.apiKey, 'y'.repeat(40)).verify(token)).rejects.toThrow();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (JOIN_TOKEN_TTL_SECONDS + 60) * 1000);
    await expect(verifier.verify(token)).rejects.toThrow(/exp/);
  });
});
