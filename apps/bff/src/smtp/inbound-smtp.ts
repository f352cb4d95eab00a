import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerAddress, SMTPServerDataResult, SMTPServerSession } from 'smtp-server';
import { deliveryTimings, mimeLimits } from '@colibri/mail-store';
import type { AccountId, MailStore } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import { deliverMessage, mailFromOf } from './deliver-message.js';
import { IN_MEMORY_BYTES, receiveMessage } from './received-message.js';
import type { ReceivedMessage } from './received-message.js';
import { SmtpReply, assertMailboxRoom, resolveRecipient } from './local-delivery.js';
import type { DeliveryFolder } from './local-delivery.js';
import type { DnsResolver } from './dns-resolver.js';
import { systemResolver } from './dns-resolver.js';
import { removeForgedAuthResults } from './forged-auth-results.js';
import { fromVerifiedDkim } from './imip-inbound.js';
import { authenticateMessage } from './message-auth.js';
import type { SendOutgoing } from './outgoing.js';

/**
 * Announced in EHLO (RFC 1870 SIZE) and enforced on DATA: the store's own limit (64 MiB) less
 * 1 MiB for the fields we prepend (Return-Path, Received, Received-SPF, Authentication-Results),
 * so an accepted message always fits. Large messages are spooled to disk, not held in memory.
 */
export const MAX_MESSAGE_BYTES = mimeLimits.maxMessageBytes - 1024 * 1024;
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
  /**
   * DNS for SPF/DKIM/DMARC/ARC on SMTP, and on LMTP for the DKIM check of scheduling messages
   * only; default node's `dns.promises.resolve`.
   */
  dnsResolver?: DnsResolver;
  /** Outgoing mail (the submission queue); without it no vacation auto-replies are sent (RFC 3834). */
  sendOutgoing?: SendOutgoing;
  /**
   * Where messages larger than IN_MEMORY_BYTES are spooled during delivery (emptied at start: what
   * is there was left by a killed process). Default: a fresh temporary folder, removed at close.
   */
  spoolDir?: string;
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
  const spoolDir = options.spoolDir ?? (await mkdtemp(path.join(tmpdir(), 'colibri-spool-')));
  if (options.spoolDir !== undefined) await rm(spoolDir, { recursive: true, force: true });
  await mkdir(spoolDir, { recursive: true });
  /** Whom each accepted RCPT resolved to (smtp-server keeps that same object in the envelope). */
  const recipients = new WeakMap<SMTPServerAddress, AccountId>();
  /** With delivery timings on: when each session's last DATA was answered. */
  const lastReply = new Map<string, number>();
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

    onMailFrom(_address, session, callback) {
      const replied = deliveryTimings ? lastReply.get(session.id) : undefined;
      if (replied !== undefined) deliveryTimings?.record('smtp.replyToNextMail', performance.now() - replied);
      callback();
    },

    onRcptTo(address, session, callback) {
      const t0 = deliveryTimings ? performance.now() : 0;
      resolveRecipient(store, address.address)
        .then(async (accountId) => {
          await assertMailboxRoom(store, accountId, declaredSize(session));
          recipients.set(address, accountId);
        })
        .then(
          () => {
            deliveryTimings?.record('smtp.rcpt', performance.now() - t0);
            callback();
          },
          (error: unknown) => callback(asReply(error, log)),
        );
    },

    onData(stream, session, callback) {
      const t0 = deliveryTimings ? performance.now() : 0;
      receiveMessage(stream, { spoolDir, maxBytes: MAX_MESSAGE_BYTES })
        .then(async (received) => {
          const t1 = deliveryTimings ? performance.now() : 0;
          deliveryTimings?.record('smtp.receiveData', t1 - t0);
          try {
            return await deliver(received, session);
          } finally {
            deliveryTimings?.record('smtp.deliver', performance.now() - t1);
            await received.dispose();
          }
        })
        .then(
          (replies) => {
            if (deliveryTimings) {
              const now = performance.now();
              deliveryTimings.record('smtp.dataToReply', now - t0);
              lastReply.set(session.id, now);
            }
            callback(null, replies);
          },
          (error: unknown) => callback(asReply(error, log)),
        );
    },
  });

  /**
   * Delivers a received message; SMTP's one reply or LMTP's replies (RFC 2033 §4.2: one per
   * accepted recipient, in RCPT order). Throws the SmtpReply that refuses the whole message.
   */
  async function deliver(
    received: ReceivedMessage,
    session: SMTPServerSession,
  ): Promise<string | SMTPServerDataResult[]> {
    const { message, folder } = lmtp
      ? { message: received, folder: 'inbox' as const }
      : await checkSender(received, session);
    const outcomes = await deliverMessage(store, session, message, options.serverName, {
      folder,
      recipients,
      sendOutgoing: options.sendOutgoing,
      log,
      perRecipientReplies: lmtp,
      // LMTP: no checks of ours ran; a scheduling message's DKIM signature is verified on its own.
      imipSender: lmtp ? fromVerifiedDkim(options.dnsResolver ?? systemResolver) : undefined,
    });
    const replies = outcomes.map((outcome) => (outcome.delivered ? null : asReply(outcome.error, log)));
    const delivered = replies.filter((reply) => reply === null).length;
    log.info('delivered', {
      id: session.id,
      protocol: lmtp ? 'LMTP' : 'SMTP',
      from: mailFromOf(session),
      recipients: delivered,
      refused: replies.length - delivered,
      bytes: received.size,
      folder,
    });
    // smtp-server answers an Error in the array with its responseCode, per recipient.
    if (lmtp) return replies.map((reply) => reply ?? 'Message accepted for delivery');
    // SMTP has one reply: a failed copy fails it all (a retry may duplicate the others, which is
    // better than losing one).
    const refused = replies.find((reply) => reply !== null);
    if (refused) throw refused;
    return 'Message accepted for delivery';
  }

  /**
   * SMTP only: SPF, DKIM, DMARC (and ARC) on the message as received, then our
   * Authentication-Results (RFC 8601) in place of any forged one. LMTP is not checked: it comes
   * from a trusted MTA in front of us that did its own checks (and its own Authentication-Results,
   * under its own authserv-id, which we keep); from there, our checks would see the MTA's address
   * as the client and fail SPF for everyone.
   */
  async function checkSender(
    received: ReceivedMessage,
    session: SMTPServerSession,
  ): Promise<{ message: ReceivedMessage; folder: DeliveryFolder }> {
    // Both mailauth (which keeps the header section in memory) and the removal below work on the
    // whole header section: a spooled message must have it within its in-memory head.
    if (!received.headerComplete)
      throw new SmtpReply(
        552,
        `5.3.4 Header section exceeds the fixed maximum size of ${IN_MEMORY_BYTES} bytes`,
      );
    const auth = await authenticateMessage({
      raw: received.bytes ?? received.readable(),
      ip: session.remoteAddress,
      helo: session.hostNameAppearsAs,
      mailFrom: mailFromOf(session),
      serverName: options.serverName,
      resolver: options.dnsResolver ?? systemResolver,
    });
    log.info('sender checks', { id: session.id, verdict: auth.verdict, results: auth.summary });
    if (auth.verdict === 'reject')
      throw new SmtpReply(550, "5.7.1 Message rejected: DMARC policy of the sender's domain (RFC 7489 §6.3)");
    // The head holds the whole header section (or the whole message): same bytes as on all of it.
    const message = received
      .withHead(removeForgedAuthResults(received.head, options.serverName))
      .prepend(auth.headers);
    return { message, folder: auth.verdict === 'junk' ? 'junk' : 'inbox' };
  }

  server.on('error', (error) => log.warn('smtp connection error', { error }));
  server.server.on('connection', coalesceWrites);

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
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (options.spoolDir === undefined) await rm(spoolDir, { recursive: true, force: true });
    },
  };
}

/**
 * The replies written during one turn of the event loop leave in one write: a pipelining client's
 * MAIL, RCPT and DATA (RFC 2920) get their three replies in one segment, and the server makes one
 * system call where it made three (each was about 40 µs here). smtp-server writes each reply as
 * it is ready; the socket is corked at the first and uncorked once this turn's callbacks are done.
 */
function coalesceWrites(socket: Socket): void {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    return write(...args);
  }) as Socket['write'];
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
