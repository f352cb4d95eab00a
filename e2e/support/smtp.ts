import { createTransport } from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
}

/**
 * Delivers one message to Colibri's SMTP listener as another MTA would (RFC 5321), in plain text
 * over loopback: no TLS, no auth. Resolves with the server's final reply to DATA.
 */
export async function sendMail(smtpPort: number, mail: OutgoingMail): Promise<string> {
  return deliver(smtpPort, {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo, references: [mail.inReplyTo] } : {}),
  });
}

/** Any message (HTML, attachments, headers: nodemailer's options) over SMTP, as `sendMail` does. */
export async function deliver(smtpPort: number, mail: SendMailOptions): Promise<string> {
  const transport = createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
  });
  try {
    const info = await transport.sendMail(mail);
    return info.response;
  } finally {
    transport.close();
  }
}
