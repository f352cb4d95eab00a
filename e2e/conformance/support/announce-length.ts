import { request as httpRequest } from 'node:http';
import type { RawAnswer } from './jmap-raw.js';

/**
 * A POST whose headers announce `length` bytes and that reads the answer before sending any: a
 * server may refuse an oversized body from Content-Length alone and close the socket, which
 * fetch would report as a network error instead of the answer.
 */
export function postAnnouncingLength(
  url: string,
  headers: Record<string, string>,
  length: number,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(length) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers))
          if (typeof value === 'string') responseHeaders.set(name, value);
        resolve({
          status: res.statusCode ?? 0,
          headers: responseHeaders,
          text,
          json: JSON.parse(text) as unknown,
        });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}
