import type { EmailBodyPart, Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822, stateOf } from './support/mail.js';
import { createdId } from './support/set.js';
import type { SetResponse } from './support/set.js';

type Wire = Record<string, unknown>;

const setEmails = (account: JmapAccount, args: Wire) =>
  account.ok<SetResponse>('Email/set', { accountId: account.accountId, ...args });

async function getEmail(account: JmapAccount, id: Id, properties: string[], extra: Wire = {}): Promise<Wire> {
  const { list } = await account.ok<{ list: Wire[] }>('Email/get', {
    accountId: account.accountId,
    ids: [id],
    properties,
    ...extra,
  });
  return list[0] ?? {};
}

const basics = (mailboxId: Id): Wire => ({
  mailboxIds: { [mailboxId]: true },
  from: [{ name: 'Me', email: 'me@example.org' }],
  to: [{ name: 'You', email: 'you@example.org' }],
  subject: 'Drafted',
});

/** A text/plain body given as textBody with its value (RFC 8621 §4.6). */
const plainBody = (value: string): Wire => ({
  textBody: [{ partId: 't', type: 'text/plain' }],
  bodyValues: { t: { value } },
});

test.describe('RFC 8621 §4.6 Email/set', () => {
  test('RFC 8621 §4.6: create from textBody and bodyValues answers id, blobId, threadId and size', async ({
    account,
  }) => {
    const { drafts } = await mailboxesByRole(account);
    const result = await setEmails(account, {
      create: {
        d: {
          ...basics(drafts!),
          keywords: { $draft: true, $seen: true },
          ...plainBody('Hello from a draft.'),
        },
      },
    });
    const id = createdId(result, 'd');
    expect(result.created?.d).toMatchObject({
      blobId: expect.any(String),
      threadId: expect.any(String),
      size: expect.any(Number),
    });
    const email = await getEmail(
      account,
      id,
      ['subject', 'from', 'to', 'keywords', 'mailboxIds', 'textBody', 'bodyValues'],
      {
        fetchTextBodyValues: true,
      },
    );
    expect(email).toMatchObject({
      subject: 'Drafted',
      from: [{ name: 'Me', email: 'me@example.org' }],
      to: [{ name: 'You', email: 'you@example.org' }],
      keywords: { $draft: true, $seen: true },
      mailboxIds: { [drafts!]: true },
    });
    const part = (email.textBody as EmailBodyPart[])[0]!;
    expect((email.bodyValues as Record<string, { value: string }>)[part.partId!]?.value).toBe(
      'Hello from a draft.',
    );
  });

  test('RFC 8621 §4.6: create with textBody, htmlBody and an attachment builds multipart/mixed', async ({
    account,
  }) => {
    const { drafts } = await mailboxesByRole(account);
    const upload = await account.upload('%PDF-1.4 attachment', 'application/pdf');
    const id = createdId(
      await setEmails(account, {
        create: {
          d: {
            ...basics(drafts!),
            textBody: [{ partId: 't', type: 'text/plain' }],
            htmlBody: [{ partId: 'h', type: 'text/html' }],
            bodyValues: { t: { value: 'Plain' }, h: { value: '<p>Rich</p>' } },
            attachments: [{ blobId: upload.blobId, type: 'application/pdf', name: 'a.pdf' }],
          },
        },
      }),
      'd',
    );
    const email = await getEmail(account, id, ['bodyStructure', 'hasAttachment', 'attachments']);
    const root = email.bodyStructure as EmailBodyPart;
    expect(root.type).toBe('multipart/mixed');
    expect(root.subParts?.map((p) => p.type)).toEqual(['multipart/alternative', 'application/pdf']);
    expect(root.subParts?.[0]?.subParts?.map((p) => p.type)).toEqual(['text/plain', 'text/html']);
    expect(email.hasAttachment).toBe(true);
    expect((email.attachments as EmailBodyPart[])[0]).toMatchObject({ name: 'a.pdf', size: upload.size });
  });

  test('RFC 8621 §4.6: create from bodyStructure, with a header:…:asText property', async ({ account }) => {
    const { drafts } = await mailboxesByRole(account);
    const image = await account.upload(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), 'image/png');
    const id = createdId(
      await setEmails(account, {
        create: {
          d: {
            ...basics(drafts!),
            'header:X-Conformance:asText': 'yes',
            bodyStructure: {
              type: 'multipart/mixed',
              subParts: [
                { partId: 'body', type: 'text/plain' },
                { blobId: image.blobId, type: 'image/png', name: 'dot.png', disposition: 'attachment' },
              ],
            },
            bodyValues: { body: { value: 'See the picture.' } },
          },
        },
      }),
      'd',
    );
    const email = await getEmail(account, id, ['header:X-Conformance:asText', 'textBody', 'attachments']);
    expect(email['header:X-Conformance:asText']).toBe('yes');
    expect((email.textBody as EmailBodyPart[]).map((p) => p.type)).toEqual(['text/plain']);
    expect((email.attachments as EmailBodyPart[])[0]).toMatchObject({
      type: 'image/png',
      name: 'dot.png',
      size: 8,
    });
  });

  test('RFC 8621 §4.6: a create is invalidProperties without mailboxIds, with bodyStructure and textBody, or with a truncated body value', async ({
    account,
  }) => {
    const { drafts } = await mailboxesByRole(account);
    const result = await setEmails(account, {
      create: {
        noMailbox: {
          subject: 'x',
          ...plainBody('x'),
        },
        emptyMailboxes: { mailboxIds: {}, subject: 'x' },
        both: {
          ...basics(drafts!),
          bodyStructure: { partId: 't', type: 'text/plain' },
          ...plainBody('x'),
        },
        truncated: {
          ...basics(drafts!),
          textBody: [{ partId: 't', type: 'text/plain' }],
          bodyValues: { t: { value: 'x', isTruncated: true } },
        },
        unknownMailbox: { mailboxIds: { Mnope: true }, subject: 'x' },
        contentHeader: { ...basics(drafts!), 'header:Content-Type': ' text/plain' },
      },
    });
    expect(result.created ?? {}).toEqual({});
    for (const key of ['noMailbox', 'emptyMailboxes', 'both', 'truncated', 'unknownMailbox', 'contentHeader'])
      expect(result.notCreated?.[key]?.type, key).toBe('invalidProperties');
    expect(result.notCreated?.noMailbox?.properties).toContain('mailboxIds');
  });

  test('RFC 8620 §5.3: keywords and mailboxIds are patched by path', async ({ account }) => {
    const { inbox, archive } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822(), [inbox!], { keywords: { $flagged: true } });
    const updated = await setEmails(account, {
      update: {
        [email.id]: {
          'keywords/$seen': true,
          'keywords/$flagged': null,
          [`mailboxIds/${archive}`]: true,
          [`mailboxIds/${inbox}`]: null,
        },
      },
    });
    expect(Object.keys(updated.updated ?? {})).toEqual([email.id]);
    expect(await getEmail(account, email.id, ['keywords', 'mailboxIds'])).toEqual({
      id: email.id,
      keywords: { $seen: true },
      mailboxIds: { [archive!]: true },
    });
    // A whole-property replace works too.
    await setEmails(account, { update: { [email.id]: { keywords: { custom: true } } } });
    expect(await getEmail(account, email.id, ['keywords'])).toMatchObject({ keywords: { custom: true } });
  });

  test('RFC 8621 §4.6: an update that leaves no mailbox, changes an immutable property or sets a bad keyword is invalidProperties', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822(), [inbox!]);
    const result = await setEmails(account, {
      update: { [email.id]: { [`mailboxIds/${inbox}`]: null } },
    });
    expect(result.notUpdated?.[email.id]?.type).toBe('invalidProperties');
    const immutable = await setEmails(account, { update: { [email.id]: { subject: 'Changed' } } });
    expect(immutable.notUpdated?.[email.id]?.type).toBe('invalidProperties');
    // RFC 8621 §4.1.1: a keyword is 1-255 characters from %x21-%x7E, without ( ) { ] % * " \.
    const badKeyword = await setEmails(account, { update: { [email.id]: { 'keywords/bad(keyword': true } } });
    expect(badKeyword.notUpdated?.[email.id]?.type).toBe('invalidProperties');
    expect(await getEmail(account, email.id, ['mailboxIds', 'keywords'])).toMatchObject({
      mailboxIds: { [inbox!]: true },
      keywords: {},
    });
  });

  test('RFC 8620 §5.3: destroy removes the email; unknown ids are notFound', async ({ account }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822(), [inbox!]);
    const result = await setEmails(account, { destroy: [email.id, 'Enope'] });
    expect(result.destroyed).toEqual([email.id]);
    expect(result.notDestroyed?.Enope?.type).toBe('notFound');
    const { notFound } = await account.ok<{ notFound: Id[] }>('Email/get', {
      accountId: account.accountId,
      ids: [email.id],
    });
    expect(notFound).toEqual([email.id]);
    const again = await setEmails(account, { update: { [email.id]: { 'keywords/$seen': true } } });
    expect(again.notUpdated?.[email.id]?.type).toBe('notFound');
  });

  test('RFC 8620 §5.3: ifInState mismatch answers stateMismatch', async ({ account }) => {
    const before = await stateOf(account, 'Email');
    expectMethodError(
      await account.invoke('Email/set', {
        accountId: account.accountId,
        ifInState: 'stale',
        destroy: ['Enope'],
      }),
      'stateMismatch',
    );
    expect(await stateOf(account, 'Email')).toBe(before);
  });

  test('RFC 8621 §4.6: receivedAt and header:…:asAddresses may be set on create; id may not', async ({
    account,
  }) => {
    const { drafts } = await mailboxesByRole(account);
    const result = await setEmails(account, {
      create: {
        d: {
          mailboxIds: { [drafts!]: true },
          receivedAt: '2026-05-01T10:00:00Z',
          'header:From:asAddresses': [{ name: 'Header Form', email: 'form@example.org' }],
          subject: 'Header forms',
        },
        withId: { ...basics(drafts!), id: 'Mine' },
      },
    });
    const id = createdId(result, 'd');
    expect(await getEmail(account, id, ['receivedAt', 'from'])).toMatchObject({
      receivedAt: '2026-05-01T10:00:00Z',
      from: [{ name: 'Header Form', email: 'form@example.org' }],
    });
    expect(result.notCreated?.withId?.type).toBe('invalidProperties');
  });

  test('RFC 8621 §4.6: moving an email to a Mailbox that does not exist is invalidProperties', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822(), [inbox!]);
    const result = await setEmails(account, { update: { [email.id]: { 'mailboxIds/Mnope': true } } });
    expect(result.notUpdated?.[email.id]?.type).toBe('invalidProperties');
  });

  test('RFC 8621 §4.6: an attachment blob that does not exist is blobNotFound, listing it', async ({
    account,
  }) => {
    const { drafts } = await mailboxesByRole(account);
    const result = await setEmails(account, {
      create: {
        d: {
          ...basics(drafts!),
          ...plainBody('See attachment.'),
          attachments: [{ blobId: 'Gnope', type: 'application/pdf', name: 'gone.pdf' }],
        },
      },
    });
    expect(result.notCreated?.d).toMatchObject({ type: 'blobNotFound', notFound: ['Gnope'] });
  });

  test('RFC 8620 §5.3: a Mailbox creation id may key mailboxIds, in a create and in a patch path', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const existing = await importMessage(account, rfc822({ subject: 'Move me' }), [inbox!]);
    const { methodResponses } = await account.request([
      ['Mailbox/set', { accountId: account.accountId, create: { m: { name: 'Made in passing' } } }, 'm'],
      [
        'Email/set',
        {
          accountId: account.accountId,
          create: { e: { mailboxIds: { '#m': true }, subject: 'Born in the new mailbox' } },
          update: { [existing.id]: { 'mailboxIds/#m': true, [`mailboxIds/${inbox}`]: null } },
        },
        'e',
      ],
    ]);
    const mailboxId = createdId(methodResponses[0]?.[1] as unknown as SetResponse, 'm');
    const emails = methodResponses[1]?.[1] as unknown as SetResponse;
    const created = createdId(emails, 'e');
    expect(emails.updated).toHaveProperty(existing.id);
    for (const id of [created, existing.id])
      expect(await getEmail(account, id, ['mailboxIds'])).toMatchObject({
        mailboxIds: { [mailboxId]: true },
      });
  });
});
