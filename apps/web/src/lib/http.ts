/** A non-2xx answer from the BFF's JSON API, with its parsed body when there was one. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown> | null,
    /** Seconds from a `Retry-After` header, when the server sent one. */
    readonly retryAfterHeader: number | null,
  ) {
    super(typeof body?.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Calls a JSON endpoint of the BFF on our own origin (the session cookie goes along). Resolves
 * to the parsed body, or null for a 204; throws HttpError for any other non-2xx answer.
 */
export async function requestJson<T>(
  url: string,
  request: JsonRequest = {},
  fetchImpl: typeof fetch = fetch,
): Promise<T | null> {
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchImpl(url, {
    method: request.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
  });
  if (response.status === 204) return null;
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    const record =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : null;
    throw new HttpError(
      response.status,
      record,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return body as T;
}
