import type { Id } from '@colibri/jmap-types';
import type { JmapAccount } from './jmap-raw.js';
import { importMessage, mailboxesByRole, rfc822, richMessage } from './mail.js';

/** Four emails for the Email/query checks, with fixed receivedAt days 1 to 4 of January 2026. */
export interface QueryCorpus {
  inbox: Id;
  archive: Id;
  /** from alice, "Apple report", $seen, inbox, body mentions banana. */
  m1: Id;
  /** from bob, "Banana split", $flagged, inbox, the longest body of the plain ones. */
  m2: Id;
  /** richMessage: from ann, "Café cherry", an attachment and X-Custom headers, archive. */
  m3: Id;
  /** from dave, "Re: Apple report", a reply to m1 (same thread), inbox, no keywords. */
  m4: Id;
  sizes: Record<'m1' | 'm2' | 'm3' | 'm4', number>;
  threadOfM1: Id;
}

export async function makeQueryCorpus(account: JmapAccount): Promise<QueryCorpus> {
  const { inbox, archive } = await mailboxesByRole(account);
  const day = (d: number) => `2026-01-0${d}T12:00:00Z`;
  const m1 = await importMessage(
    account,
    rfc822({
      from: 'Alice <alice@a.example>',
      subject: 'Apple report',
      messageId: '<q-m1@example.org>',
      text: 'The apple harvest and a banana.',
    }),
    [inbox!],
    { keywords: { $seen: true }, receivedAt: day(1) },
  );
  const m2 = await importMessage(
    account,
    rfc822({
      from: 'Bob <bob@b.example>',
      subject: 'Banana split',
      messageId: '<q-m2@example.org>',
      text: `A dessert. ${'Long text. '.repeat(20)}`,
    }),
    [inbox!],
    { keywords: { $flagged: true }, receivedAt: day(2) },
  );
  const m3 = await importMessage(account, richMessage('cherry'), [archive!], { receivedAt: day(3) });
  const m4 = await importMessage(
    account,
    rfc822({
      from: 'Dave <dave@d.example>',
      subject: 'Re: Apple report',
      messageId: '<q-m4@example.org>',
      inReplyTo: '<q-m1@example.org>',
      text: 'Thanks.',
    }),
    [inbox!],
    { receivedAt: day(4) },
  );
  return {
    inbox: inbox!,
    archive: archive!,
    m1: m1.id,
    m2: m2.id,
    m3: m3.id,
    m4: m4.id,
    sizes: { m1: m1.size, m2: m2.size, m3: m3.size, m4: m4.size },
    threadOfM1: m1.threadId,
  };
}
