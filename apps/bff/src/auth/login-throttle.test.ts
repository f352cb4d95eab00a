import { describe, expect, it } from 'vitest';
import {
  BACKOFF_AFTER_IP_FAILURES,
  BACKOFF_AFTER_USER_FAILURES,
  LoginThrottle,
  MAX_BACKOFF_MS,
} from './login-throttle.js';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('LoginThrottle', () => {
  it('lets two failures pass, then from the third doubles the wait per failure', () => {
    const time = clock();
    const throttle = new LoginThrottle({ now: time.now });
    for (let i = 0; i < BACKOFF_AFTER_USER_FAILURES - 1; i++)
      throttle.recordFailure('alice@colibri.test', '10.0.0.1');
    expect(throttle.check('alice@colibri.test', '10.0.0.1')).toEqual({ allowed: true });

    throttle.recordFailure('alice@colibri.test', '10.0.0.1');
    expect(throttle.check('alice@colibri.test', '10.0.0.2')).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    time.advance(1000);
    expect(throttle.check('alice@colibri.test', '10.0.0.1').allowed).toBe(true);

    throttle.recordFailure('alice@colibri.test', '10.0.0.1');
    expect(throttle.check('alice@colibri.test', '10.0.0.1')).toEqual({
      allowed: false,
      retryAfterSeconds: 2,
    });
    time.advance(2000);
    throttle.recordFailure('alice@colibri.test', '10.0.0.1');
    expect(throttle.check('ALICE@colibri.test ', '10.0.0.1')).toEqual({
      allowed: false,
      retryAfterSeconds: 4,
    });
  });

  it('caps the wait at five minutes', () => {
    const throttle = new LoginThrottle({ now: clock().now });
    for (let i = 0; i < 30; i++) throttle.recordFailure('bob@colibri.test', '10.0.0.1');
    expect(throttle.check('bob@colibri.test', '10.0.0.9')).toEqual({
      allowed: false,
      retryAfterSeconds: MAX_BACKOFF_MS / 1000,
    });
  });

  it('throttles a client address that sprays many usernames', () => {
    const throttle = new LoginThrottle({ now: clock().now });
    for (let i = 0; i < BACKOFF_AFTER_IP_FAILURES; i++)
      throttle.recordFailure(`user${i}@colibri.test`, '192.0.2.7');
    expect(throttle.check('carol@colibri.test', '192.0.2.7').allowed).toBe(false);
    expect(throttle.check('carol@colibri.test', '192.0.2.8').allowed).toBe(true);
  });

  it('a success clears the username, not the address', () => {
    const throttle = new LoginThrottle({ now: clock().now });
    for (let i = 0; i < BACKOFF_AFTER_IP_FAILURES; i++)
      throttle.recordFailure('dave@colibri.test', '192.0.2.7');
    throttle.recordSuccess('dave@colibri.test');
    expect(throttle.check('dave@colibri.test', '192.0.2.99').allowed).toBe(true);
    expect(throttle.check('dave@colibri.test', '192.0.2.7').allowed).toBe(false);
  });

  it('forgets failures after a quiet quarter of an hour', () => {
    const time = clock();
    const throttle = new LoginThrottle({ now: time.now });
    for (let i = 0; i < 6; i++) throttle.recordFailure('erin@colibri.test', '10.0.0.1');
    time.advance(16 * 60 * 1000);
    expect(throttle.check('erin@colibri.test', '10.0.0.1').allowed).toBe(true);
    throttle.recordFailure('erin@colibri.test', '10.0.0.1');
    expect(throttle.check('erin@colibri.test', '10.0.0.1').allowed).toBe(true);
  });
});
