import express from 'express';
import type { Request, Response, Router } from 'express';
import { RequestErrorType } from '@colibri/jmap-types';
import { StoreError } from '@colibri/mail-store';
import type { MailStore } from '@colibri/mail-store';
import { uploadAccountFor } from '@colibri/jmap-server';
import { authOf, requireAuth } from '../auth/authenticate.js';
import type { AuthServices } from '../auth/authenticate.js';
import { sendProblem } from './problem.js';

/** What a client sends without a Content-Type (RFC 8620 §6.1 stores the type it was given). */
const defaultUploadType = 'application/octet-stream';

/**
 * RFC 8620 §6.1: POST {uploadUrl}. The body is streamed into the store (never whole in memory)
 * after authentication; more than `maxSizeUpload` bytes is a 413 "limit" problem, told from the
 * Content-Length when there is one and otherwise when the stream passes the limit. Answers 201
 * with `{ accountId, blobId, type, size }`. Another account's id is the same 404 as an unknown one.
 */
export function uploadRoute(options: {
  store: MailStore;
  auth: AuthServices;
  maxSizeUpload: number;
}): Router {
  const router = express.Router();
  const tooLarge = (res: Response) => {
    // The rest of the body is not read: close the connection rather than drain it.
    res.set('Connection', 'close');
    sendProblem(res, {
      type: RequestErrorType.Limit,
      status: 413,
      limit: 'maxSizeUpload',
      detail: `Uploads are limited to ${options.maxSizeUpload} bytes.`,
    });
  };
  router.post('/jmap/upload/:accountId', requireAuth(options.auth), async (req: Request, res: Response) => {
    const { principal } = authOf(req);
    // RFC 9670: an account shared with the principal takes uploads too, kept in their own account.
    const accountId = String(req.params.accountId);
    const target = await uploadAccountFor(options.store, principal, accountId);
    if (target === null) {
      res.set('Connection', 'close');
      sendProblem(res, { type: 'about:blank', status: 404, detail: 'No such account.' });
      return;
    }
    const declared = Number(req.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxSizeUpload) {
      tooLarge(res);
      return;
    }
    const type = (req.get('content-type') ?? defaultUploadType).trim() || defaultUploadType;
    try {
      const upload = await options.store.createUpload(target, req, type, {
        maxBytes: options.maxSizeUpload,
      });
      res
        .status(201)
        .set('Cache-Control', 'no-store')
        .json({ accountId, blobId: upload.blobId, type: upload.type, size: upload.size });
    } catch (error) {
      if (error instanceof StoreError && error.code === 'tooLarge') tooLarge(res);
      else if (error instanceof StoreError && error.code === 'invalid')
        sendProblem(res, { type: 'about:blank', status: 400, detail: error.message });
      else throw error;
    }
  });
  return router;
}
