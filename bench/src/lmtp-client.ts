import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { composeRaw } from './mbox-file.js';
import type { BenchMessage } from './corpus.js';
import type { IngestResult } from './smtp-ingest.js';

/** A message as an MTA hands it over: envelope, and the DATA bytes already dot-stuffed (RFC 5321 §4.5.2). */
export interface WireMessage {
  mailFrom: string;
  rcptTo: string;
  /** CRLF lines, dot-stuffed, ending in CRLF; without the final `.` line. */
  data: Buffer;
}

/**
 * Composes the messages into their wire form before any timing starts, as the mail an MTA relays
 * is already composed: the rate measured is then the server's, not nodemailer's composer's (which
 * costs about as much CPU as the server on this 2-core machine).
 */
export async function composeForWire(messages: Iterable<BenchMessage>): Promise<WireMessage[]> {
  const wire: WireMessage[] = [];
  for (const message of messages) {
    let text = (await composeRaw(message)).toString('latin1').replace(/\r?\n/g, '\r\n');
    if (!text.endsWith('\r\n')) text += '\r\n';
    wire.push({
      mailFrom: message.from.address,
      rcptTo: message.to,
      data: Buffer.from(text.replace(/^\./gm, '..'), 'latin1'),
    });
  }
  return wire;
}

/**
 * Delivers pre-composed messages over LMTP (RFC 2033) on `connections` connections, the way an
 * MTA's LMTP client does: one LHLO per connection, then per message MAIL, RCPT and DATA sent as
 * one pipelined group (RFC 2920), the content, and the recipient's reply. A message counts once
 * its 250 is read; any other reply stops the run.
 */
export async function deliverOverLmtp(
  port: number,
  messages: readonly WireMessage[],
  connections: number,
): Promise<IngestResult> {
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  const worker = async () => {
    const session = await LmtpSession.open(port);
    try {
      while (next < messages.length) {
        const message = messages[next++]!;
        await session.deliver(message);
        bytes += message.data.length;
      }
    } finally {
      await session.quit();
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, messages.length) }, worker));
  return { sent: messages.length, bytes, elapsedMs: performance.now() - started };
}

/** One LMTP connection: writes commands, reads replies (multi-line ones joined) in order. */
class LmtpSession {
  private buffered = '';
  private readonly replies: string[] = [];
  private waiting: (() => void) | null = null;
  private closed: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    let reply = '';
    socket.on('data', (chunk: string) => {
      this.buffered += chunk;
      let eol: number;
      while ((eol = this.buffered.indexOf('\r\n')) >= 0) {
        const line = this.buffered.slice(0, eol);
        this.buffered = this.buffered.slice(eol + 2);
        reply += reply ? `\n${line}` : line;
        // "250-..." continues a reply, "250 ..." ends it (RFC 5321 §4.2.1).
        if (line[3] !== '-') {
          this.replies.push(reply);
          reply = '';
        }
      }
      this.wake();
    });
    const end = (error?: Error) => {
      this.closed ??= error ?? new Error('LMTP server closed the connection');
      this.wake();
    };
    socket.on('error', end);
    socket.on('close', () => end());
  }

  static async open(port: number): Promise<LmtpSession> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const session = new LmtpSession(socket);
    await session.expect('220');
    socket.write('LHLO bench.colibri.test\r\n');
    const lhlo = await session.expect('250');
    if (!/\bPIPELINING\b/.test(lhlo)) throw new Error(`LMTP server does not offer PIPELINING: ${lhlo}`);
    return session;
  }

  async deliver(message: WireMessage): Promise<void> {
    this.socket.write(`MAIL FROM:<${message.mailFrom}>\r\nRCPT TO:<${message.rcptTo}>\r\nDATA\r\n`);
    await this.expect('250');
    await this.expect('250');
    await this.expect('354');
    this.socket.write(message.data);
    this.socket.write('.\r\n');
    await this.expect('250');
  }

  async quit(): Promise<void> {
    if (this.closed) return;
    this.socket.write('QUIT\r\n');
    await this.expect('221').catch(() => undefined);
    this.socket.destroy();
  }

  private async expect(code: string): Promise<string> {
    while (this.replies.length === 0) {
      if (this.closed) throw this.closed;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    const reply = this.replies.shift()!;
    if (!reply.startsWith(code)) throw new Error(`LMTP: expected ${code}, got ${reply}`);
    return reply;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }
}
