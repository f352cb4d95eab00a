import type { AccountId, EmailRecord, MailStore } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import type { SendOutgoing } from './outgoing.js';
import { VACATION_REPLY_PERIOD_MS, decideVacationReply, type InboundFacts } from './vacation-decision.js';

/** Subject of the reply when the vacation response has none (RFC 3834 §3.1.5 suggests a prefix). */
const DEFAULT_TEXT = 'I am away and will read your message when I am back.';
/** Visible recipients looked at: enough for real mail, bounded for hostile mail. */
const MAX_RECIPIENTS_CHECKED = 100;

/** The facts of a delivered email that the RFC 3834 decision needs. */
export function inboundFacts(email: EmailRecord, mailFrom: string): InboundFacts {
  const headers = new Map<string, string>();
  for (const { name, value } of email.bodyStructure.headers) {
    const key = name.toLowerCase();
    if (!headers.has(key)) headers.set(key, value);
  }
  const recipients = [...(email.to ?? []), ...(email.cc ?? [])]
    .slice(0, MAX_RECIPIENTS_CHECKED)
    .map((a) => a.email.toLowerCase());
  return { mailFrom, recipients, headers };
}

/**
 * After a delivery: sends the account's vacation auto-reply when RFC 3834 allows it and none went
 * to this sender within the period. Never throws: an auto-reply is not worth failing a delivery.
 */
export async function sendVacationReply(
  store: MailStore,
  sendOutgoing: SendOutgoing,
  accountId: AccountId,
  email: EmailRecord,
  mailFrom: string,
  log: Logger,
  now = new Date(),
): Promise<void> {
  try {
    const vacation = await store.getVacationResponse(accountId);
    if (!vacation.isEnabled) return;
    const account = await store.getAccount(accountId);
    if (!account) return;
    const facts = inboundFacts(email, mailFrom);
    const own = new Set<string>();
    for (const address of new Set([...facts.recipients, mailFrom.toLowerCase()]))
      if (address && (await store.mayUseAddress(accountId, address))) own.add(address);
    const decision = decideVacationReply(vacation, facts, (e) => own.has(e.toLowerCase()), now);
    if (!decision.reply) {
      log.debug('no vacation reply', { accountId, reason: decision.reason });
      return;
    }
    if (!(await store.claimVacationReply(accountId, decision.to, now, VACATION_REPLY_PERIOD_MS))) return;
    const original = email.messageId?.[0];
    const built = await store.buildMessage(accountId, {
      from: [{ name: account.displayName, email: account.email }],
      to: [{ name: null, email: decision.to }],
      subject: vacation.subject ?? `Auto: ${email.subject ?? ''}`.trim(),
      sentAt: now,
      inReplyTo: original ? [original] : [],
      references: original ? [...(email.references ?? []), original].slice(-50) : [],
      textBody: vacation.textBody ?? (vacation.htmlBody ? null : DEFAULT_TEXT),
      htmlBody: vacation.htmlBody,
      // RFC 3834 §5.1.
      headers: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
    });
    // RFC 3834 §4 / RFC 5230 §5: the null reverse-path, so that nothing auto-replies to us.
    await sendOutgoing({ accountId, mailFrom: '', rcptTo: [decision.to], raw: built.raw });
    log.info('vacation reply sent', { accountId, messageId: built.messageId });
  } catch (error) {
    log.warn('vacation reply failed', { accountId, error });
  }
}
