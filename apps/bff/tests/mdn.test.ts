import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, PASSWORD, basic, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';

let colibri: TestColibri;

// Ann's message to Ben asks for a read receipt (RFC 8098 §2.1).
const ASK =
  `From: Ann Example <${ANN}>\r\nTo: ${BEN}\r\nSubject: Did you read the plan?\r\n` +
  `Message-ID: <plan@fixture.test>\r\nDisposition-Notification-To: Ann Example <${ANN}>\r\n\r\nThe plan.\r\n`;

beforeAll(async () => {
  colibri = await startTestColibri({
    seed: async (store, fixture) => {
      await store.importMessage(fixture.ben.accountId, {
        raw: new TextEncoder().encode(ASK),
        mailboxIds: [fixture.ben.inboxId],
      });
    },
  });
});
afterAll(() => colibri.stop());

const USING = ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail', 'urn:ietf:params:jmap:mdn'];
type Responses = [string, Record<string, unknown>, string][];

async function call(user: string, methodCalls: unknown[], using = USING): Promise<Responses> {
  const response = await fetch(`${colibri.httpUrl}/jmap/api`, {
    method: 'POST',
    headers: { Authorization: basic(user, PASSWORD), 'Content-Type': 'application/json' },
    body: JSON.stringify({ using, methodCalls }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { methodResponses: Responses }).methodResponses;
}

/** The ids, subjects and blobs of the user's Inbox. */
async function inbox(user: string, accountId: string, inboxId: string) {
  const responses = await call(user, [
    ['Email/query', { accountId, filter: { inMailbox: inboxId } }, 'q'],
    [
      'Email/get',
      {
        accountId,
        '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' },
        properties: ['subject', 'blobId', 'keywords'],
      },
      'g',
    ],
  ]);
  return (responses[1]![1] as { list: { id: string; subject: string; blobId: string }[] }).list;
}

describe('read receipts over HTTP (RFC 9007)', () => {
  it('Ben’s MDN/send reaches Ann’s Inbox, MDN/parse reads it back, a second send is mdnAlreadySent (RFC 9007 §2.1, §2.2)', async () => {
    const { ann, ben } = colibri.fixture!;
    const session = (await (
      await fetch(`${colibri.httpUrl}/.well-known/jmap`, { headers: { Authorization: basic(BEN, PASSWORD) } })
    ).json()) as { capabilities: Record<string, unknown> };
    expect(session.capabilities['urn:ietf:params:jmap:mdn']).toEqual({});

    const asked = (await inbox(BEN, ben.accountId, ben.inboxId)).find(
      (e) => e.subject === 'Did you read the plan?',
    );
    expect(asked).toBeDefined();
    const [[, identities]] = (await call(
      BEN,
      [['Identity/get', { accountId: ben.accountId }, 'i']],
      [...USING, 'urn:ietf:params:jmap:submission'],
    )) as [[string, { list: { id: string; email: string }[] }, string]];
    const identityId = identities.list.find((i) => i.email === BEN)!.id;

    const disposition = { actionMode: 'manual-action', sendingMode: 'mdn-sent-manually', type: 'displayed' };
    const mdnSend = (creationId: string) => [
      'MDN/send',
      {
        accountId: ben.accountId,
        identityId,
        send: { [creationId]: { forEmailId: asked!.id, disposition } },
        onSuccessUpdateEmail: { [`#${creationId}`]: { 'keywords/$mdnsent': true } },
      },
      'm',
    ];
    const sentAt = Date.now();
    const first = await call(BEN, [mdnSend('k1')]);
    expect(first.map(([name]) => name)).toEqual(['MDN/send', 'Email/set']);
    expect(first[0]![1]).toMatchObject({
      notSent: null,
      sent: { k1: { finalRecipient: `rfc822; ${BEN}`, originalMessageId: '<plan@fixture.test>' } },
    });
    expect(first[1]![1]).toMatchObject({ updated: { [asked!.id]: null } });

    // The outbound worker wakes on the new submission and delivers local mail internally.
    let receipt: { id: string; subject: string; blobId: string } | undefined;
    while (Date.now() - sentAt < 5000 && receipt === undefined) {
      receipt = (await inbox(ANN, ann.accountId, ann.inboxId)).find((e) =>
        e.subject.startsWith('Read receipt'),
      );
      if (receipt === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    expect(receipt?.subject).toBe('Read receipt: Did you read the plan?');

    const parsed = await call(ANN, [
      ['MDN/parse', { accountId: ann.accountId, blobIds: [receipt!.blobId] }, 'p'],
    ]);
    expect(parsed[0]![1]).toMatchObject({
      notParsable: null,
      notFound: null,
      parsed: {
        [receipt!.blobId]: {
          disposition,
          finalRecipient: `rfc822; ${BEN}`,
          originalMessageId: '<plan@fixture.test>',
          includeOriginalMessage: false,
        },
      },
    });

    const second = await call(BEN, [mdnSend('k2')]);
    expect(second.map(([name]) => name)).toEqual(['MDN/send']);
    expect(second[0]![1]).toMatchObject({ sent: null, notSent: { k2: { type: 'mdnAlreadySent' } } });
  });
});
