import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, EmailRecord, MailStore } from '@colibri/mail-store';
import { startInboundSmtp, type InboundSmtp } from '../src/smtp/inbound-smtp.js';
import { startOutboundWorker } from '../src/smtp/outbound/outbound-worker.js';
import { openInboundFixture, type InboundFixture, type Sent } from './support/inbound-fixture.js';
import { dialogue } from './support/smtp-dialogue.js';

let fixture: InboundFixture;
let store: MailStore;
let smtp: InboundSmtp;
let lmtp: InboundSmtp;
let ann: Account;
let ben: Account;
let sent: Sent[];

beforeEach(async () => {
  fixture = await openInboundFixture('colibri-sieve-');
  ({ store, ann, sent } = fixture);
  ben = await store.createAccount({
    email: 'ben@fixture.test',
    displayName: 'Ben Example',
    passwordHash: 'x',
  });
  smtp = await startInboundSmtp(fixture.options);
  lmtp = await startInboundSmtp({ ...fixture.options, lmtp: true });
});
afterEach(async () => {
  await smtp.close();
  await lmtp.close();
  await fixture.close();
});

/** Stores `text` as the account's active script, as SieveScript/set with onSuccessActivateScript does. */
let scripts = 0;
/**
 * Stores `text` as a new script and makes it the account's active one, as SieveScript/set with
 * onSuccessActivateScript does. The store does not check the text (JMAP does): a broken one may
 * be stored here on purpose.
 */
async function activate(account: Account, text: string): Promise<void> {
  async function* once() {
    yield new TextEncoder().encode(text);
  }
  const { blobId } = await store.createUpload(account.id, once(), 'application/sieve');
  const script = await store.createSieveScript(account.id, { name: `script-${++scripts}`, blobId });
  await store.activateSieveScript(account.id, script.id);
}

/** The Subject of each message handed to outgoing delivery. */
const sentSubjects = () =>
  sent.map((m) => /^Subject: (.*)\r$/m.exec(Buffer.from(m.raw).toString('utf8'))?.[1]);

async function send(mail: {
  from?: string;
  to?: string | string[];
  subject: string;
  headers?: Record<string, string>;
}) {
  const transport = createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({
      from: 'Dora <dora@example.net>',
      to: 'ann@fixture.test',
      text: 'Hello.',
      ...mail,
    });
  } finally {
    transport.close();
  }
}

/** The account's emails with the names of their mailboxes. */
async function placed(account: Account): Promise<{ email: EmailRecord; mailboxes: string[] }[]> {
  const mailboxes = await store.listMailboxes(account.id);
  const name = new Map(mailboxes.map((m) => [m.id as string, m.name]));
  const ids = new Set<string>();
  for (const mailbox of mailboxes)
    for (const id of (await store.queryEmails(account.id, { filter: { inMailbox: mailbox.id } })).ids)
      ids.add(id);
  const emails = await store.getEmails(account.id, [...ids] as EmailRecord['id'][]);
  return emails.map((email) => ({
    email,
    mailboxes: email.mailboxIds.map((id) => name.get(id) ?? id).sort(),
  }));
}

const bySubject = async (account: Account, subject: string) =>
  (await placed(account)).filter(({ email }) => email.subject === subject);

describe('Sieve fileinto on delivery (RFC 5228 §4.1, RFC 5490 :create, RFC 5232 flags)', () => {
  it('files into an existing mailbox by its "/" path, with flags mapped to keywords', async () => {
    const lists = await store.createMailbox(ann.id, { name: 'Lists' });
    await store.createMailbox(ann.id, { name: 'Colibri', parentId: lists.id });
    await activate(
      ann,
      `require ["fileinto", "imap4flags"];
       if header :contains "subject" "[colibri]" {
         fileinto :flags ["\\\\Seen", "\\\\Flagged", "$Label1", "\\\\Deleted"] "Lists/Colibri";
       }`,
    );
    await send({ subject: '[colibri] release' });
    const [found] = await bySubject(ann, '[colibri] release');
    expect(found?.mailboxes).toEqual(['Colibri']);
    expect(found?.email.keywords).toEqual(['$flagged', '$label1', '$seen']);
  });

  it('creates the mailbox path with :create, and keeps in the Inbox when a mailbox is missing without it', async () => {
    await activate(
      ann,
      `require ["fileinto", "mailbox"];
       if header :is "subject" "create" { fileinto :create "Projects/New"; }
       else { fileinto "Nowhere"; }`,
    );
    await send({ subject: 'create' });
    await send({ subject: 'missing' });
    expect((await bySubject(ann, 'create'))[0]?.mailboxes).toEqual(['New']);
    const projects = (await store.listMailboxes(ann.id)).find((m) => m.name === 'Projects');
    expect((await store.listMailboxes(ann.id)).find((m) => m.name === 'New')?.parentId).toBe(projects?.id);
    expect((await bySubject(ann, 'missing'))[0]?.mailboxes).toEqual(['Inbox']);
    expect((await store.listMailboxes(ann.id)).some((m) => m.name === 'Nowhere')).toBe(false);
  });

  it('tests decoded header values (RFC 2047) and the decoded body text (RFC 5173)', async () => {
    await activate(
      ann,
      `require ["fileinto", "mailbox", "body"];
       if header :is "subject" "Café" { fileinto :create "Decoded"; }
       elsif body :text :contains "facture payée" { fileinto :create "Bills"; }`,
    );
    // nodemailer encodes the non-ASCII subject as an encoded word and the body as quoted-printable.
    await send({ subject: 'Café' });
    const transport = createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'dora@example.net',
      to: 'ann@fixture.test',
      subject: 'Invoice',
      text: 'Voici la facture payée.',
      textEncoding: 'quoted-printable',
    });
    transport.close();
    expect((await bySubject(ann, 'Café'))[0]?.mailboxes).toEqual(['Decoded']);
    expect((await bySubject(ann, 'Invoice'))[0]?.mailboxes).toEqual(['Bills']);
  });

  it('files by :mailboxid (RFC 9042) whatever the name says, and by name when the id is gone', async () => {
    const target = await store.createMailbox(ann.id, { name: 'Renamed' });
    await activate(
      ann,
      `require ["fileinto", "mailboxid", "mailbox"];
       if header :is "subject" "by id" { fileinto :mailboxid "${target.id}" "Old name"; }
       else { fileinto :create :mailboxid "Mgone" "By name"; }`,
    );
    await send({ subject: 'by id' });
    await send({ subject: 'by name' });
    expect((await bySubject(ann, 'by id'))[0]?.mailboxes).toEqual(['Renamed']);
    expect((await bySubject(ann, 'by name'))[0]?.mailboxes).toEqual(['By name']);
  });

  it('stores one email in several mailboxes for keep plus fileinto (RFC 5228 §2.10.3)', async () => {
    await store.createMailbox(ann.id, { name: 'Archive' });
    await activate(ann, 'require "fileinto"; fileinto "Archive"; keep;');
    await send({ subject: 'both' });
    const found = await bySubject(ann, 'both');
    expect(found).toHaveLength(1);
    expect(found[0]?.mailboxes).toEqual(['Archive', 'Inbox']);
  });
});

describe('Sieve discard and redirect (RFC 5228 §4.2, §4.5)', () => {
  it('discards: accepted, stored nowhere', async () => {
    await activate(ann, 'if header :contains "subject" "spam" { discard; }');
    const info = await send({ subject: 'spam offer' });
    expect(info.accepted).toEqual(['ann@fixture.test']);
    expect(await bySubject(ann, 'spam offer')).toEqual([]);
  });

  it('redirects through the outbound queue with the account as envelope sender and a loop mark, keeping nothing', async () => {
    await activate(ann, 'redirect "carol@example.org";');
    await send({ subject: 'forward me' });
    expect(await bySubject(ann, 'forward me')).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      accountId: ann.id,
      mailFrom: 'ann@fixture.test',
      rcptTo: ['carol@example.org'],
    });
    const raw = Buffer.from(sent[0]!.raw).toString('utf8');
    expect(raw).toMatch(/^X-Sieve-Redirected-By: ann@fixture\.test\r\n/);
    expect(raw).toContain('Subject: forward me');
  });

  it('does not redirect a message it already redirected (loop), and keeps it instead', async () => {
    await activate(ann, 'redirect "ben@fixture.test";');
    await send({ subject: 'looping', headers: { 'X-Sieve-Redirected-By': 'ann@fixture.test' } });
    expect(sent).toEqual([]);
    expect((await bySubject(ann, 'looping'))[0]?.mailboxes).toEqual(['Inbox']);
  });
});

describe('Sieve on local delivery (the outbound worker)', () => {
  it("redirects to a colleague through the real queue, where the colleague's own script files it", async () => {
    const worker = startOutboundWorker({
      store,
      // Never reached: both users are local.
      relay: { kind: 'relay', host: '127.0.0.1', port: 1, secure: false, user: null, pass: null },
      serverName: 'colibri.localhost',
      log: fixture.options.log,
      pollIntervalMs: 60_000,
    });
    const queued = await startInboundSmtp({ ...fixture.options, sendOutgoing: worker.sendOutgoing });
    try {
      await activate(ann, 'redirect "ben@fixture.test";');
      await activate(ben, 'require ["fileinto", "mailbox"]; fileinto :create "From Ann";');
      const transport = createTransport({
        host: '127.0.0.1',
        port: queued.port,
        secure: false,
        ignoreTLS: true,
      });
      await transport.sendMail({
        from: 'dora@example.net',
        to: 'ann@fixture.test',
        subject: 'pass it on',
        text: 'Hi.',
      });
      transport.close();
      await worker.runOnce();
      expect(await bySubject(ann, 'pass it on')).toEqual([]);
      expect((await bySubject(ben, 'pass it on'))[0]?.mailboxes).toEqual(['From Ann']);
    } finally {
      await queued.close();
      await worker.close();
    }
  });
});

describe('Sieve reject and ereject (RFC 5429)', () => {
  it('ereject over LMTP answers 550 5.7.1 with the reason for that recipient only', async () => {
    await activate(ann, 'require "ereject"; ereject "I do not want this";');
    const replies = await dialogue(lmtp.port, [
      'LHLO client.example',
      'MAIL FROM:<dora@example.net>',
      'RCPT TO:<ann@fixture.test>',
      'RCPT TO:<ben@fixture.test>',
      'DATA',
      { send: 'Subject: unwanted\r\n\r\nHi.\r\n.', replies: 2 },
      'QUIT',
    ]);
    expect(replies[6]).toMatch(/^550 5\.7\.1 I do not want this\r\n$/);
    expect(replies[7]).toMatch(/^250 /);
    expect(await bySubject(ann, 'unwanted')).toEqual([]);
    expect(await bySubject(ben, 'unwanted')).toHaveLength(1);
  });

  it('reject over SMTP to the only recipient answers 550 5.7.1 after DATA', async () => {
    await activate(ann, 'require "reject"; reject "Not here, please.";');
    await expect(send({ subject: 'refused' })).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringMatching(/^550 5\.7\.1 Not here, please\./),
    });
    expect(await bySubject(ann, 'refused')).toEqual([]);
  });

  it('reject over SMTP with another recipient stored: accepted, and the sender gets a notice', async () => {
    await activate(ann, 'require "reject"; reject "No thanks.";');
    const info = await send({ subject: 'shared', to: ['ann@fixture.test', 'ben@fixture.test'] });
    expect(info.accepted.sort()).toEqual(['ann@fixture.test', 'ben@fixture.test']);
    expect(await bySubject(ann, 'shared')).toEqual([]);
    expect(await bySubject(ben, 'shared')).toHaveLength(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ mailFrom: '', rcptTo: ['dora@example.net'] });
    expect(Buffer.from(sent[0]!.raw).toString('utf8')).toContain('No thanks.');
  });
});

describe('Sieve vacation (RFC 5230, RFC 3834)', () => {
  it('replies once per sender per period with the null reverse-path, never to lists', async () => {
    await activate(
      ann,
      'require "vacation"; vacation :days 7 :subject "Away" :handle "trip" "Back on Monday.";',
    );
    await send({ subject: 'first' });
    await send({ subject: 'second' });
    await send({ subject: 'list mail', from: 'list@example.net', headers: { 'List-Id': '<l.example.net>' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ accountId: ann.id, mailFrom: '', rcptTo: ['dora@example.net'] });
    const raw = Buffer.from(sent[0]!.raw).toString('utf8');
    expect(raw).toMatch(/^Subject: Away\r$/m);
    expect(raw).toMatch(/^Auto-Submitted: auto-replied\r$/m);
    expect(raw).toContain('Back on Monday.');
    // The messages themselves are kept (vacation does not cancel the implicit keep).
    expect(await bySubject(ann, 'second')).toHaveLength(1);
  });
});

describe('Sieve and the JMAP VacationResponse (RFC 9661 §4)', () => {
  it('the VacationResponse still replies under a script without vacation, and gives way to one with it', async () => {
    await store.setVacationResponse(ann.id, {
      isEnabled: true,
      subject: 'JMAP away',
      textBody: 'Away (JMAP).',
    });
    await activate(ann, 'keep;');
    await send({ subject: 'under keep' });
    expect(sentSubjects()).toEqual(['JMAP away']);
    await activate(ann, 'require "vacation"; vacation :subject "Sieve away" "Away (Sieve).";');
    await send({ from: 'Eve <eve@example.net>', subject: 'under vacation' });
    expect(sentSubjects()).toEqual(['JMAP away', 'Sieve away']);
  });
});

describe('a faulty script never loses mail (RFC 5228 §2.10.6)', () => {
  it('keeps the message in the Inbox when the script fails at run time', async () => {
    // Redirecting to more addresses than maxRedirects is a run-time error in the interpreter.
    const redirects = Array.from({ length: 8 }, (_, i) => `redirect "r${i}@example.org";`).join('\n');
    await activate(ann, redirects);
    await send({ subject: 'too many' });
    expect((await bySubject(ann, 'too many'))[0]?.mailboxes).toEqual(['Inbox']);
    // What ran before the error ran, within maxNumberRedirects (RFC 9661 §1.2.1).
    expect(sent.length).toBeLessThanOrEqual(5);
  });

  it('delivers to the Inbox when the stored script is broken (it should never be)', async () => {
    await activate(ann, 'this is { not sieve');
    await send({ subject: 'still here' });
    expect((await bySubject(ann, 'still here'))[0]?.mailboxes).toEqual(['Inbox']);
  });
});
