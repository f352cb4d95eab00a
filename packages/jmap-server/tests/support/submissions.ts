import { Capability } from '@colibri/jmap-types';
import type { Invocation, JmapResponse } from '@colibri/jmap-types';
import type { EmailRecord } from '@colibri/mail-store';
import type { Fixture } from './fixture.js';

/** RFC 8621 §7: EmailSubmission methods need the submission capability in `using`. */
export const SUBMISSION_USING = [Capability.Core, Capability.Mail, Capability.Submission];

/** Sends calls as alice with the submission capability; fails on anything but a 200. */
export async function callSubmission(f: Fixture, methodCalls: Invocation[]): Promise<JmapResponse> {
  const { status, body } = await f.engine.handleRequest(f.alice, { using: SUBMISSION_USING, methodCalls });
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
  return body as JmapResponse;
}

/** A message alice wrote, in her Inbox (a stand-in for Drafts), with `headers` over the defaults. */
export async function importDraft(
  f: Fixture,
  headers: Record<string, string | null> = {},
): Promise<EmailRecord> {
  const fields: Record<string, string | null> = {
    From: 'Alice Durand <alice@colibri.test>',
    To: 'Bob Martin <bob@colibri.test>',
    Cc: 'carol@remote.test',
    Subject: 'Draft',
    'Message-ID': `<draft-${Math.random().toString(36).slice(2)}@colibri.test>`,
    ...headers,
  };
  const lines = Object.entries(fields).flatMap(([name, value]) =>
    value === null ? [] : [`${name}: ${value}`],
  );
  const raw = new TextEncoder().encode([...lines, 'Content-Type: text/plain', '', 'Hello', ''].join('\r\n'));
  return f.store.importMessage(f.alice.accountId, { raw, mailboxIds: [f.inbox.id], keywords: ['$draft'] });
}

/** Alice's default identity (RFC 8621 §6), for identityId. */
export async function aliceIdentityId(f: Fixture): Promise<string> {
  const [identity] = await f.store.listIdentities(f.alice.accountId);
  if (identity === undefined) throw new Error('alice has no identity');
  return identity.id;
}

/** A well-formed id of the same kind that is surely not `id` (its last character changed). */
export function otherId(id: string): string {
  return id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A');
}
