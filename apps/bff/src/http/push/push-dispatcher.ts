import { setTimeout as sleep } from 'node:timers/promises';
import type { JmapEngine, Principal, PushStateFeed, PushedStateChange } from '@colibri/jmap-server';
import type { AccountId, MailStore, PushSubscription } from '@colibri/mail-store';
import type { Logger } from '../../logger.js';
import { PUSH_COALESCE_MS, keptStates, sharedPushTypes } from './state-feed.js';
import type { ChangedStates } from './state-feed.js';
import { encryptWebPush } from './web-push-encryption.js';

/** Delays before each attempt of one push: three tries in all, then the push is dropped. */
export const PUSH_RETRY_DELAYS_MS: readonly number[] = [0, 1000, 5000];
/** One POST to a push endpoint may take this long. */
export const PUSH_TIMEOUT_MS = 10_000;
/** RFC 8030 §5.2: how long the push service may keep an undelivered message (seconds). */
export const PUSH_TTL_SECONDS = 86_400;

export interface PushDispatcherOptions {
  store: Pick<
    MailStore,
    'listPushSubscriptions' | 'subscribeStateChanges' | 'listMailboxShares' | 'listCollectionShares'
  >;
  /** The state changes to push; by default the store's (the server adds Quota: `withQuotaStates`). */
  feed?: PushStateFeed;
  log: Logger;
  retryDelaysMs?: readonly number[];
}

export interface PushDispatcher {
  /** RFC 8620 §7.2.2: POSTs the PushVerification of a just-created subscription. */
  verify(ownerId: AccountId, subscriptionId: string): void;
  close(): Promise<void>;
}

/**
 * RFC 8620 §7.2: pushes StateChange objects to the verified, unexpired subscriptions of the
 * changed account's owner and of the users it shares mailboxes with who subscribe to one (RFC
 * 9670 §1.4: the account is then in their Session; they hear of its mail types only, as over
 * EventSource), filtered by each subscription's `types`, coalesced like the other push channels,
 * encrypted with RFC 8291 when the subscription has keys. Failed POSTs are retried a bounded
 * number of times; a 404 or 410 (RFC 8030 §7.3: the subscription is gone) is not retried.
 */
export function startPushDispatcher(options: PushDispatcherOptions): PushDispatcher {
  const { store, log } = options;
  const delays = options.retryDelaysMs ?? PUSH_RETRY_DELAYS_MS;
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let pending = new Map<string, Record<string, string>>();
  let timer: NodeJS.Timeout | null = null;

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const post = async (subscription: PushSubscription, message: object): Promise<void> => {
    const json = Buffer.from(JSON.stringify(message));
    const { body, headers } = subscription.keys
      ? {
          body: encryptWebPush(json, subscription.keys),
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'aes128gcm' },
        }
      : { body: json, headers: { 'Content-Type': 'application/json' } };
    for (const delay of delays) {
      // Shutdown cuts a wait short rather than holding close() for it.
      if (delay > 0) await sleep(delay, undefined, { signal: abort.signal }).catch(() => undefined);
      if (abort.signal.aborted) return;
      try {
        const response = await fetch(subscription.url, {
          method: 'POST',
          headers: { ...headers, TTL: String(PUSH_TTL_SECONDS) },
          body,
          redirect: 'error',
          signal: AbortSignal.any([abort.signal, AbortSignal.timeout(PUSH_TIMEOUT_MS)]),
        });
        await response.body?.cancel();
        if (response.ok || response.status === 404 || response.status === 410) return;
      } catch {
        // Network error or timeout: retried below, within the bound.
      }
    }
    log.warn('push dropped after retries', { subscription: subscription.id });
  };

  /**
   * Who hears of an account's changes: its owner (every type) and its sharees, each of the types
   * of what is shared with them (subscribed mailboxes, calendars, address books).
   */
  const listenersOf = async (accountId: AccountId) => {
    const sharees = new Map<AccountId, { mail: boolean; calendars: boolean; contacts: boolean }>();
    const shareeOf = (id: AccountId) => {
      let found = sharees.get(id);
      if (!found) sharees.set(id, (found = { mail: false, calendars: false, contacts: false }));
      return found;
    };
    for (const share of await store.listMailboxShares(accountId))
      if (share.isSubscribed) shareeOf(share.granteeId).mail = true;
    for (const share of await store.listCollectionShares(accountId, 'calendar'))
      shareeOf(share.granteeId).calendars = true;
    for (const share of await store.listCollectionShares(accountId, 'addressBook'))
      shareeOf(share.granteeId).contacts = true;
    return [
      { ownerId: accountId, allowed: null },
      ...[...sharees].map(([ownerId, shared]) => ({ ownerId, allowed: sharedPushTypes(shared) })),
    ];
  };

  const flush = async (changes: Map<string, Record<string, string>>) => {
    const now = Date.now();
    for (const [accountId, states] of changes) {
      for (const { ownerId, allowed } of await listenersOf(accountId as AccountId))
        for (const subscription of await store.listPushSubscriptions(ownerId)) {
          if (!subscription.verified) continue;
          if (subscription.expires !== null && subscription.expires.getTime() <= now) continue;
          const kept = Object.entries(states).filter(
            ([type]) =>
              (allowed === null || allowed.has(type)) &&
              (subscription.types === null || subscription.types.includes(type)),
          );
          if (kept.length === 0) continue;
          const changed: ChangedStates = { [accountId]: Object.fromEntries(kept) };
          track(post(subscription, { '@type': 'StateChange', changed }));
        }
    }
  };

  const unsubscribe = (options.feed ?? store).subscribeStateChanges((change: PushedStateChange) => {
    pending.set(change.accountId, { ...pending.get(change.accountId), ...keptStates(change, null) });
    timer ??= setTimeout(() => {
      timer = null;
      const changes = pending;
      pending = new Map();
      track(flush(changes).catch((error: unknown) => log.error('push failed', { error: String(error) })));
    }, PUSH_COALESCE_MS);
  });

  return {
    verify(ownerId, subscriptionId) {
      track(
        (async () => {
          const subscription = (await store.listPushSubscriptions(ownerId)).find(
            (s) => s.id === subscriptionId,
          );
          if (!subscription) return;
          await post(subscription, {
            '@type': 'PushVerification',
            pushSubscriptionId: subscription.id,
            verificationCode: subscription.verificationCode,
          });
        })().catch((error: unknown) => log.error('push verification failed', { error: String(error) })),
      );
    },
    async close() {
      unsubscribe();
      if (timer) clearTimeout(timer);
      abort.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * The engine, sending the PushVerification of every subscription a PushSubscription/set call
 * created (over HTTP or WebSocket alike), once the call has stored it.
 */
export function withPushVerification(engine: JmapEngine, dispatcher: PushDispatcher): JmapEngine {
  return {
    ...engine,
    async handleRequest(principal: Principal, body: unknown) {
      const answer = await engine.handleRequest(principal, body);
      if ('methodResponses' in answer.body)
        for (const [name, args] of answer.body.methodResponses) {
          if (name !== 'PushSubscription/set') continue;
          const created = (args as { created?: Record<string, { id?: string }> | null }).created ?? {};
          for (const { id } of Object.values(created))
            if (id !== undefined) dispatcher.verify(principal.accountId as AccountId, id);
        }
      return answer;
    },
  };
}
