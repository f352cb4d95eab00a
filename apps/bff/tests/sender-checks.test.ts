import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANN, PASSWORD, USING, basic, startTestColibri } from './support/colibri.js';
import type { TestColibri } from './support/colibri.js';
import { fakeDns } from './support/fake-dns.js';
import { inboxOf, rawMessage } from './support/mail-client.js';

let colibri: TestColibri;

/** A fake DNS (no real DNS in tests): policies for three sender domains. */
const dns = fakeDns({
  'reject.test': ['v=spf1 -all'],
  '_dmarc.reject.test': ['v=DMARC1; p=reject'],
  'quarantine.test': ['v=spf1 -all'],
  '_dmarc.quarantine.test': ['v=DMARC1; p=quarantine'],
  'pass.test': ['v=spf1 ip4:127.0.0.1 ip6:::1 ip6:::ffff:127.0.0.1 -all'],
  '_dmarc.pass.test': ['v=DMARC1; p=reject'],
});

beforeAll(async () => {
  colibri = await startTestColibri({ dnsResolver: dns });
});
afterAll(() => colibri.stop());

/** Sends raw bytes like another MTA (plain SMTP on loopback). */
async function sendRaw(from: string, subject: string, extraHeaders = '') {
  const transport = createTransport({ host: '127.0.0.1', port: colibri.smtpPort, ignoreTLS: true });
  try {
    return await transport.sendMail({
      envelope: { from, to: [ANN] },
      raw:
        `${extraHeaders}From: <${from}>\r\nTo: <${ANN}>\r\nSubject: ${subject}\r\n` +
        `Message-ID: <${subject.replace(/\W/g, '')}@sender>\r\n\r\nHello.\r\n`,
    });
  } finally {
    transport.close();
  }
}

/** Ann's emails in the mailbox with this role, over JMAP. */
async function subjectsInRole(role: string): Promise<string[]> {
  const accountId = colibri.fixture?.ann.accountId;
  const call = async (methodCalls: unknown[]) => {
    const response = await fetch(`${colibri.httpUrl}/jmap/api`, {
      method: 'POST',
      headers: { Authorization: basic(ANN, PASSWORD), 'Content-Type': 'application/json' },
      body: JSON.stringify({ using: USING, methodCalls }),
    });
    return ((await response.json()) as { methodResponses: [string, Record<string, unknown>, string][] })
      .methodResponses;
  };
  const [mailboxes] = await call([['Mailbox/get', { accountId }, 'm']]);
  const box = (mailboxes?.[1].list as { id: string; role: string | null }[]).find((m) => m.role === role);
  if (!box) return [];
  const responses = await call([
    ['Email/query', { accountId, filter: { inMailbox: box.id } }, 'q'],
    [
      'Email/get',
      { accountId, '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' }, properties: ['subject'] },
      'g',
    ],
  ]);
  return (responses[1]?.[1].list as { subject: string }[]).map((e) => e.subject);
}

describe('SMTP sender checks with a fake DNS: SPF, DKIM, DMARC (RFC 7208, 6376, 7489, 8601)', () => {
  it('fake DNS: refuses after DATA with 550 5.7.1 when DMARC fails under p=reject, storing nothing', async () => {
    const attempt = sendRaw('dora@reject.test', 'Spoofed bank');
    await expect(attempt).rejects.toMatchObject({ responseCode: 550 });
    const error = (await attempt.catch((e: unknown) => e)) as { response: string };
    expect(error.response).toMatch(/^550 5\.7\.1 /);
    expect((await inboxOf(colibri, 'ann')).list.map((e) => e.subject)).not.toContain('Spoofed bank');
  });

  it('fake DNS: delivers into Junk (made with role junk) when DMARC fails under p=quarantine', async () => {
    const info = await sendRaw('dora@quarantine.test', 'Dubious offer');
    expect(info.response).toMatch(/^250\b/);
    expect(await subjectsInRole('junk')).toEqual(['Dubious offer']);
    expect((await inboxOf(colibri, 'ann')).list.map((e) => e.subject)).not.toContain('Dubious offer');
  });

  it('fake DNS: adds our Authentication-Results and removes a forged one claiming our authserv-id', async () => {
    await sendRaw(
      'dora@pass.test',
      'Genuine',
      'Authentication-Results: colibri.localhost; dmarc=pass header.from=bank.test\r\n' +
        'Authentication-Results: relay.example; spf=pass\r\n',
    );
    const email = (await inboxOf(colibri, 'ann')).list.find((e) => e.subject === 'Genuine');
    const raw = await rawMessage(colibri, 'ann', email?.blobId ?? '');
    const ours =
      raw.match(/^Authentication-Results: colibri\.localhost;[^\r\n]*(\r\n[ \t][^\r\n]*)*/gm) ?? [];
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain('spf=pass');
    expect(ours[0]).toMatch(/dmarc=pass[^;]*header\.from=pass\.test/);
    expect(raw).not.toContain('header.from=bank.test');
    expect(raw).toContain('Authentication-Results: relay.example; spf=pass');
  });

  it('fake DNS: LMTP is not checked (trusted MTA in front): a p=reject sender is delivered', async () => {
    const transport = createTransport({
      host: '127.0.0.1',
      port: colibri.lmtpPort ?? 0,
      lmtp: true,
      ignoreTLS: true,
    });
    try {
      const info = await transport.sendMail({
        envelope: { from: 'dora@reject.test', to: [ANN] },
        raw: `From: <dora@reject.test>\r\nTo: <${ANN}>\r\nSubject: Via LMTP\r\n\r\nHi.\r\n`,
      });
      expect(info.accepted).toEqual([ANN]);
    } finally {
      transport.close();
    }
    const email = (await inboxOf(colibri, 'ann')).list.find((e) => e.subject === 'Via LMTP');
    expect(await rawMessage(colibri, 'ann', email?.blobId ?? '')).not.toContain('Authentication-Results');
  });
});
