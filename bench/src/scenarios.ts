import { ref } from '@colibri/jmap-client';
import type { JmapClient } from '@colibri/jmap-client';
import type { Id } from '@colibri/jmap-types';

// The same calls, with the same properties, as the web app's mail view (apps/web features/mail/api),
// so that the figures are what a user waits for.
const EMAIL_LIST_PROPERTIES = [
  'id',
  'threadId',
  'from',
  'subject',
  'preview',
  'receivedAt',
  'keywords',
  'hasAttachment',
];
const EMAIL_DETAIL_PROPERTIES = [
  'id',
  'threadId',
  'mailboxIds',
  'keywords',
  'from',
  'to',
  'cc',
  'replyTo',
  'subject',
  'sentAt',
  'receivedAt',
  'hasAttachment',
  'htmlBody',
  'textBody',
  'attachments',
  'bodyValues',
];
const BODY_PART_PROPERTIES = ['partId', 'blobId', 'size', 'name', 'type', 'charset', 'disposition', 'cid'];

export interface Scenario {
  name: string;
  /** One measured unit: exactly one HTTP request to the API. */
  run(iteration: number): Promise<unknown>;
}

/** RFC 8621 §2.1: every mailbox with its counts (the mailbox tree). */
export function mailboxGet(client: JmapClient, accountId: Id): Scenario {
  return { name: 'Mailbox/get (all)', run: () => client.call('Mailbox/get', { accountId, ids: null }) };
}

/** RFC 8621 §4.4 + §4.2 with a result reference (RFC 8620 §3.7): the Inbox's first page. */
export function inboxPage(client: JmapClient, accountId: Id, inboxId: Id): Scenario {
  return {
    name: 'Email/query+get Inbox 50',
    run: () =>
      client.request((b) => {
        const query = b.call('Email/query', {
          accountId,
          filter: { inMailbox: inboxId },
          sort: [{ property: 'receivedAt', isAscending: false }],
          position: 0,
          limit: 50,
          calculateTotal: true,
        });
        return {
          query,
          emails: b.call('Email/get', {
            accountId,
            ids: ref(query, '/ids'),
            properties: EMAIL_LIST_PROPERTIES,
          }),
        };
      }),
  };
}

/** RFC 8621 §4.2: one whole message with its text and HTML body values, rotating over `ids`. */
export function emailFull(client: JmapClient, accountId: Id, ids: readonly Id[]): Scenario {
  if (ids.length === 0) throw new Error('emailFull needs at least one message id.');
  return {
    name: 'Email/get full + bodyValues',
    run: (iteration) =>
      client.call('Email/get', {
        accountId,
        ids: [ids[iteration % ids.length] as Id],
        properties: EMAIL_DETAIL_PROPERTIES,
        bodyProperties: BODY_PART_PROPERTIES,
        fetchTextBodyValues: true,
        fetchHTMLBodyValues: true,
        maxBodyValueBytes: 1_000_000,
      }),
  };
}
