import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { AccountId, MailStore } from '@colibri/mail-store';
import type { Logger } from '../logger.js';
import { SmtpReply, deliverToInbox, resolveRecipient } from './local-delivery.js';
import { traceHeaders } from './trace-headers.js';

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
}

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

/**
 * Inbound SMTP (RFC 5321) for local delivery: accepts mail for existing addresses of our
 * domains and stores it in each recipient's Inbox. No AUTH and no STARTTLS yet: this port is
 * for MTAs handing over mail, not for users submitting it (that is a later issue, with TLS).
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtp> {
  const { store, log } = options;
  const server = new SMTPServer({
    name: options.serverName,
    banner: 'Colibri ESMTP',
    size: MAX_MESSAGE_BYTES,
    maxRecipients: MAX_RECIPIENTS,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    // A reverse lookup per connection would slow every delivery down; the address is enough.
    disableReverseLookup: true,
    socketTimeout: SOCKET_TIMEOUT_MS,
    closeTimeout: CLOSE_TIMEOUT_MS,
    logger: false,

    onRcptTo(address, _session, callback) {
      resolveRecipient(store, address.address).then(
        () => callback(),
        (error: unknown) => callback(asReply(error, log)),
      );
    },

    onData(stream, session, callback) {
      readMessage(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded)
            throw new SmtpReply(
              552,
              `5.3.4 Message exceeds the fixed maximum size of ${MAX_MESSAGE_BYTES} bytes`,
            );
          await deliver(store, session, raw, options.serverName);
          log.info('delivered', {
            id: session.id,
            from: mailFromOf(session),
            recipients: session.envelope.rcptTo.length,
            bytes: raw.length,
          });
          callback(null, 'Message accepted for delivery');
        })
        .catch((error: unknown) => callback(asReply(error, log)));
    },
  });
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

/** The message bytes, stopping to keep them once over the limit (the stream is still drained). */
async function readMessage(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size <= MAX_MESSAGE_BYTES) chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

async function deliver(
  store: MailStore,
  session: SMTPServerSession,
  raw: Buffer,
  serverName: string,
): Promise<void> {
  const receivedAt = new Date();
  // One copy per account, each with its own trace headers naming only its recipient.
  const accounts = new Map<AccountId, string>();
  for (const rcpt of session.envelope.rcptTo) {
    const accountId = await resolveRecipient(store, rcpt.address);
    if (!accounts.has(accountId)) accounts.set(accountId, rcpt.address);
  }
  for (const [accountId, recipient] of accounts) {
    const trace = traceHeaders({
      mailFrom: mailFromOf(session),
      recipient,
      helo: session.hostNameAppearsAs,
      clientHostname: session.clientHostname,
      clientAddress: session.remoteAddress,
      serverName,
      protocol: session.transmissionType,
      id: session.id,
      date: receivedAt,
    });
    // A failure here fails the whole transaction (a retry may duplicate a copy; better than loss).
    await deliverToInbox(store, accountId, Buffer.concat([Buffer.from(trace, 'utf8'), raw]), receivedAt);
  }
}

function mailFromOf(session: SMTPServerSession): string {
  return session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
}

/** Our refusals keep their code; anything unexpected is logged and answered as a temporary failure. */
function asReply(error: unknown, log: Logger): SmtpReply {
  if (error instanceof SmtpReply) return error;
  log.error('smtp delivery failed', { error });
  return new SmtpReply(451, '4.3.0 Local error in processing, try again later');
}
