import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, BEN, PASSWORD, basic, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { inboxOf } from './support/mail-client.js';

let colibri: TestColibri;

beforeAll(async () => {
  colibri = await startTestColibri();
});
afterAll(() => colibri.stop());

const USING = ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:mail', 'urn:ietf:params:jmap:submission'];

async function callAsAnn(methodCalls: unknown[]) {
  const response = await fetch(`${colibri.httpUrl}/jmap/api`, {
    method: 'POST',
    headers: { Authorization: basic(ANN, PASSWORD), 'Content-Type': 'application/json' },
    body: JSON.stringify({ using: USING, methodCalls }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { methodResponses: [string, Record<string, unknown>, string][] })
    .methodResponses;
}

describe('sending through EmailSubmission/set over HTTP (RFC 8621 §7.5)', () => {
  it('delivers a submitted draft at once, not at the outbound queue’s next poll, and clears $draft on success', async () => {
    const { accountId, inboxId } = colibri.fixture!.ann;
    const [[, identities]] = (await callAsAnn([['Identity/get', { accountId }, 'i']])) as [
      [string, { list: { id: string; email: string }[] }, string],
    ];
    const identity = identities.list.find((i) => i.email === ANN)!;
    // A draft as a client would store it: uploaded, then imported (RFC 8621 §4.8).
    const upload = await fetch(`${colibri.httpUrl}/jmap/upload/${accountId}/`, {
      method: 'POST',
      headers: { Authorization: basic(ANN, PASSWORD), 'Content-Type': 'message/rfc822' },
      body: `From: ${ANN}\r\nTo: ${BEN}\r\nSubject: Lunch on Thursday?\r\nMessage-ID: <lunch@fixture.test>\r\n\r\nShall we?\r\n`,
    });
    const { blobId } = (await upload.json()) as { blobId: string };
    const sentAt = Date.now();
    const responses = await callAsAnn([
      [
        'Email/import',
        {
          accountId,
          emails: {
            draft: { blobId, mailboxIds: { [inboxId]: true }, keywords: { $draft: true, $seen: true } },
          },
        },
        'e',
      ],
      [
        'EmailSubmission/set',
        {
          accountId,
          create: { send: { identityId: identity.id, emailId: '#draft' } },
          onSuccessUpdateEmail: { '#send': { 'keywords/$draft': null } },
        },
        's',
      ],
    ]);
    expect(responses.map(([name]) => name)).toEqual(['Email/import', 'EmailSubmission/set', 'Email/set']);
    const submission = responses[1]![1] as { created?: Record<string, { id: string }> };
    expect(Object.keys(submission.created ?? {})).toEqual(['send']);
    const draftId = (responses[0]![1] as { created: Record<string, { id: string }> }).created.draft!.id;
    expect((responses[2]![1] as { updated: Record<string, unknown> }).updated).toHaveProperty(draftId);

    // The queue polls every 15 s; a submission must not wait for that.
    let subjects: (string | null)[] = [];
    while (Date.now() - sentAt < 5000) {
      subjects = (await inboxOf(colibri, 'ben')).list.map((e) => e.subject);
      if (subjects.includes('Lunch on Thursday?')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(subjects).toContain('Lunch on Thursday?');
  });
});
