import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import express from 'express';
import type { Request, Response, Router } from 'express';
import { toBlobId } from '@colibri/mail-store';
import type { MailStore } from '@colibri/mail-store';
import { openBlobAs } from '@colibri/jmap-server';
import { authOf, requireAuth } from '../auth/authenticate.js';
import type { AuthServices } from '../auth/authenticate.js';
import type { Logger } from '../logger.js';
import { parseByteRange } from './byte-range.js';
import type { ByteRange } from './byte-range.js';
import { attachmentDisposition, downloadContentType } from './content-disposition.js';
import { DOWNLOAD_CSP } from './security-headers.js';

/**
 * RFC 8620 §6.2: GET {downloadUrl}. The blob is streamed from the store; an unknown blob, a
 * malformed id and another account's blob are all the same 404, so ids cannot be probed.
 * Blobs are immutable and content-addressed, so the blob id is a strong ETag.
 */
export function downloadRoute(options: { store: MailStore; auth: AuthServices; log: Logger }): Router {
  const router = express.Router();
  router.get(
    '/jmap/download/:accountId/:blobId/:name',
    requireAuth(options.auth),
    async (req: Request, res: Response) => {
      const { principal } = authOf(req);
      const { accountId, blobId: wireBlobId, name } = req.params as Record<string, string>;
      const blobId = toBlobId(wireBlobId ?? '');
      // The principal's own account, or a blob of an email shared with them (RFC 9670).
      const blob = blobId ? await openBlobAs(options.store, principal, accountId ?? '', blobId) : null;
      if (!blob) {
        res.status(404).json({ error: 'notFound', message: 'No such blob.' });
        return;
      }
      const etag = `"${blobId}"`;
      res.set({
        'Content-Type': downloadContentType(req.query.accept),
        'Content-Disposition': attachmentDisposition(name ?? 'download'),
        // Whatever the type claims, a downloaded document never runs script on our origin.
        'Content-Security-Policy': DOWNLOAD_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, max-age=31536000, immutable',
        'Accept-Ranges': 'bytes',
        ETag: etag,
      });
      if (req.get('if-none-match') === etag) {
        blob.stream.destroy();
        res.status(304).end();
        return;
      }
      const ifRange = req.get('if-range');
      const range =
        ifRange === undefined || ifRange === etag ? parseByteRange(req.get('range'), blob.size) : null;
      if (range === 'unsatisfiable') {
        blob.stream.destroy();
        res.status(416).set('Content-Range', `bytes */${blob.size}`).end();
        return;
      }
      if (range) res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${blob.size}`);
      res.set('Content-Length', String(range ? range.end - range.start + 1 : blob.size));
      if (req.method === 'HEAD') {
        blob.stream.destroy();
        res.end();
        return;
      }
      try {
        await pipeline(range ? slice(blob.stream, range) : blob.stream, res);
      } catch (error) {
        // Headers are gone already: all we can do is cut the connection and tell the operator.
        if (!res.destroyed) res.destroy();
        if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE')
          options.log.error('download failed', { error, blobId });
      }
    },
  );
  return router;
}

/** The bytes of `range` from a stream of the whole blob. */
async function* slice(source: Readable, range: ByteRange): AsyncGenerator<Buffer> {
  let position = 0;
  for await (const chunk of source) {
    const bytes = chunk as Buffer;
    const from = Math.max(range.start - position, 0);
    const to = Math.min(range.end + 1 - position, bytes.length);
    if (to > from) yield bytes.subarray(from, to);
    position += bytes.length;
    if (position > range.end) break;
  }
}
