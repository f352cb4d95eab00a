import { createServer } from 'node:http';
import type { Server } from 'node:http';

/** An HTTP endpoint on loopback that records what the server POSTs to it (RFC 8620 §7.2). */
export interface PushReceiver {
  url: string;
  /** The JSON bodies received, in order. */
  received: unknown[];
  close(): Promise<void>;
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const received: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        received.push(Buffer.concat(chunks).toString('utf8'));
      }
      res.statusCode = 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('No port');
  return {
    url: `http://127.0.0.1:${address.port}/push`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
