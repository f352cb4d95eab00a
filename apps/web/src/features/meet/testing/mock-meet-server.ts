/** A recorded request to the mock meet server. */
export interface MockRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type MockAnswer = { status: number; body?: unknown } | 'offline';

/**
 * A fake `fetch` that answers the BFF's `/meet` endpoints from a table (a mock server: the BFF's
 * meet endpoints are not part of this package's tests), and records what was asked.
 */
export function mockMeetServer(answer: (request: MockRequest) => MockAnswer) {
  const requests: MockRequest[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request: MockRequest = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const reply = answer(request);
    if (reply === 'offline') throw new TypeError('Failed to fetch');
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

export const joinedAnswer = {
  status: 'joined',
  token: 'lk-token',
  serverUrl: 'wss://livekit.colibri.test',
  identity: 'alice@colibri.test',
  isAdmin: true,
};
