import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWithBlob, upload } from './support/blobs.js';
import { openFixture, resultOf } from './support/fixture.js';
import type { Fixture } from './support/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await openFixture();
});
afterAll(() => f.close());

const getBlobs = async (args: Record<string, unknown>) =>
  resultOf(await callWithBlob(f, [['Blob/get', { accountId: f.alice.accountId, ...args }, 'g']]), 'Blob/get');
const digest = (algorithm: string, bytes: Uint8Array | string) =>
  createHash(algorithm).update(bytes).digest('base64');

describe('Blob/get (RFC 9404 §4.2)', () => {
  it('gives data as text and the size by default', async () => {
    const id = await upload(f, 'Grüße', f.alice.accountId, 'text/plain');
    expect(await getBlobs({ ids: [id] })).toEqual({
      accountId: f.alice.accountId,
      list: [{ id, 'data:asText': 'Grüße', size: Buffer.byteLength('Grüße') }],
      notFound: [],
    });
  });

  it('falls back to base64 for data that is not UTF-8, and flags data:asText as an encoding problem', async () => {
    const bytes = new Uint8Array([0x66, 0xff, 0xfe, 0x00]);
    const id = await upload(f, bytes, f.alice.accountId, 'application/octet-stream');
    const data = await getBlobs({ ids: [id], properties: ['data'] });
    expect(data.list).toEqual([{ id, 'data:asBase64': Buffer.from(bytes).toString('base64') }]);
    const text = await getBlobs({ ids: [id], properties: ['data:asText', 'data:asBase64'] });
    expect(text.list).toEqual([
      {
        id,
        'data:asText': null,
        isEncodingProblem: true,
        'data:asBase64': Buffer.from(bytes).toString('base64'),
      },
    ]);
  });

  it('selects a range with offset and length; digests are of the range, size of the whole blob', async () => {
    const id = await upload(f, 'abcdefghij', f.alice.accountId, 'text/plain');
    const result = await getBlobs({
      ids: [id],
      properties: ['data:asText', 'digest:sha', 'digest:sha-256', 'size'],
      offset: 2,
      length: 4,
    });
    expect(result.list).toEqual([
      {
        id,
        'data:asText': 'cdef',
        'digest:sha': digest('sha1', 'cdef'),
        'digest:sha-256': digest('sha256', 'cdef'),
        size: 10,
      },
    ]);
  });

  it('answers the octets there are with isTruncated when the range goes past the end', async () => {
    const id = await upload(f, 'abcdefghij', f.alice.accountId, 'text/plain');
    const past = await getBlobs({ ids: [id], properties: ['data:asText'], offset: 8, length: 5 });
    expect(past.list).toEqual([{ id, 'data:asText': 'ij', isTruncated: true }]);
    const beyond = await getBlobs({ ids: [id], properties: ['data:asText'], offset: 20 });
    expect(beyond.list).toEqual([{ id, 'data:asText': '', isTruncated: true }]);
  });

  it('reads the parts of the account emails, and lists others and unknown ids as notFound', async () => {
    const pdf = f.emails.invoice.attachments[0]!;
    const bobs = await upload(f, 'bob only', f.bob.accountId, 'text/plain');
    const result = await getBlobs({ ids: [pdf.blobId, bobs, 'nope'], properties: ['size'] });
    expect(result.list).toEqual([{ id: pdf.blobId, size: pdf.size }]);
    expect(result.notFound).toEqual([bobs, 'nope']);
  });

  it('refuses unknown properties and digests, other accounts and malformed arguments', async () => {
    const response = await callWithBlob(f, [
      ['Blob/get', { accountId: f.alice.accountId, ids: [], properties: ['digest:md5'] }, 'a'],
      ['Blob/get', { accountId: f.alice.accountId, ids: [], properties: ['type'] }, 'b'],
      ['Blob/get', { accountId: f.bob.accountId, ids: [] }, 'c'],
      ['Blob/get', { accountId: f.alice.accountId, ids: [], offset: -1 }, 'd'],
    ]);
    expect(response.methodResponses.map(([, args]) => args.type)).toEqual([
      'invalidArguments',
      'invalidArguments',
      'accountNotFound',
      'invalidArguments',
    ]);
  });
});
