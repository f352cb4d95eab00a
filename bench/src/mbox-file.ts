import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { BenchMessage } from './corpus.js';

/** Composes one generated message into its RFC 5322/MIME bytes (nodemailer's composer). */
export function composeRaw(message: BenchMessage): Promise<Buffer> {
  return new MailComposer({ ...message, headers: {} }).compile().build();
}

const asctime = (date: Date) => {
  const [day, month, dd, yyyy, time] = date.toUTCString().replace(',', '').split(' ');
  return `${day} ${month} ${dd} ${time} ${yyyy}`;
};

/**
 * Writes the messages to an mboxrd file (RFC 4155: `From ` separator lines, `>From ` quoting),
 * streaming, so that 100,000 messages never sit in memory. Returns count and bytes written.
 */
export async function writeMbox(
  file: string,
  messages: Iterable<BenchMessage>,
  onProgress?: (written: number) => void,
): Promise<{ messages: number; bytes: number }> {
  const out = createWriteStream(file);
  let count = 0;
  let bytes = 0;
  for (const message of messages) {
    const raw = (await composeRaw(message)).toString('latin1').replace(/^(>*From )/gm, '>$1');
    const entry = Buffer.from(
      `From ${message.from.address} ${asctime(message.date)}\n${raw.endsWith('\n') ? raw : `${raw}\n`}\n`,
      'latin1',
    );
    bytes += entry.length;
    count += 1;
    if (!out.write(entry)) await once(out, 'drain');
    if (count % 10_000 === 0) onProgress?.(count);
  }
  out.end();
  await once(out, 'finish');
  return { messages: count, bytes };
}
