import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, PASSWORD, basic, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';

const CLIENT = 'https://client.example.org';
let open: TestColibri;
let closed: TestColibri;

beforeAll(async () => {
  [open, closed] = await Promise.all([
    startTestColibri({ env: { COLIBRI_CORS_ORIGINS: CLIENT } }),
    startTestColibri(),
  ]);
});
afterAll(() => Promise.all([open.stop(), closed.stop()]));

const preflight = (colibri: TestColibri, origin: string) =>
  fetch(`${colibri.httpUrl}/jmap/api`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type',
    },
  });

describe('CORS for JMAP clients of other origins (WHATWG Fetch §3.2)', () => {
  it('answers a listed origin’s preflight without credentials, so cookies never cross origins', async () => {
    const response = await preflight(open, CLIENT);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(CLIENT);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a listed origin read the session and API answers with Basic credentials', async () => {
    const session = await fetch(`${open.httpUrl}/.well-known/jmap`, {
      headers: { Origin: CLIENT, Authorization: basic(ANN, PASSWORD) },
    });
    expect(session.status).toBe(200);
    expect(session.headers.get('access-control-allow-origin')).toBe(CLIENT);
    expect(session.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives other origins, and every origin by default, no CORS headers', async () => {
    const other = await preflight(open, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const byDefault = await preflight(closed, CLIENT);
    expect(byDefault.headers.get('access-control-allow-origin')).toBeNull();
    const api = await fetch(`${closed.httpUrl}/.well-known/jmap`, {
      headers: { Origin: CLIENT, Authorization: basic(ANN, PASSWORD) },
    });
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
  });
});
