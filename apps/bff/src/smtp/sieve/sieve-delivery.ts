import type { Account, EmailRecord, Mailbox, MailStore } from '@colibri/mail-store';
import { SIEVE_LIMITS, evaluateSieve } from '@colibri/sieve';
import type { SieveMessage, SieveOutcome, SieveScript } from '@colibri/sieve';
import type { Logger } from '../../logger.js';
import { importCopy } from '../local-delivery.js';
import type { SendOutgoing } from '../outgoing.js';
import type { ReceivedMessage } from '../received-message.js';
import { mailboxExists, mailboxIndexOf, resolveTargets } from './sieve-mailboxes.js';
import { sieveMessageOf } from './sieve-message.js';
import { planOf } from './sieve-plan.js';
import type { SieveTarget } from './sieve-plan.js';
import { redirectedBefore, sendRedirects } from './sieve-redirect.js';
import { sendSieveVacations } from './sieve-vacation.js';

export interface SieveDelivery {
  store: MailStore;
  account: Account;
  script: SieveScript;
  /** This account's copy, trace fields included. */
  copy: ReceivedMessage;
  /** Where `keep` puts it: the account's Inbox. */
  keepFolder: Mailbox;
  receivedAt: Date;
  /** MAIL FROM ("" for the null reverse-path) and this copy's RCPT TO. */
  envelope: { from: string; to: string };
  sendOutgoing: SendOutgoing | undefined;
  log: Logger;
}

/** What became of the copy: stored (as this email) or not (discarded, redirected), or refused. */
export type SieveDeliveryResult =
  | {
      email: EmailRecord | null;
      reject: null;
      /**
       * The script ran a `vacation` action (replied or not): the account's JMAP VacationResponse
       * then stays silent, so that one message never gets two auto-replies (see deliverToAccount).
       */
      scriptVacation: boolean;
    }
  | { email: null; reject: { reason: string; extended: boolean }; message: SieveMessage };

/** RFC 5228 §2.10.6: a run that failed as a whole keeps the message, like a run-time error. */
const KEEP_ONLY: SieveOutcome = { actions: [{ type: 'keep', flags: [] }], errors: [] };
const KEEP: SieveTarget = { kind: 'keep' };

/**
 * Runs the account's active script on its copy and performs what it decides (RFC 5228 §2.10):
 * every keep and fileinto is ONE stored email in all their mailboxes with the union of their
 * flags (one store transaction, so the filing is atomic with the delivery), then the redirects
 * (outbound queue), then vacation replies. A reject stores nothing and is the caller's to answer.
 * Mail is never lost to the filter: a run-time error keeps (the interpreter adds the keep), a
 * run that throws keeps, a fileinto to a missing mailbox keeps, and redirects that could not be
 * queued (or would loop) keep when nothing else stored the message.
 */
export async function deliverWithSieve(d: SieveDelivery): Promise<SieveDeliveryResult> {
  const { store, account, log } = d;
  const accountId = account.id;
  // The body is read (from the spool file, for a large message) only for a script that can test it.
  const whole = d.script.requires.includes('body') ? await d.copy.whole() : null;
  const message = sieveMessageOf(d.copy.head, whole, d.copy.size, d.envelope);
  const index = mailboxIndexOf(await store.listMailboxes(accountId));
  let outcome: SieveOutcome;
  try {
    outcome = evaluateSieve(
      d.script,
      message,
      {
        now: d.receivedAt,
        mailboxExists: (name) => mailboxExists(index, name),
        mailboxIdExists: (id) => index.byId.has(id),
      },
      { maxRedirects: SIEVE_LIMITS.maxRedirects },
    );
  } catch (error) {
    log.error('sieve evaluation failed, keeping the message', { accountId, error });
    outcome = KEEP_ONLY;
  }
  if (outcome.errors.length > 0)
    log.warn('sieve run-time error, kept', { accountId, errors: outcome.errors });
  const plan = planOf(outcome.actions);
  if (plan.reject !== null) return { email: null, reject: plan.reject, message };

  let redirects = plan.redirects.slice(0, SIEVE_LIMITS.maxRedirects);
  if (redirects.length > 0 && redirectedBefore(message, account.email.toLowerCase())) {
    log.warn('sieve redirect loop: this account already redirected the message, kept', { accountId });
    redirects = [];
  }
  // Where the redirects go: the outbound queue, when there is one and something to redirect.
  const redirectVia = redirects.length > 0 ? d.sendOutgoing : undefined;
  // A redirect that cannot happen (a loop, no outbound queue) must not lose the message, nor may a
  // run that decided nothing at all (the interpreter always says keep or discard: defensive).
  const redirectLost = plan.redirects.length > 0 && redirectVia === undefined;
  const targets: SieveTarget[] =
    plan.targets.length === 0 && (redirectLost || outcome.actions.length === 0) ? [KEEP] : plan.targets;

  const storeIn = async (where: readonly SieveTarget[]) => {
    const mailboxIds = await resolveTargets(store, accountId, where, d.keepFolder, index, log);
    return importCopy(store, accountId, d.copy, {
      mailboxIds,
      keywords: plan.keywords,
      receivedAt: d.receivedAt,
    });
  };
  let email = targets.length > 0 ? await storeIn(targets) : null;
  if (redirectVia !== undefined) {
    const queued = await sendRedirects(
      redirectVia,
      accountId,
      account.email,
      d.copy,
      d.envelope.from,
      redirects,
      log,
    );
    if (queued === 0 && email === null) email = await storeIn([KEEP]);
  }
  if (plan.vacations.length > 0 && d.sendOutgoing)
    await sendSieveVacations(store, d.sendOutgoing, account, plan.vacations, message, log, d.receivedAt);
  return { email, reject: null, scriptVacation: plan.vacations.length > 0 };
}
