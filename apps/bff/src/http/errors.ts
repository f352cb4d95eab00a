import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import { sendProblem } from './problem.js';

/** JMAP paths answer in problem details (RFC 7807), the rest in the BFF's `{ error, message }`. */
const isJmapPath = (req: Request) =>
  req.path.startsWith('/jmap/') || req.path.startsWith('/.well-known/jmap');

function send(
  req: Request,
  res: Response,
  status: number,
  error: string,
  message: string,
  extra: Record<string, string> = {},
): void {
  if (isJmapPath(req)) sendProblem(res, { type: 'about:blank', status, detail: message, ...extra });
  else res.status(status).json({ error, message, ...extra });
}

/** The last route: nothing matched. */
export function notFound(): RequestHandler {
  return (req, res) => send(req, res, 404, 'notFound', 'Not found.');
}

/**
 * The last error handler. Client mistakes that the body parsers flag (malformed JSON, too large,
 * bad charset) get their status with a fixed message; anything else is a 500 that names an
 * incident id and never the error itself, which goes to the log (STYLE 10).
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = statusOf(error);
    if (status === 400) return send(req, res, 400, 'badRequest', 'The request body is malformed.');
    if (status === 413) return send(req, res, 413, 'tooLarge', 'The request body is too large.');
    if (status === 415)
      return send(req, res, 415, 'unsupportedMediaType', 'The request body has an unsupported encoding.');
    const incident = randomUUID();
    log.error('unhandled error', { incident, method: req.method, path: req.path, error });
    send(req, res, 500, 'internal', 'Something went wrong on the server.', { incident });
  };
}

/** The status that body-parser and http-errors put on the errors they raise for client input. */
function statusOf(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 500;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}
