import { groupedAddresses, messageBodyText, messageIds } from '@colibri/mail-store';
import type { Account, AccountId, Address, MailStore } from '@colibri/mail-store';
import type { SieveAction, SieveMessage } from '@colibri/sieve';
import type { Logger } from '../../logger.js';
import type { SendOutgoing } from '../outgoing.js';
import { decideVacationReply, type InboundFacts } from '../vacation-decision.js';

type VacationAction = Extract<SieveAction, { type: 'vacation' }>;

/** Visible recipients looked at: enough for real mail, bounded for hostile mail. */
const MAX_RECIPIENTS_CHECKED = 100;
/** The header fields RFC 3834 §2 looks at. */
const FACT_FIELDS = ['auto-submitted', 'precedence', 'list-id', 'list-unsubscribe'];

/** The RFC 3834 facts of a message not (or not yet) stored, from what the filter saw. */
export function sieveInboundFacts(message: SieveMessage): InboundFacts {
  const headers = new Map<string, string>();
  for (const name of FACT_FIELDS) {
    const [first] = message.header(name);
    if (first !== undefined) headers.set(name, first);
  }
  const recipients = [...message.header('to'), ...message.header('cc')]
    .flatMap((value) => groupedAddresses(value).flatMap((group) => group.addresses))
    .slice(0, MAX_RECIPIENTS_CHECKED)
    .map((a) => a.email.toLowerCase());
  return { mailFrom: message.envelope.from, recipients, headers };
}

/** RFC 5230 §4.4 `:from`, an address (with a name or not); the account's own when unusable. */
function fromAddress(action: VacationAction, account: Account): Address {
  const given = action.from === undefined ? [] : groupedAddresses(action.from).flatMap((g) => g.addresses);
  return given[0] ?? { name: account.displayName, email: account.email };
}

/**
 * RFC 5230 §4.7 `:mime`: the reason is a MIME entity; its text becomes the reply's body (HTML
 * when the entity is text/html), built by the store like every message we send.
 */
function replyBody(action: VacationAction): { textBody: string | null; htmlBody: string | null } {
  if (!action.mime) return { textBody: action.reason, htmlBody: null };
  const entity = new TextEncoder().encode(action.reason.replace(/\r?\n/g, '\r\n'));
  const text = messageBodyText(entity);
  return /^content-type:\s*text\/html/im.test(action.reason.split(/\r?\n\r?\n/)[0] ?? '')
    ? { textBody: null, htmlBody: text }
    : { textBody: text, htmlBody: null };
}

/**
 * The `vacation` actions of a Sieve run (RFC 5230): the RFC 3834 checks of the JMAP vacation
 * response (no reply to a null sender, robots, lists, Auto-Submitted, own addresses, or mail not
 * addressed to the account, the `:addresses` counting as its own), then once per sender per
 * period, remembered per `:handle` (RFC 5230 §4.2) in the same store memory as VacationResponse.
 * Sent with the null reverse-path (RFC 5230 §5). Never throws: an auto-reply is not worth a delivery.
 */
export async function sendSieveVacations(
  store: MailStore,
  sendOutgoing: SendOutgoing,
  account: Account,
  vacations: readonly VacationAction[],
  message: SieveMessage,
  log: Logger,
  now: Date,
): Promise<void> {
  const accountId: AccountId = account.id;
  for (const action of vacations) {
    try {
      const facts = sieveInboundFacts(message);
      const own = new Set<string>(action.addresses.map((a) => a.toLowerCase()));
      for (const address of new Set([...facts.recipients, facts.mailFrom.toLowerCase()]))
        if (address && (await store.mayUseAddress(accountId, address))) own.add(address);
      const always = {
        isEnabled: true,
        fromDate: null,
        toDate: null,
        subject: null,
        textBody: null,
        htmlBody: null,
      };
      const decision = decideVacationReply(always, facts, (e) => own.has(e.toLowerCase()), now);
      if (!decision.reply) {
        log.debug('no sieve vacation reply', { accountId, reason: decision.reason });
        continue;
      }
      const key = `sieve:${action.handle}:${decision.to}`;
      if (!(await store.claimVacationReply(accountId, key, now, action.periodSeconds * 1000))) continue;
      const original = messageIds(message.header('message-id')[0] ?? null)?.[0];
      const references = messageIds(message.header('references').join(' ') || null) ?? [];
      const subject = message.header('subject')[0] ?? '';
      const built = await store.buildMessage(accountId, {
        from: [fromAddress(action, account)],
        to: [{ name: null, email: decision.to }],
        subject: action.subject ?? `Auto: ${subject}`.trim(),
        sentAt: now,
        inReplyTo: original ? [original] : [],
        references: original ? [...references, original].slice(-50) : [],
        ...replyBody(action),
        // RFC 3834 §5.1.
        headers: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
      });
      await sendOutgoing({ accountId, mailFrom: '', rcptTo: [decision.to], raw: built.raw });
      log.info('sieve vacation reply sent', { accountId, messageId: built.messageId });
    } catch (error) {
      log.warn('sieve vacation reply failed', { accountId, error });
    }
  }
}
