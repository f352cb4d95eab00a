import type {
  CapabilityUrn,
  Id,
  Invocation,
  JmapResponse,
  MethodArgs,
  MethodError,
  MethodName,
  MethodResult,
  Session,
} from '@colibri/jmap-types';
import { Capability } from '@colibri/jmap-types';
import { capabilitiesFor } from './capabilities-for.js';
import { JmapMethodError, JmapRequestError } from './errors.js';
import type { FetchLike, RequestCredentialsMode } from './fetch-like.js';
import { readJson } from './read-response.js';
import { RequestBuilder } from './request-builder.js';
import type { ArgsWithRefs, CallHandles, CallResults } from './request-builder.js';
import { downloadUrlFor } from './url-template.js';

export interface JmapClientOptions {
  /** The Session resource, absolute or relative to the page, e.g. `/.well-known/jmap` (RFC 8620 §2.2). */
  sessionUrl: string;
  /** Defaults to the global `fetch` (STYLE 22). */
  fetch?: FetchLike;
  /** Extra headers for every request, read at each request (e.g. `Authorization`, `X-CSRF-Token`). */
  headers?: () => Record<string, string>;
  /** Passed to fetch; `same-origin` (the platform default) sends the BFF's session cookie. */
  credentials?: RequestCredentialsMode;
  /**
   * Extension capabilities (e.g. `Capability.Snooze`) added to every request's `using` when the
   * Session advertises them (RFC 8620 §3.3: an unknown one would fail the whole request).
   */
  extensions?: readonly string[];
}

export interface JmapClient {
  /** The Session, fetched once and cached until `sessionState` changes or `resetSession()`. */
  getSession(): Promise<Session>;
  /** Forgets the cached Session (e.g. on logout), so the next call fetches it again. */
  resetSession(): void;
  /** The primary account for a capability (RFC 8620 §2), mail by default. */
  primaryAccountId(capability?: CapabilityUrn): Promise<Id>;
  /** One method call in its own request. Throws JmapMethodError or JmapRequestError. */
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  /**
   * Several method calls in one request (RFC 8620 §3.3), later calls able to refer to earlier
   * results with `ref()` (§3.7). Resolves to the results of the returned handles, in their shape;
   * throws the first JmapMethodError among them.
   */
  request<T extends CallHandles>(build: (request: RequestBuilder) => T): Promise<CallResults<T>>;
  /** RFC 8620 §6.2: the URL to download a blob, from the Session's template. */
  downloadUrl(accountId: Id, blobId: Id, name: string, type: string): Promise<string>;
}

function isSession(body: Record<string, unknown>): boolean {
  return (
    typeof body.apiUrl === 'string' &&
    typeof body.downloadUrl === 'string' &&
    typeof body.accounts === 'object' &&
    body.accounts !== null
  );
}

function isResponse(body: Record<string, unknown>): boolean {
  return Array.isArray(body.methodResponses) && typeof body.sessionState === 'string';
}

/** Creates a JMAP client; nothing is fetched until the first call. */
export function createJmapClient(options: JmapClientOptions): JmapClient {
  // Bound, as browsers refuse a `fetch` called with another `this`.
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const extraHeaders = options.headers ?? (() => ({}));
  let session: Promise<Session> | null = null;

  async function fetchSession(): Promise<Session> {
    const response = await fetchImpl(options.sessionUrl, {
      method: 'GET',
      headers: { Accept: 'application/json', ...extraHeaders() },
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
    const body = await readJson(response);
    if (!isSession(body)) {
      throw new JmapRequestError({
        type: 'about:blank',
        status: response.status,
        detail: 'The server did not answer with a JMAP Session.',
      });
    }
    return body as unknown as Session;
  }

  function getSession(): Promise<Session> {
    if (!session) {
      const pending = fetchSession();
      session = pending;
      // A failed fetch is not cached: the next call tries again (e.g. after logging in).
      pending.catch(() => {
        if (session === pending) session = null;
      });
    }
    return session;
  }

  function usingFor(builder: RequestBuilder, current: Session): string[] {
    const offered = (options.extensions ?? []).filter((urn) => urn in current.capabilities);
    return [...capabilitiesFor(builder.methods), ...offered];
  }

  async function send(builder: RequestBuilder): Promise<JmapResponse> {
    const current = await getSession();
    const response = await fetchImpl(current.apiUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...extraHeaders() },
      body: JSON.stringify({ using: usingFor(builder, current), methodCalls: builder.methodCalls }),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
    const body = await readJson(response);
    if (!isResponse(body)) {
      throw new JmapRequestError({
        type: 'about:blank',
        status: response.status,
        detail: 'The server did not answer with a JMAP Response.',
      });
    }
    const result = body as unknown as JmapResponse;
    // RFC 8620 §3.4: a new sessionState means the Session changed; fetch it again next time.
    if (result.sessionState !== current.state && session !== null) session = null;
    return result;
  }

  function resultOf(responses: Invocation[], method: string, callId: string): unknown {
    // RFC 8620 §3.4: a call may yield several responses (implicit calls share its id); ours is
    // the one named after the method, or an error.
    const own = responses.find(([name, , id]) => id === callId && (name === method || name === 'error'));
    if (!own) {
      throw new JmapRequestError({
        type: 'about:blank',
        status: 200,
        detail: `No response for ${method} (${callId}).`,
      });
    }
    const [name, args] = own;
    if (name === 'error') throw new JmapMethodError(method, callId, args as unknown as MethodError);
    return args;
  }

  async function request<T extends CallHandles>(
    build: (request: RequestBuilder) => T,
  ): Promise<CallResults<T>> {
    const builder = new RequestBuilder();
    const handles = build(builder);
    const response = await send(builder);
    const entries = Object.entries(handles).map(
      ([key, handle]) => [key, resultOf(response.methodResponses, handle.method, handle.callId)] as const,
    );
    const results: Record<string, unknown> | unknown[] = Array.isArray(handles)
      ? entries.map(([, value]) => value)
      : Object.fromEntries(entries);
    return results as CallResults<T>;
  }

  return {
    getSession,
    resetSession() {
      session = null;
    },
    async primaryAccountId(capability = Capability.Mail) {
      const current = await getSession();
      const accountId = current.primaryAccounts[capability];
      if (!accountId) throw new Error(`The server has no primary account for ${capability}.`);
      return accountId;
    },
    async call(method, args) {
      const { result } = await request((b) => ({
        result: b.call(method, args as ArgsWithRefs<typeof method>),
      }));
      return result;
    },
    request,
    async downloadUrl(accountId, blobId, name, type) {
      return downloadUrlFor(await getSession(), { accountId, blobId, name, type });
    },
  };
}
