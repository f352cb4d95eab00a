import { createHash } from 'node:crypto';
import { Capability } from '@colibri/jmap-types';
import { defaultUploadTtlMs } from '@colibri/mail-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWithBlob, upload } from './support/blobs.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const blobIdOf = (bytes: Uint8Array | string) => `G${createHash('sha256').update(bytes).digest('hex')}`;
const uploadBlobs = async (create: Record<string, unknown>) =>
  resultOf(
    await callWithBlob(f, [['Blob/upload', { accountId: f.alice.accountId, create }, 'u']]),
    'Blob/upload',
  );
const readable = async (blobId: string) =>
  (await f.store.readBlob(f.alice.accountId, blobId as never)) !== null;

describe('Blob/upload (RFC 9404 §4.1)', () => {
  it('announces the blob capability in the session (RFC 9404 §4)', async () => {
    const session = await f.engine.getSession(f.alice, 'http://localhost');
    expect(session.capabilities[Capability.Blob]).toEqual({});
    expect(session.accounts[f.alice.accountId]?.accountCapabilities[Capability.Blob]).toEqual({
      maxSizeBlobSet: 64 * 1024 * 1024,
      maxDataSources: 64,
      supportedTypeNames: ['Mailbox', 'Thread', 'Email'],
      supportedDigestAlgorithms: ['sha', 'sha-256'],
    });
  });

  it('is unknown unless the blob capability is in using (RFC 8620 §3.3)', async () => {
    const response = await f.call([['Blob/upload', { accountId: f.alice.accountId, create: {} }, 'u']]);
    expect(response.methodResponses[0]?.[1]).toMatchObject({ type: 'unknownMethod' });
  });

  it('concatenates text, base64 and a range of a readable blob into one blob', async () => {
    const source = await upload(f, '0123456789', f.alice.accountId, 'text/plain');
    const result = await uploadBlobs({
      b: {
        data: [
          { 'data:asText': 'héllo ' },
          { 'data:asBase64': Buffer.from([0, 255]).toString('base64') },
          { blobId: source, offset: 2, length: 3 },
        ],
        type: 'application/x-test',
      },
    });
    const expected = Buffer.concat([Buffer.from('héllo '), Buffer.from([0, 255]), Buffer.from('234')]);
    expect(result).toEqual({
      accountId: f.alice.accountId,
      created: { b: { id: blobIdOf(expected), type: 'application/x-test', size: expected.byteLength } },
      notCreated: null,
    });
    expect(Buffer.from((await f.store.readBlob(f.alice.accountId, blobIdOf(expected) as never))!)).toEqual(
      expected,
    );
  });

  it('names created blobs by #creationId in later calls and later sources of the request', async () => {
    const response = await callWithBlob(f, [
      [
        'Blob/upload',
        { accountId: f.alice.accountId, create: { a: { data: [{ 'data:asText': 'first part' }] } } },
        'u1',
      ],
      [
        'Blob/upload',
        {
          accountId: f.alice.accountId,
          create: { b: { data: [{ blobId: '#a', offset: 6 }, { 'data:asText': '!' }] } },
        },
        'u2',
      ],
      ['Blob/get', { accountId: f.alice.accountId, ids: ['#b'], properties: ['data:asText'] }, 'g'],
    ]);
    expect(resultOf(response, 'Blob/upload', 1).created).toEqual({
      b: { id: blobIdOf('part!'), type: null, size: 5 },
    });
    // RFC 8620 §5.1: the object is listed under its real id, not the creation id asked for.
    expect(resultOf(response, 'Blob/get', 2).list).toEqual([
      { id: blobIdOf('part!'), 'data:asText': 'part!' },
    ]);
  });

  it('refuses unknown blobs, ranges past the end, bad base64 and malformed sources per item', async () => {
    const source = await upload(f, 'short', f.alice.accountId, 'text/plain');
    const bobs = await upload(f, 'bob only bytes', f.bob.accountId, 'text/plain');
    const result = await uploadBlobs({
      unknown: { data: [{ blobId: bobs }] },
      range: { data: [{ blobId: source, offset: 3, length: 10 }] },
      base64: { data: [{ 'data:asBase64': 'not base64!' }] },
      twoForms: { data: [{ 'data:asText': 'a', 'data:asBase64': 'YQ==' }] },
      noData: { type: 'text/plain' },
      tooMany: { data: Array.from({ length: 65 }, () => ({ 'data:asText': 'x' })) },
      ok: { data: [{ 'data:asText': 'fine' }] },
    });
    expect(result.notCreated).toMatchObject({
      unknown: { type: 'blobNotFound', notFound: [bobs] },
      range: { type: 'invalidProperties', properties: ['data'] },
      base64: { type: 'invalidProperties', properties: ['data'] },
      twoForms: { type: 'invalidProperties', properties: ['data'] },
      noData: { type: 'invalidProperties', properties: ['data'] },
      tooMany: { type: 'invalidProperties', properties: ['data'] },
    });
    expect(Object.keys(result.created as object)).toEqual(['ok']);
    expect(await readable(blobIdOf('x'.repeat(65)))).toBe(false);
  });

  it('refuses a blob larger than maxSizeBlobSet with tooLarge, storing nothing', async () => {
    const chunk = await upload(
      f,
      new Uint8Array(2 * 1024 * 1024).fill(7),
      f.alice.accountId,
      'application/octet-stream',
    );
    const result = await uploadBlobs({
      big: { data: Array.from({ length: 33 }, () => ({ blobId: chunk })) },
    });
    expect(result).toMatchObject({ created: null, notCreated: { big: { type: 'tooLarge' } } });
  });

  it('expires like an HTTP upload (RFC 8620 §6.1) unless an email takes the blob', async () => {
    const result = await uploadBlobs({ e: { data: [{ 'data:asText': 'short-lived' }] } });
    const id = (result.created as Record<string, { id: string }>).e!.id;
    expect(await readable(id)).toBe(true);
    await f.store.collectGarbage({ now: new Date(Date.now() + defaultUploadTtlMs + 60_000) });
    expect(await readable(id)).toBe(false);
  });

  it('answers accountNotFound for another account and invalidArguments for malformed arguments', async () => {
    const response = await callWithBlob(f, [
      ['Blob/upload', { accountId: f.bob.accountId, create: {} }, 'a'],
      ['Blob/upload', { accountId: f.alice.accountId }, 'b'],
    ]);
    expect(response.methodResponses[0]).toEqual(['error', { type: 'accountNotFound' }, 'a']);
    expect(response.methodResponses[1]?.[1]).toMatchObject({ type: 'invalidArguments' });
  });
});
