import { pipeline } from 'node:stream/promises';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { MailStore } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import { deliverMessage, mailFromOf } from './deliver-message.js';
import { LineEndingGuard } from './line-ending-guard.js';
import { SmtpReply, assertMailboxRoom, resolveRecipient } from './local-delivery.js';
import type { DeliveryFolder } from './local-delivery.js';
import type { DnsResolver } from './dns-resolver.js';
import { systemResolver } from './dns-resolver.js';
import { removeForgedAuthResults } from './forged-auth-results.js';
import { authenticateMessage } from './message-auth.js';
import type { SendOutgoing } from './outgoing.js';

/** Announced in EHLO (RFC 1870 SIZE) and enforced on DATA. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
export const MAX_RECIPIENTS = 100;
const SOCKET_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 5_000;

export interface InboundSmtpOptions {
  store: MailStore;
  host: string;
  /** 0 picks a free port. */
  port: number;
  serverName: string;
  log: Logger;
  /** LMTP (RFC 2033) instead of SMTP: LHLO, and one reply per recipient after DATA. */
  lmtp?: boolean;
  /** DNS for SPF/DKIM/DMARC/ARC on SMTP (not LMTP); default node's `dns.promises.resolve`. */
  dnsResolver?: DnsResolver;
  /** Outgoing mail (the submission queue); without it no vacation auto-replies are sent (RFC 3834). */
  sendOutgoing?: SendOutgoing;
}

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

/**
 * Inbound SMTP (RFC 5321) or LMTP (RFC 2033) for local delivery: accepts mail for existing
 * addresses of our domains (plus-addresses included) and stores it in each recipient's Inbox.
 * No AUTH and no STARTTLS yet: these ports are for MTAs handing over mail, not for users
 * submitting it (that is a later issue, with TLS).
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtp> {
  const { store, log } = options;
  const lmtp = options.lmtp ?? false;
  const server = new SMTPServer({
    name: options.serverName,
    lmtp,
    // The greeting reads "<name> ESMTP Colibri ESMTP" or "<name> LMTP Colibri".
    banner: lmtp ? 'Colibri' : 'Colibri ESMTP',
    size: MAX_MESSAGE_BYTES,
    maxRecipients: MAX_RECIPIENTS,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    // A reverse lookup per connection would slow every delivery down; the address is enough.
    disableReverseLookup: true,
    socketTimeout: SOCKET_TIMEOUT_MS,
    closeTimeout: CLOSE_TIMEOUT_MS,
    logger: false,

    onRcptTo(address, session, callback) {
      resolveRecipient(store, address.address)
        .then((accountId) => assertMailboxRoom(store, accountId, declaredSize(session)))
        .then(
          () => callback(),
          (error: unknown) => callback(asReply(error, log)),
        );
    },

    onData(stream, session, callback) {
      readMessage(stream)
        .then(async (received) => {
          const { raw, folder } = lmtp
            ? { raw: received, folder: 'inbox' as const }
            : await checkSender(received, session);
          const outcomes = await deliverMessage(store, session, raw, options.serverName, {
            folder,
            sendOutgoing: options.sendOutgoing,
            log,
          });
          const replies = outcomes.map((outcome) => (outcome.delivered ? null : asReply(outcome.error, log)));
          const delivered = replies.filter((reply) => reply === null).length;
          log.info('delivered', {
            id: session.id,
            protocol: lmtp ? 'LMTP' : 'SMTP',
            from: mailFromOf(session),
            recipients: delivered,
            refused: replies.length - delivered,
            bytes: raw.length,
            folder,
          });
          if (lmtp) {
            // RFC 2033 §4.2: one reply per accepted recipient, in RCPT order.
            callback(
              null,
              replies.map((reply) => reply ?? 'Message accepted for delivery'),
            );
            return;
          }
          // SMTP has one reply: a failed copy fails it all (a retry may duplicate the others,
          // which is better than losing one).
          const refused = replies.find((reply) => reply !== null);
          if (refused) callback(refused);
          else callback(null, 'Message accepted for delivery');
        })
        .catch((error: unknown) => callback(asReply(error, log)));
    },
  });
  /**
   * SMTP only: SPF, DKIM, DMARC (and ARC) on the message as received, then our
   * Authentication-Results (RFC 8601) in place of any forged one. LMTP is not checked: it comes
   * from a trusted MTA in front of us that did its own checks (and its own Authentication-Results,
   * under its own authserv-id, which we keep); from there, our checks would see the MTA's address
   * as the client and fail SPF for everyone.
   */
  async function checkSender(
    received: Buffer,
    session: SMTPServerSession,
  ): Promise<{ raw: Buffer; folder: DeliveryFolder }> {
    const auth = await authenticateMessage({
      raw: received,
      ip: session.remoteAddress,
      helo: session.hostNameAppearsAs,
      mailFrom: mailFromOf(session),
      serverName: options.serverName,
      resolver: options.dnsResolver ?? systemResolver,
    });
    log.info('sender checks', { id: session.id, verdict: auth.verdict, results: auth.summary });
    if (auth.verdict === 'reject')
      throw new SmtpReply(550, "5.7.1 Message rejected: DMARC policy of the sender's domain (RFC 7489 §6.3)");
    const raw = Buffer.concat([
      Buffer.from(auth.headers, 'utf8'),
      removeForgedAuthResults(received, options.serverName),
    ]);
    return { raw, folder: auth.verdict === 'junk' ? 'junk' : 'inbox' };
  }

  server.on('error', (error) => log.warn('smtp connection error', { error }));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The message bytes, checked line by line as they arrive; stops keeping them once over the size
 * limit or after a bare LF/CR (the stream is still drained, so the dialogue goes on).
 */
async function readMessage(stream: SMTPServerDataStream): Promise<Buffer> {
  const guard = new LineEndingGuard();
  const chunks: Buffer[] = [];
  let size = 0;
  await pipeline(stream, guard, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      if (size <= MAX_MESSAGE_BYTES) chunks.push(chunk);
    }
  });
  if (stream.sizeExceeded)
    throw new SmtpReply(552, `5.3.4 Message exceeds the fixed maximum size of ${MAX_MESSAGE_BYTES} bytes`);
  if (guard.problem !== null)
    throw new SmtpReply(
      554,
      `5.6.0 Message refused: ${guard.problem} in the data, every line must end in CRLF (RFC 5321 §2.3.8)`,
    );
  return Buffer.concat(chunks);
}

/** The size the client announced with MAIL FROM SIZE= (RFC 1870), or 0. */
function declaredSize(session: SMTPServerSession): number {
  const args = session.envelope.mailFrom === false ? {} : session.envelope.mailFrom.args;
  const size = Number((args as Record<string, unknown>)['SIZE']);
  return Number.isSafeInteger(size) && size > 0 ? size : 0;
}

/** Our refusals keep their code; anything unexpected is logged and answered as a temporary failure. */
function asReply(error: unknown, log: Logger): SmtpReply {
  if (error instanceof SmtpReply) return error;
  log.error('smtp delivery failed', { error });
  return new SmtpReply(451, '4.3.0 Local error in processing, try again later');
}
