import { createTransport } from 'nodemailer';
import type { BenchMessage } from './corpus.js';

export interface IngestResult {
  sent: number;
  bytes: number;
  /** From the first MAIL FROM to the last 250 reply. */
  elapsedMs: number;
}

/**
 * Delivers the messages over real SMTP (RFC 5321) on loopback through a pool of `connections`
 * connections, in batches so that memory and in-flight messages stay bounded. Stops at the first
 * refused message: a bench on a server that drops mail would measure nothing.
 */
export async function ingestOverSmtp(
  smtpPort: number,
  messages: Iterable<BenchMessage>,
  connections: number,
  onProgress?: (sent: number) => void,
): Promise<IngestResult> {
  const transport = createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
  });
  const batchSize = connections * 8;
  let sent = 0;
  let bytes = 0;
  const started = performance.now();
  try {
    let batch: BenchMessage[] = [];
    const flush = async () => {
      const infos = await Promise.all(batch.map((message) => transport.sendMail(message)));
      for (const info of infos) {
        if (!/^250\b/.test(info.response)) throw new Error(`SMTP refused a message: ${info.response}`);
      }
      for (const message of batch)
        bytes +=
          message.text.length +
          (message.html?.length ?? 0) +
          (message.attachments?.reduce((n, a) => n + a.content.length, 0) ?? 0);
      sent += batch.length;
      batch = [];
      onProgress?.(sent);
    };
    for (const message of messages) {
      batch.push(message);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    transport.close();
  }
  return { sent, bytes, elapsedMs: performance.now() - started };
}
