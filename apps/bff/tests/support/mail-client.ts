import { createTransport } from 'nodemailer';
import { ANN, BEN, PASSWORD, USING, basic } from './colibri.js';
import type { TestColibri } from './colibri.js';

export interface TestMail {
  from: string;
  to: string | string[];
  subject: string;
  text: string;
  messageId?: string;
}

/** Sends like another MTA: plain SMTP (or LMTP) on loopback, no TLS, no auth. */
export async function sendMail(port: number, mail: TestMail, options: { lmtp?: boolean } = {}) {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    lmtp: options.lmtp ?? false,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
  });
  try {
    return await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

export interface InboxEmail {
  subject: string;
  messageId: string[];
  keywords: Record<string, boolean>;
  blobId: string;
}

/** The fixture user's Inbox over JMAP, newest first. */
export async function inboxOf(colibri: TestColibri, user: 'ann' | 'ben') {
  const fixture = colibri.fixture;
  if (!fixture) throw new Error('no fixture');
  const { accountId, inboxId } = fixture[user];
  const response = await fetch(`${colibri.httpUrl}/jmap/api`, {
    method: 'POST',
    headers: {
      Authorization: basic(user === 'ann' ? ANN : BEN, PASSWORD),
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      using: USING,
      methodCalls: [
        [
          'Email/query',
          {
            accountId,
            filter: { inMailbox: inboxId },
            sort: [{ property: 'receivedAt', isAscending: false }],
          },
          'q',
        ],
        [
          'Email/get',
          {
            accountId,
            '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
            properties: ['subject', 'from', 'to', 'messageId', 'keywords', 'blobId'],
          },
          'g',
        ],
      ],
    }),
  });
  const body = (await response.json()) as {
    methodResponses: [string, { list: InboxEmail[] }, string][];
  };
  return { accountId, list: body.methodResponses[1]?.[1].list ?? [] };
}

/** The stored message as the owner downloads it. */
export async function rawMessage(colibri: TestColibri, user: 'ann' | 'ben', blobId: string): Promise<string> {
  const { accountId } = colibri.fixture?.[user] ?? { accountId: '' };
  const response = await fetch(
    `${colibri.httpUrl}/jmap/download/${accountId}/${blobId}/m.eml?accept=message/rfc822`,
    { headers: { Authorization: basic(user === 'ann' ? ANN : BEN, PASSWORD) } },
  );
  return response.text();
}
