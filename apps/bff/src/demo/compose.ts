import MailComposer from 'nodemailer/lib/mail-composer';
import type { DemoMessage } from './demo-message.js';
import { person } from './people.js';
import type { PersonKey } from './people.js';

const address = (key: PersonKey) => {
  const { name, email } = person(key);
  return { name, address: email };
};
const bracket = (id: string) => `<${id}>`;

/**
 * Turns a demo message into real MIME (RFC 5322, RFC 2045-2049) with nodemailer's composer:
 * multipart/alternative for HTML, multipart/mixed for attachments, text/calendar for invitations.
 * `boundary` makes the bytes reproducible (the composer would otherwise pick random boundaries).
 */
export async function composeMessage(message: DemoMessage, boundary: string): Promise<Buffer> {
  const composer = new MailComposer({
    from: address(message.from),
    ...(message.to.length > 0 ? { to: message.to.map(address) } : {}),
    ...(message.cc && message.cc.length > 0 ? { cc: message.cc.map(address) } : {}),
    subject: message.subject,
    date: message.date,
    messageId: bracket(message.messageId),
    ...(message.inReplyTo ? { inReplyTo: bracket(message.inReplyTo) } : {}),
    ...(message.references ? { references: message.references.map(bracket).join(' ') } : {}),
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(message.attachments
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        }
      : {}),
    ...(message.icalEvent
      ? { icalEvent: { method: message.icalEvent.method, content: message.icalEvent.content } }
      : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    baseBoundary: boundary,
  });
  return composer.compile().build();
}
