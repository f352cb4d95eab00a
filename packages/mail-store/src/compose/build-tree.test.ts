import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { BlobId } from '../model.js';
import { parseMessage } from '../mime/parse-message.js';
import type { MimePart } from '../mime/mime-tree.js';
import type { OpenBlob } from './build-message.js';
import { buildMimeTree, type TreeHeader } from './build-tree.js';

const noBlobs: OpenBlob = async () => null;
const text = (raw: Uint8Array) => Buffer.from(raw).toString('latin1');
const headerBlock = (raw: Uint8Array) => text(raw).split('\r\n\r\n')[0]!;
const shape = (p: MimePart): unknown => (p.subParts ? { [p.type]: p.subParts.map(shape) } : p.type);
const FROM: TreeHeader = { name: 'From', value: { addresses: [{ name: 'Zoë', email: 'zoe@example.test' }] } };

describe('buildMimeTree (RFC 5322, RFC 2045-2047, RFC 8621 §4.6)', () => {
  it('writes any tree: related inside alternative inside mixed, with blob and text leaves', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    const openBlob: OpenBlob = async (id) => (id === ('Gpng' as BlobId) ? Readable.from([png]) : null);
    const built = await buildMimeTree(
      {
        headers: [FROM, { name: 'Subject', value: { text: 'Café ☕' } }],
        body: {
          type: 'multipart/mixed',
          subParts: [
            {
              type: 'multipart/alternative',
              subParts: [
                { type: 'text/plain', text: 'Hello' },
                {
                  type: 'multipart/related',
                  subParts: [
                    { type: 'text/html', text: '<img src="cid:logo@x">' },
                    { type: 'image/png', blobId: 'Gpng' as BlobId, cid: 'logo@x', disposition: 'inline' },
                  ],
                },
              ],
            },
            {
              type: 'application/octet-stream',
              blobId: 'Gpng' as BlobId,
              name: 'été.bin',
              disposition: 'attachment',
            },
          ],
        },
      },
      openBlob,
    );
    const head = headerBlock(built.raw);
    // RFC 2047: non-ASCII subject and display name as encoded words; headers stay ASCII.
    expect(head).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(head).toMatch(/^From: =\?UTF-8\?.*<zoe@example\.test>$/m);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    expect(head).toMatch(/^Date: /m);
    expect(head).toMatch(/^Message-ID: <[^@]+@example\.test>$/m);
    const parsed = parseMessage(built.raw);
    expect(parsed.subject).toBe('Café ☕');
    expect(parsed.messageId).toEqual([built.messageId]);
    expect(shape(parsed.bodyStructure)).toEqual({
      'multipart/mixed': [
        { 'multipart/alternative': ['text/plain', { 'multipart/related': ['text/html', 'image/png'] }] },
        'application/octet-stream',
      ],
    });
    expect(parsed.attachments.map((p) => p.name)).toContain('été.bin');
    expect(text(built.raw)).toContain('Content-ID: <logo@x>');
  });

  it('writes raw values as given and groups in address lists (RFC 5322 §3.4)', async () => {
    const built = await buildMimeTree(
      {
        headers: [
          FROM,
          {
            name: 'To',
            value: { addresses: [{ name: 'Team', group: [{ name: null, email: 'a@example.net' }] }] },
          },
          { name: 'X-Raw', value: { raw: ' first\r\n second' } },
          { name: 'Message-ID', value: { raw: '<given@example.test>' } },
          { name: 'Date', value: { raw: 'Sun, 01 Mar 2026 10:00:00 +0000' } },
        ],
        body: { type: 'text/plain', text: 'x' },
      },
      noBlobs,
    );
    const head = headerBlock(built.raw);
    expect(head).toMatch(/^X-Raw: first\r\n second$/m);
    expect(head).toMatch(/^To: Team: ?a@example\.net;$/m);
    expect(built.messageId).toBe('given@example.test');
    expect(built.sentAt.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(head.match(/^Date:/gm)).toHaveLength(1);
  });

  it('refuses header injection, a client Content-Transfer-Encoding, a missing blob', async () => {
    const body = { type: 'text/plain', text: 'x' };
    await expect(
      buildMimeTree({ headers: [FROM, { name: 'X-A', value: { raw: 'a\r\nBcc: evil@x' } }], body }, noBlobs),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      buildMimeTree(
        { headers: [FROM, { name: 'Content-Transfer-Encoding', value: { raw: '8bit' } }], body },
        noBlobs,
      ),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      buildMimeTree({ headers: [FROM], body: { type: 'image/png', blobId: 'Gnope' as BlobId } }, noBlobs),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      buildMimeTree({ headers: [FROM], body: { type: 'multipart/mixed', text: 'x' } }, noBlobs),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });
});
