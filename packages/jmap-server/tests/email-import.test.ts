import { Capability } from '@colibri/jmap-types';
import type { JmapResponse } from '@colibri/jmap-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload, callWithBlob } from './support/blobs.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const message = (subject: string) =>
  [
    'From: Carol <carol@example.org>',
    'To: alice@colibri.test',
    `Subject: ${subject}`,
    'Date: Wed, 06 Mar 2024 10:00:00 +0000',
    `Message-ID: <${subject.replace(/\W/g, '')}@example.org>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Body of ${subject}.`,
    '',
  ].join('\r\n');

const importEmails = async (emails: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  resultOf(
    await f.call([['Email/import', { accountId: f.alice.accountId, emails, ...extra }, 'i']]),
    'Email/import',
  );
const state = async (method: 'Email/get' | 'Mailbox/get' | 'Thread/get') =>
  resultOf(await f.call([[method, { accountId: f.alice.accountId, ids: [] }, 'g']]), method).state as string;
const changes = async (method: 'Email/changes' | 'Mailbox/changes' | 'Thread/changes', sinceState: string) =>
  resultOf(await f.call([[method, { accountId: f.alice.accountId, sinceState }, 'c']]), method) as {
    created: string[];
    updated: string[];
  };

describe('Email/import (RFC 8621 §4.8)', () => {
  it('imports an uploaded message with its mailboxes, keywords and receivedAt; states and changes move', async () => {
    const blobId = await upload(f, message('Imported one'));
    const before = {
      email: await state('Email/get'),
      mailbox: await state('Mailbox/get'),
      thread: await state('Thread/get'),
    };
    const result = await importEmails({
      one: {
        blobId,
        mailboxIds: { [f.archive.id]: true },
        keywords: { $Seen: true, $flagged: true },
        receivedAt: '2024-03-06T10:00:05Z',
      },
    });
    const created = (
      result.created as Record<string, { id: string; blobId: string; threadId: string; size: number }>
    ).one!;
    expect(result).toMatchObject({ accountId: f.alice.accountId, oldState: before.email, notCreated: null });
    expect(created).toEqual({
      id: expect.any(String),
      blobId,
      threadId: expect.any(String),
      size: new TextEncoder().encode(message('Imported one')).byteLength,
    });
    expect(result.newState).not.toBe(before.email);

    const got = resultOf(
      await f.call([
        [
          'Email/get',
          {
            accountId: f.alice.accountId,
            ids: [created.id],
            properties: ['mailboxIds', 'keywords', 'receivedAt', 'subject', 'threadId'],
          },
          'g',
        ],
      ]),
      'Email/get',
    );
    expect(got.list).toEqual([
      {
        id: created.id,
        mailboxIds: { [f.archive.id]: true },
        keywords: { $seen: true, $flagged: true },
        receivedAt: '2024-03-06T10:00:05Z',
        subject: 'Imported one',
        threadId: created.threadId,
      },
    ]);
    expect((await changes('Email/changes', before.email)).created).toEqual([created.id]);
    expect((await changes('Thread/changes', before.thread)).created).toEqual([created.threadId]);
    expect((await changes('Mailbox/changes', before.mailbox)).updated).toEqual([f.archive.id]);
  });

  it('registers creation ids for later calls, and takes a blob made by Blob/upload as #creationId (RFC 8620 §5.3, RFC 9404 §4.1)', async () => {
    const response = await callWithBlob(f, [
      [
        'Blob/upload',
        {
          accountId: f.alice.accountId,
          create: { up: { data: [{ 'data:asText': message('From upload') }] } },
        },
        'u',
      ],
      [
        'Email/import',
        {
          accountId: f.alice.accountId,
          emails: { imp: { blobId: '#up', mailboxIds: { [f.inbox.id]: true } } },
        },
        'i',
      ],
      ['Email/set', { accountId: f.alice.accountId, update: { '#imp': { 'keywords/$seen': true } } }, 's'],
    ]);
    const uploaded = resultOf(response, 'Blob/upload').created as Record<string, { id: string }>;
    const imported = resultOf(response, 'Email/import', 1).created as Record<
      string,
      { id: string; blobId: string }
    >;
    expect(imported.imp!.blobId).toBe(uploaded.up!.id);
    expect(resultOf(response, 'Email/set', 2).notUpdated).toBeNull();
    const [email] = await f.store.getEmails(f.alice.accountId, [imported.imp!.id as never]);
    expect(email?.keywords).toEqual(['$seen']);
  });

  it('takes #creationId mailboxes from the request createdIds (RFC 8620 §3.3, §5.3)', async () => {
    const blobId = await upload(f, message('Into a created mailbox'));
    const { status, body } = await f.engine.handleRequest(f.alice, {
      using: [Capability.Core, Capability.Mail],
      createdIds: { box: f.archive.id },
      methodCalls: [
        [
          'Email/import',
          { accountId: f.alice.accountId, emails: { m: { blobId, mailboxIds: { '#box': true } } } },
          'i',
        ],
      ],
    });
    expect(status).toBe(200);
    const response = body as JmapResponse;
    const created = (resultOf(response, 'Email/import').created as Record<string, { id: string }>).m!;
    expect(response.createdIds).toEqual({ box: f.archive.id, m: created.id });
    const [email] = await f.store.getEmails(f.alice.accountId, [created.id as never]);
    expect(email?.mailboxIds).toEqual([f.archive.id]);
  });

  it('imports any blob the account may read, such as the raw message of one of its emails', async () => {
    const result = await importEmails({
      again: { blobId: f.emails.lunchInvite.blobId, mailboxIds: { [f.archive.id]: true } },
    });
    const created = (result.created as Record<string, { id: string; blobId: string }>).again!;
    expect(created.blobId).toBe(f.emails.lunchInvite.blobId);
    expect(created.id).not.toBe(f.emails.lunchInvite.id);
  });

  it('answers invalidEmail for a blob that is not a message, and stores nothing', async () => {
    const pdf = f.emails.invoice.attachments[0]!.blobId!;
    const text = await upload(f, 'just some words, no header', f.alice.accountId, 'text/plain');
    const before = await state('Email/get');
    const result = await importEmails({
      pdf: { blobId: pdf, mailboxIds: { [f.inbox.id]: true } },
      text: { blobId: text, mailboxIds: { [f.inbox.id]: true } },
    });
    expect(result.created).toBeNull();
    expect(result.notCreated).toMatchObject({
      pdf: { type: 'invalidEmail' },
      text: { type: 'invalidEmail' },
    });
    expect(await state('Email/get')).toBe(before);
  });

  it('answers blobNotFound with the notFound list for unknown blobs and blobs of other accounts', async () => {
    const bobs = await upload(f, message('Bob only'), f.bob.accountId);
    const unknown = `G${'0'.repeat(64)}`;
    const before = await state('Email/get');
    const result = await importEmails({
      bob: { blobId: bobs, mailboxIds: { [f.inbox.id]: true } },
      unknown: { blobId: unknown, mailboxIds: { [f.inbox.id]: true } },
      ref: { blobId: '#nothing', mailboxIds: { [f.inbox.id]: true } },
    });
    expect(result.notCreated).toEqual({
      bob: { type: 'blobNotFound', notFound: [bobs] },
      unknown: { type: 'blobNotFound', notFound: [unknown] },
      ref: { type: 'blobNotFound', notFound: ['#nothing'] },
    });
    expect(await state('Email/get')).toBe(before);
  });

  it('answers invalidProperties for missing, unknown or foreign mailboxes, bad keywords and dates', async () => {
    const blobId = await upload(f, message('Misplaced'));
    const bobInbox = (await f.store.listMailboxes(f.bob.accountId))[0]!.id;
    const before = await state('Email/get');
    const result = await importEmails({
      none: { blobId, mailboxIds: {} },
      unknown: { blobId, mailboxIds: { Mnotamailbox0000: true } },
      foreign: { blobId, mailboxIds: { [bobInbox]: true } },
      keyword: { blobId, mailboxIds: { [f.inbox.id]: true }, keywords: { 'bad(keyword': true } },
      falseKeyword: { blobId, mailboxIds: { [f.inbox.id]: true }, keywords: { $seen: false } },
      date: { blobId, mailboxIds: { [f.inbox.id]: true }, receivedAt: 'yesterday' },
      extra: { blobId, mailboxIds: { [f.inbox.id]: true }, subject: 'no' },
    });
    expect(result.created).toBeNull();
    expect(result.notCreated).toMatchObject({
      none: { type: 'invalidProperties', properties: ['mailboxIds'] },
      unknown: { type: 'invalidProperties', properties: ['mailboxIds'] },
      foreign: { type: 'invalidProperties', properties: ['mailboxIds'] },
      keyword: { type: 'invalidProperties', properties: ['keywords/bad(keyword'] },
      falseKeyword: { type: 'invalidProperties', properties: ['keywords'] },
      date: { type: 'invalidProperties', properties: ['receivedAt'] },
      extra: { type: 'invalidProperties', properties: ['subject'] },
    });
    expect(await state('Email/get')).toBe(before);
  });

  it('answers overQuota when the account is full, storing nothing', async () => {
    const { usedEmails } = await f.store.getQuota(f.alice.accountId);
    await f.store.setQuota(f.alice.accountId, { maxEmails: usedEmails, maxBytes: null });
    try {
      const blobId = await upload(f, message('Too many'));
      const before = await state('Email/get');
      const result = await importEmails({ full: { blobId, mailboxIds: { [f.inbox.id]: true } } });
      expect(result.notCreated).toMatchObject({ full: { type: 'overQuota' } });
      expect(await state('Email/get')).toBe(before);
    } finally {
      await f.store.setQuota(f.alice.accountId, { maxEmails: null, maxBytes: null });
    }
  });

  it('checks ifInState (RFC 8620 §5.3 stateMismatch) and imports when it matches', async () => {
    const blobId = await upload(f, message('Conditional'));
    const current = await state('Email/get');
    const stale = await f.call([
      [
        'Email/import',
        {
          accountId: f.alice.accountId,
          ifInState: 'stale',
          emails: { x: { blobId, mailboxIds: { [f.inbox.id]: true } } },
        },
        'i',
      ],
    ]);
    expect(stale.methodResponses[0]).toEqual(['error', { type: 'stateMismatch' }, 'i']);
    expect(await state('Email/get')).toBe(current);
    const fresh = await importEmails(
      { x: { blobId, mailboxIds: { [f.inbox.id]: true } } },
      { ifInState: current },
    );
    expect(fresh.oldState).toBe(current);
    expect(fresh.created).toHaveProperty('x');
  });

  it('answers accountNotFound for another account and invalidArguments for malformed arguments', async () => {
    const other = await f.call([['Email/import', { accountId: f.bob.accountId, emails: {} }, 'i']]);
    expect(other.methodResponses[0]).toEqual(['error', { type: 'accountNotFound' }, 'i']);
    const bad = await f.call([['Email/import', { accountId: f.alice.accountId, emails: [] }, 'i']]);
    expect(bad.methodResponses[0]?.[1]).toMatchObject({ type: 'invalidArguments' });
  });
});
