import { buildMessage, type Address, type OutgoingMessage } from '@colibri/mail-store';
import type { DemoMessage } from './demo-message.js';
import { person } from './people.js';
import type { PersonKey } from './people.js';

const address = (key: PersonKey): Address => {
  const { name, email } = person(key);
  return { name, email };
};

/** The demo's attachments are bytes it made; it refers to no stored blob. */
const noStoredBlobs = () => Promise.resolve(null);

/**
 * Turns a demo message into real MIME (RFC 5322, RFC 2045-2049) with the store's outgoing-message
 * builder, the one sent mail goes through: multipart/alternative for HTML, multipart/mixed for
 * attachments, a text/calendar alternative for invitations (RFC 6047). `boundary` makes the bytes
 * reproducible (the builder would otherwise pick random boundaries).
 */
export async function composeMessage(message: DemoMessage, boundary: string): Promise<Uint8Array> {
  const outgoing: OutgoingMessage = {
    from: [address(message.from)],
    to: message.to.map(address),
    cc: (message.cc ?? []).map(address),
    subject: message.subject,
    sentAt: message.date,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo ? [message.inReplyTo] : [],
    references: message.references ?? [],
    textBody: message.text,
    htmlBody: message.html ?? null,
    attachments: (message.attachments ?? []).map((a) => ({
      type: a.contentType,
      name: a.filename,
      disposition: 'attachment' as const,
      bytes: a.content,
    })),
    calendar: message.icalEvent ?? null,
    headers: Object.entries(message.headers ?? {}).map(([name, value]) => ({ name, value })),
  };
  return (await buildMessage(outgoing, noStoredBlobs, { boundary })).raw;
}
