import { createHash } from 'node:crypto';
import { Capability } from '@colibri/jmap-types';
import type { Id } from '@colibri/jmap-types';
import { expect, test } from './support/fixtures.js';
import type { JmapAccount } from './support/jmap-raw.js';
import { expectMethodError } from './support/expect-jmap.js';
import { importMessage, mailboxesByRole, rfc822 } from './support/mail.js';
import type { SetResponse } from './support/set.js';

type Wire = Record<string, unknown>;

const uploadBlobs = (account: JmapAccount, create: Wire) =>
  account.ok<SetResponse>('Blob/upload', { accountId: account.accountId, create });

async function getBlob(account: JmapAccount, id: Id, args: Wire): Promise<Wire> {
  const { list } = await account.ok<{ list: Wire[] }>('Blob/get', {
    accountId: account.accountId,
    ids: [id],
    ...args,
  });
  return list[0] ?? {};
}

test.describe('RFC 9404 Blob/upload, Blob/get, Blob/lookup', () => {
  test('RFC 9404 §3: the blob capability announces its limits and type names', async ({ account }) => {
    expect(account.session.capabilities).toHaveProperty([Capability.Blob]);
    const blob = account.session.accounts[account.accountId]?.accountCapabilities[Capability.Blob] as Wire;
    expect(blob).toMatchObject({
      maxDataSources: expect.any(Number),
      supportedTypeNames: expect.arrayContaining(['Mailbox', 'Thread', 'Email']),
      supportedDigestAlgorithms: expect.any(Array),
    });
    expect(blob).toHaveProperty('maxSizeBlobSet');
  });

  test('RFC 9404 §4.1: Blob/upload joins text, base64 and slices of other blobs', async ({ account }) => {
    const first = await uploadBlobs(account, {
      a: {
        data: [{ 'data:asText': 'Hello, ' }, { 'data:asBase64': Buffer.from('world').toString('base64') }],
        type: 'text/plain',
      },
    });
    const a = first.created?.a as { id: Id; type: string; size: number };
    expect(a).toMatchObject({ id: expect.any(String), size: 12 });
    const second = await uploadBlobs(account, {
      b: { data: [{ blobId: a.id, offset: 7, length: 5 }, { 'data:asText': '!' }] },
    });
    const b = second.created?.b as { id: Id; size: number };
    expect(b.size).toBe(6);
    expect(await getBlob(account, b.id, { properties: ['data:asText', 'size'] })).toEqual({
      id: b.id,
      'data:asText': 'world!',
      size: 6,
    });
  });

  test('RFC 9404 §4.1: a data source of an unknown blob is blobNotFound; both text and base64 is invalidProperties', async ({
    account,
  }) => {
    const result = await uploadBlobs(account, {
      missing: { data: [{ blobId: 'Gnope' }] },
      both: { data: [{ 'data:asText': 'x', 'data:asBase64': 'eA==' }] },
    });
    expect(result.notCreated?.missing?.type).toBe('blobNotFound');
    expect(result.notCreated?.both?.type).toBe('invalidProperties');
  });

  test('RFC 9404 §4.2: Blob/get returns data as text or base64, digests, and a range with offset/length', async ({
    account,
  }) => {
    const content = 'The quick brown fox';
    const { blobId } = await account.upload(content, 'text/plain');
    const whole = await getBlob(account, blobId, {
      properties: ['data:asText', 'data:asBase64', 'digest:sha', 'digest:sha-256', 'size'],
    });
    expect(whole).toEqual({
      id: blobId,
      'data:asText': content,
      'data:asBase64': Buffer.from(content).toString('base64'),
      'digest:sha': createHash('sha1').update(content).digest('base64'),
      'digest:sha-256': createHash('sha256').update(content).digest('base64'),
      size: content.length,
    });
    const range = await getBlob(account, blobId, { properties: ['data:asText'], offset: 4, length: 5 });
    expect(range['data:asText']).toBe('quick');
    // A range past the end is cut short and flagged.
    const past = await getBlob(account, blobId, { properties: ['data:asText'], offset: 16, length: 10 });
    expect(past).toMatchObject({ 'data:asText': 'fox', isTruncated: true });
  });

  test('RFC 9404 §4.2: bytes that are not UTF-8 give isEncodingProblem with data:asText, and data picks base64', async ({
    account,
  }) => {
    const { blobId } = await account.upload(new Uint8Array([0xff, 0xfe, 0x41]), 'application/octet-stream');
    const text = await getBlob(account, blobId, { properties: ['data:asText'] });
    expect(text).toMatchObject({ 'data:asText': null, isEncodingProblem: true });
    const auto = await getBlob(account, blobId, { properties: ['data'] });
    expect(auto['data:asBase64']).toBe(Buffer.from([0xff, 0xfe, 0x41]).toString('base64'));
    const { notFound } = await account.ok<{ notFound: Id[] }>('Blob/get', {
      accountId: account.accountId,
      ids: ['Gnope'],
    });
    expect(notFound).toEqual(['Gnope']);
  });

  test('RFC 9404 §4.3: Blob/lookup finds the Emails, Threads and Mailboxes that use a blob', async ({
    account,
  }) => {
    const { inbox } = await mailboxesByRole(account);
    const email = await importMessage(account, rfc822({ subject: 'Lookup' }), [inbox!]);
    const { list } = await account.ok<{ list: { id: Id; matchedIds: Record<string, Id[]> }[] }>(
      'Blob/lookup',
      {
        accountId: account.accountId,
        typeNames: ['Email', 'Thread', 'Mailbox'],
        ids: [email.blobId],
      },
    );
    expect(list).toEqual([
      { id: email.blobId, matchedIds: { Email: [email.id], Thread: [email.threadId], Mailbox: [inbox] } },
    ]);
    expectMethodError(
      await account.invoke('Blob/lookup', {
        accountId: account.accountId,
        typeNames: ['Colour'],
        ids: [email.blobId],
      }),
      'unknownDataType',
    );
  });
});
