import { expandUriTemplate } from '@colibri/jmap-client';
import type { Id, Session } from '@colibri/jmap-types';

/** RFC 8620 §7.1: what a `state` push event carries: new states by account, then by type. */
export interface StateChange {
  '@type': 'StateChange';
  changed: Record<Id, Record<string, string>>;
}

export interface PushOptions {
  /** Called for each StateChange; the caller decides what to refresh. */
  onStateChange: (change: StateChange) => void;
  /** Called when the stream (re)opens: changes may have been missed while it was down. */
  onOpen?: () => void;
  /** Called when the stream drops; the browser reconnects by itself (RFC 8620 §7.3, SSE). */
  onError?: () => void;
  /** The platform's EventSource (STYLE 22); tests pass their own. */
  EventSourceImpl?: typeof EventSource;
  /** Seconds between pings, so that proxies keep the idle connection open (RFC 8620 §7.3). */
  pingSeconds?: number;
}

function isStateChange(value: unknown): value is StateChange {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { '@type'?: unknown })['@type'] === 'StateChange' &&
    typeof (value as { changed?: unknown }).changed === 'object'
  );
}

/**
 * Opens the Session's EventSource (RFC 8620 §7.3) for every type, kept open (closeafter=no),
 * with the session cookie (same origin). Returns the function that closes it.
 */
export function openPushStream(session: Pick<Session, 'eventSourceUrl'>, options: PushOptions): () => void {
  const Impl = options.EventSourceImpl ?? globalThis.EventSource;
  const url = expandUriTemplate(session.eventSourceUrl, {
    types: '*',
    closeafter: 'no',
    ping: String(options.pingSeconds ?? 60),
  });
  const source = new Impl(url, { withCredentials: true });
  source.addEventListener('state', (event) => {
    let data: unknown;
    try {
      data = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return; // Not JSON: not a StateChange we can act on.
    }
    if (isStateChange(data)) options.onStateChange(data);
  });
  source.addEventListener('open', () => options.onOpen?.());
  source.addEventListener('error', () => options.onError?.());
  return () => source.close();
}
