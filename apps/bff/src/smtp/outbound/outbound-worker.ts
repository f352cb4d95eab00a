import {
  statusOfReply,
  type AccountId,
  type DueDelivery,
  type EmailSubmissionId,
  type FailedRecipient,
  type MailStore,
} from '@colibri/mail-store';
import type { OutboundRelay } from '../../config/config.js';
import type { Logger } from '../../logger.js';
import { deliverToAccount } from '../deliver-to-account.js';
import { SmtpReply, resolveRecipient } from '../local-delivery.js';
import { ReceivedMessage } from '../received-message.js';
import { rejectReply } from '../sieve/sieve-reject.js';
import type { SendOutgoing } from '../outgoing.js';
import { traceHeaders } from '../trace-headers.js';
import { sendVacationReply } from '../vacation-reply.js';
import { sendBounce } from './bounce.js';
import { domainOf, fromDomain } from './from-domain.js';
import { deliverRemote, type DkimSigning, type ResolveMx } from './remote-delivery.js';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from './retry-schedule.js';
import type { SmtpOutcome } from './smtp-outcome.js';

/** How often the queue is looked at when nothing wakes the worker (retries come due this way). */
export const DEFAULT_POLL_INTERVAL_MS = 15_000;
/** The most recipients one pass takes from the queue; a full batch makes another pass follow. */
export const DELIVERY_BATCH = 200;
/** The most (submission, domain) groups delivered at the same time. */
export const MAX_PARALLEL_GROUPS = 4;
/** RFC 3463 X.4.7 "delivery time expired": the status of a recipient we gave up on. */
const GAVE_UP_STATUS = '5.4.7';

export interface OutboundWorkerOptions {
  store: MailStore;
  relay: OutboundRelay;
  /** Our host name: EHLO, Received, Reporting-MTA, MAILER-DAEMON@. */
  serverName: string;
  log: Logger;
  retry?: RetryPolicy;
  pollIntervalMs?: number;
  /** MX lookups for `relay: mx` (a fake in tests: there is no DNS here). */
  resolveMx?: ResolveMx;
  /** Port for direct MX delivery (25). */
  mxPort?: number;
}

export interface OutboundWorker {
  /** Queues a system message (bounce, auto-reply) and wakes the worker. */
  sendOutgoing: SendOutgoing;
  /** Something was queued: look at the queue now rather than at the next poll. */
  wake(): void;
  /** Runs passes until nothing more is due now; resolves when done (tests, close). */
  runOnce(): Promise<void>;
  /** Stops polling and waits for the pass in progress. Safe to call twice. */
  close(): Promise<void>;
}

interface Group {
  submissionId: EmailSubmissionId;
  accountId: AccountId;
  mailFrom: string;
  sendAt: Date;
  domain: string;
  deliveries: DueDelivery[];
}

/**
 * The outbound delivery worker: takes due recipients from the store's submission queue, groups
 * them per submission and recipient domain, delivers local domains straight into the Inbox and
 * remote ones over SMTP (relay or MX, DKIM-signed for our From domains), and records each
 * outcome. 4xx and unreachable hosts are retried on the policy's schedule; 5xx, or giving up,
 * bounces to the sender (RFC 3464). Everything lives in the store, so a restart resumes the queue.
 * Delivery is at-least-once: a crash between a remote 250 and its record sends that copy again.
 */
export function startOutboundWorker(options: OutboundWorkerOptions): OutboundWorker {
  const { store, serverName, log } = options;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;

  const sendOutgoing: SendOutgoing = async (message) => {
    await store.createSubmission(message.accountId, {
      raw: message.raw,
      envelope: { mailFrom: message.mailFrom, rcptTo: message.rcptTo },
    });
    wake();
  };

  async function dkimFor(raw: Uint8Array): Promise<DkimSigning | null> {
    const domain = fromDomain(raw);
    if (domain === null || !(await store.findDomain(domain))) return null;
    const key = await store.dkimKey(domain);
    return { domainName: key.domain, keySelector: key.selector, privateKey: key.privateKeyPem };
  }

  async function deliverLocal(group: Group, raw: Uint8Array): Promise<Map<string, SmtpOutcome>> {
    const outcomes = new Map<string, SmtpOutcome>();
    const date = new Date();
    for (const { rcptTo } of group.deliveries) {
      try {
        const accountId = await resolveRecipient(store, rcptTo);
        const trace = traceHeaders({
          mailFrom: group.mailFrom,
          recipient: rcptTo,
          helo: serverName,
          clientHostname: serverName,
          clientAddress: '127.0.0.1',
          serverName,
          protocol: 'LOCAL',
          id: group.submissionId,
          date,
        });
        // The recipient's Sieve filter applies to a colleague's mail too; its reject is a
        // permanent failure, so the sender gets the bounce (RFC 5429 §2.1: a DSN).
        const copy = ReceivedMessage.of(Buffer.concat([Buffer.from(trace, 'utf8'), raw]), null, true);
        const envelope = { from: group.mailFrom, to: rcptTo };
        const result = await deliverToAccount(
          store,
          accountId,
          copy,
          date,
          'inbox',
          envelope,
          sendOutgoing,
          log,
        );
        if (result.reject !== null) throw rejectReply(result.reject.reason);
        outcomes.set(rcptTo, { kind: 'delivered', reply: '250 2.0.0 Delivered locally' });
        // A colleague on vacation answers mail from inside the organisation too (RFC 3834).
        if (result.email !== null && !result.scriptVacation)
          await sendVacationReply(store, sendOutgoing, accountId, result.email, group.mailFrom, log);
      } catch (error) {
        if (error instanceof SmtpReply) {
          const reply = `${error.responseCode} ${error.message}`;
          outcomes.set(
            rcptTo,
            error.responseCode >= 500 ? { kind: 'permanent', reply } : { kind: 'temporary', reply },
          );
        } else {
          log.error('local delivery failed', { submissionId: group.submissionId, error: String(error) });
          outcomes.set(rcptTo, { kind: 'temporary', reply: '451 4.3.0 Local delivery failed' });
        }
      }
    }
    return outcomes;
  }

  async function deliverGroup(group: Group): Promise<void> {
    const raw = await store.readSubmissionMessage(group.submissionId);
    let outcomes: Map<string, SmtpOutcome>;
    if (raw === null) {
      const lost: SmtpOutcome = { kind: 'permanent', reply: '554 5.3.0 Message content is missing' };
      outcomes = new Map(group.deliveries.map((d) => [d.rcptTo, lost]));
    } else if (await store.findDomain(group.domain)) {
      outcomes = await deliverLocal(group, raw);
    } else {
      const rcptTo = group.deliveries.map((d) => d.rcptTo);
      outcomes = await deliverRemote(
        { relay: options.relay, serverName, resolveMx: options.resolveMx, mxPort: options.mxPort },
        group.domain,
        { mailFrom: group.mailFrom, rcptTo },
        raw,
        await dkimFor(raw),
      );
    }

    const failed: FailedRecipient[] = [];
    const now = new Date();
    for (const delivery of group.deliveries) {
      const outcome = outcomes.get(delivery.rcptTo) ?? { kind: 'temporary', reply: '451 4.4.0 No outcome' };
      if (outcome.kind === 'delivered') {
        await store.recordDeliveryAttempt(group.submissionId, delivery.rcptTo, {
          outcome: 'delivered',
          smtpReply: outcome.reply,
        });
        continue;
      }
      if (outcome.kind === 'temporary') {
        const next = nextAttemptAt(retry, delivery.attempts + 1, group.sendAt, now);
        if (next !== null) {
          await store.recordDeliveryAttempt(group.submissionId, delivery.rcptTo, {
            outcome: 'temporary',
            smtpReply: outcome.reply,
            nextAttemptAt: next,
          });
          log.info('delivery deferred', {
            submissionId: group.submissionId,
            rcpt: delivery.rcptTo,
            reply: outcome.reply,
          });
          continue;
        }
      }
      const gaveUp = outcome.kind === 'temporary';
      const reply = gaveUp
        ? `${outcome.reply} (gave up after ${delivery.attempts + 1} attempts)`
        : outcome.reply;
      await store.recordDeliveryAttempt(group.submissionId, delivery.rcptTo, {
        outcome: 'permanent',
        smtpReply: reply,
      });
      log.warn('delivery failed', { submissionId: group.submissionId, rcpt: delivery.rcptTo, reply });
      failed.push({
        recipient: delivery.rcptTo,
        status: gaveUp ? GAVE_UP_STATUS : statusOfReply(outcome.reply),
        diagnostic: reply,
        ...(outcome.kind === 'permanent' && outcome.remoteMta ? { remoteMta: outcome.remoteMta } : {}),
      });
    }
    if (failed.length > 0 && raw !== null) {
      await sendBounce({
        store,
        serverName,
        accountId: group.accountId,
        mailFrom: group.mailFrom,
        failed,
        original: raw,
        arrivalDate: group.sendAt,
        queue: (message) => sendOutgoing(message),
      });
    }
  }

  async function pass(): Promise<boolean> {
    const due = await store.dueDeliveries(new Date(), DELIVERY_BATCH);
    const groups = new Map<string, Group>();
    for (const d of due) {
      const domain = domainOf(d.rcptTo);
      const key = `${d.submissionId} ${domain}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          submissionId: d.submissionId,
          accountId: d.accountId,
          mailFrom: d.mailFrom,
          sendAt: d.sendAt,
          domain,
          deliveries: [],
        };
        groups.set(key, group);
      }
      group.deliveries.push(d);
    }
    const queue = [...groups.values()];
    const lane = async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        try {
          await deliverGroup(group);
        } catch (error) {
          // Unrecorded recipients stay due and are tried again on the next pass.
          log.error('outbound delivery error', { submissionId: group.submissionId, error: String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL_GROUPS, queue.length) }, lane));
    return due.length === DELIVERY_BATCH;
  }

  function runOnce(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          if (await pass()) again = true;
        } catch (error) {
          log.error('outbound queue error', { error: String(error) });
        }
      } while (again && !closed);
      await planNextDue();
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function wake(): void {
    if (!closed) void runOnce();
  }

  const pollInterval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const timer = setInterval(wake, pollInterval);
  timer.unref();
  // Undo send and send later hold a submission until its sendAt, and a retry waits for its time:
  // the worker wakes at that moment rather than at the next poll, up to a poll interval later.
  let dueTimer: NodeJS.Timeout | null = null;
  async function planNextDue(): Promise<void> {
    if (dueTimer) clearTimeout(dueTimer);
    dueTimer = null;
    let next: Date | null;
    try {
      next = await store.nextDeliveryDue();
    } catch (error) {
      log.error('outbound queue error', { error: String(error) });
      return;
    }
    if (next === null || closed) return;
    const delay = Math.max(0, next.getTime() - Date.now());
    if (delay >= pollInterval) return;
    dueTimer = setTimeout(wake, delay);
    dueTimer.unref();
  }
  // A submission made through JMAP (EmailSubmission/set), by this process or another on the same
  // store, goes out now: a sender expects "sent" in seconds, not at the next poll. The worker's own
  // attempts change that state too; they cost one more pass that finds nothing due.
  const unsubscribe = store.subscribeStateChanges((change) => {
    if (change.changed.EmailSubmission !== undefined) wake();
  });
  wake();

  return {
    sendOutgoing,
    wake,
    runOnce,
    async close() {
      closed = true;
      clearInterval(timer);
      if (dueTimer) clearTimeout(dueTimer);
      unsubscribe();
      await running;
    },
  };
}
